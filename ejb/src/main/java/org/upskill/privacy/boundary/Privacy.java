package org.upskill.privacy.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.certification.boundary.Certificates;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.Outbox;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.Jsonp;
import org.upskill.platform.control.SqlValues;

/**
 * UK GDPR requests: a person's own copy of everything Upskill holds about them (subject access),
 * and an admin's erasure of a person, which removes or pseudonymises their personal data while
 * statistics, item analysis, compliance percentages and certificate verification keep working.
 */
@Stateless
public class Privacy {

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;
  @Inject Outbox outbox;
  @Inject Certificates certificates;

  Clock clock = Clock.systemUTC();

  /** Free-text columns that may quote a person's name, email or staff number. */
  static final List<String[]> TEXT_COLUMNS =
      List.of(
          new String[] {"outbox_event", "payload"},
          new String[] {"idempotent_request", "response_body"},
          new String[] {"enrolment_batch", "rows_json"},
          new String[] {"attempt_response", "answer"},
          new String[] {"enrolment", "decision_reason"},
          new String[] {"compliance_exemption", "reason"},
          new String[] {"certificate", "revoke_reason"},
          new String[] {"webhook_delivery", "last_error"});

  // ------------------------------------------------------------------------------- the export

  /**
   * Everything about a person as a ZIP: {@code upskill-data.json} (profile, enrolments, lesson
   * progress, quiz attempts with their answers, grades, certificates, compliance, audit entries
   * about them) and each certificate's PDF. Nothing about anyone else.
   */
  public byte[] export(long personId, String baseUrl) {
    var person = em.find(Person.class, personId);
    if (person == null) {
      throw Refusal.notFound("There is no such person.");
    }
    var json =
        Jsonp.objectBuilder()
            .add("exportedAt", Instant.now(clock).toString())
            .add("profile", profile(person))
            .add(
                "enrolments",
                rows(
                    "select c.code, c.title, e.state, e.cycle, e.course_version, e.due_date,"
                        + " e.requested_at, e.enrolled_at, e.ended_at, e.decision_reason, e.renews"
                        + " from enrolment e join course c on c.id = e.course_id"
                        + " where e.person_id = ?1 order by e.id",
                    personId,
                    "course",
                    "title",
                    "state",
                    "cycle",
                    "courseVersion",
                    "dueDate",
                    "requestedAt",
                    "enrolledAt",
                    "endedAt",
                    "decisionReason",
                    "renewal"))
            .add(
                "lessonProgress",
                rows(
                    "select c.code, l.title, p.state, p.first_viewed_at, p.completed_at"
                        + " from lesson_progress p join lesson l on l.id = p.lesson_id"
                        + " join course_module m on m.id = l.module_id"
                        + " join course c on c.id = m.course_id"
                        + " where p.person_id = ?1 order by p.id",
                    personId,
                    "course",
                    "lesson",
                    "state",
                    "firstViewedAt",
                    "completedAt"))
            .add("quizAttempts", attempts(personId))
            .add(
                "quizGrades",
                rows(
                    "select q.title, g.attempts_submitted, g.grade_percent, g.passed"
                        + " from quiz_grade g join quiz q on q.id = g.quiz_id"
                        + " where g.person_id = ?1 order by g.id",
                    personId,
                    "quiz",
                    "attemptsSubmitted",
                    "gradePercent",
                    "passed"))
            .add(
                "completions",
                rows(
                    "select c.code, cc.course_version, cc.score_percent, cc.completed_at"
                        + " from course_completion cc join course c on c.id = cc.course_id"
                        + " where cc.person_id = ?1 order by cc.id",
                    personId,
                    "course",
                    "courseVersion",
                    "scorePercent",
                    "completedAt"))
            .add(
                "certificates",
                rows(
                    "select code, course_code, course_title, course_version, holder_name,"
                        + " issued_at, expires_at, state, revoke_reason from certificate"
                        + " where person_id = ?1 order by id",
                    personId,
                    "verificationCode",
                    "course",
                    "title",
                    "courseVersion",
                    "holderName",
                    "issuedAt",
                    "expiresAt",
                    "state",
                    "revokeReason"))
            .add(
                "compliance",
                rows(
                    "select r.name, c.code, s.status, s.completed_on, s.valid_until, s.due_date,"
                        + " x.reason from compliance_status s"
                        + " join requirement r on r.id = s.requirement_id"
                        + " join course c on c.id = r.course_id"
                        + " left join compliance_exemption x on x.person_id = s.person_id"
                        + " and x.requirement_id = s.requirement_id"
                        + " where s.person_id = ?1 order by r.name",
                    personId,
                    "requirement",
                    "course",
                    "status",
                    "completedOn",
                    "validUntil",
                    "dueDate",
                    "exemptionReason"))
            .add("auditEntriesAboutYou", auditEntries(personId))
            .build();
    var zip = new ByteArrayOutputStream();
    try (var out = new ZipOutputStream(zip, StandardCharsets.UTF_8)) {
      out.putNextEntry(new ZipEntry("upskill-data.json"));
      out.write(pretty(json).getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
      @SuppressWarnings("unchecked")
      List<Number> ids =
          em.createNativeQuery("select id from certificate where person_id = ?1 order by id")
              .setParameter(1, personId)
              .getResultList();
      for (var id : ids) {
        var name = certificates.fileName(personId, id.longValue());
        out.putNextEntry(
            new ZipEntry("certificates/" + (name.endsWith(".pdf") ? name : name + ".pdf")));
        out.write(certificates.pdf(personId, id.longValue(), baseUrl));
        out.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return zip.toByteArray();
  }

  private static String pretty(JsonObject json) {
    var writer = new java.io.StringWriter();
    try (var out =
        jakarta.json.Json.createWriterFactory(
                Map.of(jakarta.json.stream.JsonGenerator.PRETTY_PRINTING, true))
            .createWriter(writer)) {
      out.writeObject(json);
    }
    return writer.toString();
  }

  private JsonObject profile(Person p) {
    var json = Jsonp.objectBuilder().add("id", p.getId());
    add(json, "username", p.getUsername());
    add(json, "name", p.getDisplayName());
    add(json, "email", p.getEmail());
    add(json, "staffNumber", p.getStaffNumber());
    add(json, "organisation", p.getOrganisation() == null ? null : p.getOrganisation().getName());
    add(json, "staffGroup", p.getStaffGroup());
    add(json, "jobRole", p.getJobRole());
    add(json, "roles", p.getRealmRoles());
    json.add("groups", Jsonp.arrayBuilder(List.copyOf(p.getGroups())));
    json.add("extraTimePercent", p.getExtraTimePercent());
    json.add("optedOutOfOptionalEmails", p.isEmailOptOut());
    add(json, "firstSeenAt", p.getFirstSeenAt().toString());
    add(json, "lastSeenAt", p.getLastSeenAt().toString());
    return json.build();
  }

  private JsonArrayBuilder attempts(long personId) {
    var array = Jsonp.arrayBuilder();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select a.id, q.title, a.attempt_number, a.state, a.started_at, a.submitted_at,"
                    + " a.score_percent from quiz_attempt a join quiz q on q.id = a.quiz_id"
                    + " where a.person_id = ?1 order by a.id")
            .setParameter(1, personId)
            .getResultList();
    for (var r : rows) {
      var attempt = Jsonp.objectBuilder();
      add(attempt, "quiz", r[1]);
      add(attempt, "number", r[2]);
      add(attempt, "state", r[3]);
      add(attempt, "startedAt", r[4]);
      add(attempt, "submittedAt", r[5]);
      add(attempt, "scorePercent", r[6]);
      attempt.add(
          "answers",
          rows(
              "select slot, answer, fraction, saved_at from attempt_response"
                  + " where attempt_id = ?1 order by slot",
              ((Number) r[0]).longValue(),
              "slot",
              "answer",
              "fraction",
              "savedAt"));
      array.add(attempt);
    }
    return array;
  }

  private JsonArrayBuilder auditEntries(long personId) {
    var array = Jsonp.arrayBuilder();
    for (var line : audit.about(personId)) {
      var entry = Jsonp.objectBuilder();
      add(entry, "at", line.occurredAt());
      add(entry, "action", line.action());
      add(entry, "by", line.actor());
      add(entry, "subject", line.subjectType());
      add(entry, "subjectId", line.subjectId());
      add(entry, "before", line.before());
      add(entry, "after", line.after());
      array.add(entry);
    }
    return array;
  }

  /** The rows of a query about one id, each as an object with these names. */
  private JsonArrayBuilder rows(String sql, long id, String... names) {
    var array = Jsonp.arrayBuilder();
    @SuppressWarnings("unchecked")
    List<Object> rows = em.createNativeQuery(sql).setParameter(1, id).getResultList();
    for (var row : rows) {
      var values = row instanceof Object[] many ? many : new Object[] {row};
      var object = Jsonp.objectBuilder();
      for (int i = 0; i < names.length; i++) {
        add(object, names[i], values[i]);
      }
      array.add(object);
    }
    return array;
  }

  private static void add(JsonObjectBuilder json, String name, Object value) {
    if (value == null) {
      json.addNull(name);
    } else if (value instanceof Number n && !(value instanceof BigDecimal)) {
      json.add(name, n.longValue());
    } else if (value instanceof BigDecimal d) {
      json.add(name, d);
    } else if (value instanceof Boolean b) {
      json.add(name, b);
    } else if (value instanceof java.sql.Timestamp
        || value instanceof java.time.LocalDateTime
        || value instanceof java.time.OffsetDateTime) {
      json.add(name, SqlValues.instant(value).toString());
    } else if (value instanceof java.sql.Date || value instanceof LocalDate) {
      json.add(name, SqlValues.date(value).toString());
    } else {
      json.add(name, value.toString());
    }
  }

  // ------------------------------------------------------------------------------- the erasure

  /**
   * Erases a person: their name becomes a pseudonym, their email, staff number, job role, groups
   * and roles go, and every free-text column that quoted them is cleaned; their certificates verify
   * as "holder withheld"; their completions, attempts and compliance rows stay under the pseudonym
   * so that statistics stay right. The HR feed and webhooks get {@code person.erased}. Their
   * Keycloak account is the identity provider's to delete.
   *
   * @return the pseudonym
   * @throws Refusal 404 unknown person, 409 already erased
   */
  public String erase(AuditLog.Actor actor, long personId) {
    var person = em.find(Person.class, personId, LockModeType.PESSIMISTIC_WRITE);
    if (person == null) {
      throw Refusal.notFound("There is no such person.");
    }
    if (person.getErasedAt() != null) {
      throw Refusal.conflict("This person was erased already.");
    }
    var now = Instant.now(clock);
    var pseudonym = "Erased person " + personId;
    var values = new ArrayList<String>();
    for (var value :
        new String[] {
          person.getDisplayName(), person.getEmail(), person.getStaffNumber(), person.getUsername()
        }) {
      if (value != null && value.strip().length() >= 3) {
        values.add(value.strip());
      }
    }
    for (var column : TEXT_COLUMNS) {
      for (var value : values) {
        var escaped = Jsonp.value(value).toString(); // "…" with JSON escapes
        var inner = escaped.substring(1, escaped.length() - 1);
        for (var form : inner.equals(value) ? List.of(value) : List.of(inner, value)) {
          em.createNativeQuery(
                  "update "
                      + column[0]
                      + " set "
                      + column[1]
                      + " = replace("
                      + column[1]
                      + ", ?1, ?2) where "
                      + column[1]
                      + " like ?3")
              .setParameter(1, form)
              .setParameter(2, "[erased]")
              .setParameter(
                  3, "%" + form.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
              .executeUpdate();
        }
      }
    }
    em.createNativeQuery(
            "update compliance_change set staff_number = null, email = null where person_id = ?1")
        .setParameter(1, personId)
        .executeUpdate();
    certificates.withholdHolder(personId, now);
    person.erase(pseudonym, now);
    outbox.record(
        "person.erased",
        "person",
        String.valueOf(personId),
        Jsonp.objectBuilder()
            .add("person", Jsonp.objectBuilder().add("id", personId))
            .add("erasedAt", now.toString())
            .build(),
        now);
    audit.record(actor, "person.erased", personId, "person", personId, null, null);
    return pseudonym;
  }
}

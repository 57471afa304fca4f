package org.upskill.compliance.boundary;

import jakarta.annotation.Priority;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.certification.boundary.CertificateRevoked;
import org.upskill.compliance.control.Assessment;
import org.upskill.compliance.control.ComplianceRules;
import org.upskill.compliance.entity.Requirement;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.learning.boundary.CourseCompleted;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.FeedNumbers;
import org.upskill.platform.boundary.Outbox;
import org.upskill.platform.control.Jsonp;
import org.upskill.platform.control.SqlValues;

/**
 * Keeps every person's status against every requirement that applies to them ({@code
 * compliance_status}) current, from their completions and certificates: when a course is completed
 * (in the completing transaction), when a certificate expires or is revoked, when a person signs in
 * (their groups may have changed), when a requirement changes, and once a day for everyone (dates
 * move on). Each change of status is a {@code compliance.changed} outbox event. A person who must
 * act (not started, due soon, overdue) and is not on the course is enrolled on it, due by their due
 * date.
 */
@Stateless
public class Compliance {

  private static final Logger LOG = Logger.getLogger(Compliance.class.getName());

  /** Dates (due, valid until) are days in the UK. */
  public static final ZoneId ZONE = ZoneId.of("Europe/London");

  @PersistenceContext EntityManager em;
  @Inject Outbox outbox;
  @Inject FeedNumbers numbers;
  @Inject Enrolments enrolments;

  @Inject
  @ConfigProperty(name = "upskill.compliance.due-soon-days", defaultValue = "30")
  int dueSoonDays;

  Clock clock = Clock.systemUTC();

  /** Today in the UK, by the service's clock. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  /** Now, by the service's clock. */
  public Instant now() {
    return Instant.now(clock);
  }

  // ------------------------------------------------------------------------------- recomputing

  /** A completion counts for requirements at once, in the completing transaction. */
  public void onCompleted(@Observes @Priority(3000) CourseCompleted completed) {
    recompute(completed.personId());
  }

  /** An expired certificate counts no longer where the requirement follows the certificate. */
  public void onExpired(@Observes org.upskill.certification.boundary.CertificateExpired expired) {
    recompute(expired.personId());
  }

  /** A revoked certificate no longer counts. */
  public void onRevoked(@Observes CertificateRevoked revoked) {
    recompute(revoked.personId());
  }

  /**
   * After a sign-in refreshed the person's groups: their requirements and statuses, in a
   * transaction of its own that never fails the sign-in.
   *
   * @return the titles of the courses they were enrolled on because a requirement is due
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> recomputeAtSignIn(long personId) {
    try {
      return recompute(personId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Compliance could not be recomputed for person " + personId, e);
      return List.of();
    }
  }

  /** Recomputes several people, in one transaction of its own (the daily run, a changed rule). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int recomputeAll(List<Long> people) {
    var requirements = requirements(); // once for the batch, not once per person
    int changed = 0;
    for (var id : people) {
      changed += recompute(id, requirements).size();
    }
    return changed;
  }

  /** The ids of people after {@code afterId}, in order, a chunk at a time. */
  public List<Long> peopleAfter(long afterId, int max) {
    return em.createQuery("select p.id from Person p where p.id > :after order by p.id", Long.class)
        .setParameter("after", afterId)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Brings one person's statuses up to date (in the caller's transaction).
   *
   * @return the titles of the courses they were enrolled on because a requirement is due
   */
  public List<String> recompute(long personId) {
    return recompute(personId, requirements());
  }

  private List<Requirement> requirements() {
    return em.createQuery("select r from Requirement r order by r.id", Requirement.class)
        .getResultList();
  }

  private List<String> recompute(long personId, List<Requirement> requirements) {
    var person = em.find(Person.class, personId);
    if (person == null || person.getErasedAt() != null) {
      // an erased person's statuses stay as they were, so that the percentages stay right
      return List.of();
    }
    var today = today();
    var now = Instant.now(clock);
    var organisationId = person.getOrganisation() == null ? null : person.getOrganisation().getId();
    var existing = statusRows(personId);
    var exempt = new HashSet<Long>();
    for (var id :
        em.createNativeQuery("select requirement_id from compliance_exemption where person_id = ?1")
            .setParameter(1, personId)
            .getResultList()) {
      exempt.add(((Number) id).longValue());
    }
    var enrolledOn = new ArrayList<String>();
    var applying = new HashSet<Long>();
    for (var requirement : requirements) {
      if (!requirement.appliesTo(
          person.getStaffGroup(), organisationId, person.getJobRole(), person.getGroups())) {
        continue;
      }
      applying.add(requirement.getId());
      var before = existing.get(requirement.getId());
      var appliesSince =
          before != null
              ? before.appliesSince()
              : later(
                  LocalDate.ofInstant(person.getFirstSeenAt(), ZONE),
                  LocalDate.ofInstant(requirement.getCreatedAt(), ZONE));
      var counted = latestCompletion(personId, requirement.getCourseId());
      var assessment =
          ComplianceRules.assess(
              requirement.rule(),
              requirement.getNewcomerDueDays(),
              appliesSince,
              counted == null ? null : counted.completedOn(),
              counted == null ? null : counted.expiresOn(),
              exempt.contains(requirement.getId()),
              today,
              dueSoonDays);
      store(person, organisationId, requirement, appliesSince, before, assessment, now);
      if (assessment.status().needsTraining()) {
        enrolIfAbsent(personId, requirement.getCourseId(), assessment.dueDate())
            .ifPresent(enrolledOn::add);
      }
    }
    for (var before : existing.values()) {
      if (!applying.contains(before.requirementId())) {
        em.createNativeQuery(
                "delete from compliance_status where person_id = ?1 and requirement_id = ?2")
            .setParameter(1, personId)
            .setParameter(2, before.requirementId())
            .executeUpdate();
        var requirement = em.find(Requirement.class, before.requirementId());
        if (requirement != null) {
          event(person, requirement, "not_applicable", before.status(), null, null, now);
        }
      }
    }
    return enrolledOn;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  /** A stored status. */
  record StoredStatus(
      long requirementId,
      String status,
      LocalDate appliesSince,
      LocalDate completedOn,
      LocalDate validUntil,
      LocalDate dueDate) {}

  private Map<Long, StoredStatus> statusRows(long personId) {
    var rows = new LinkedHashMap<Long, StoredStatus>();
    for (var r :
        em.createNativeQuery(
                "select requirement_id, status, applies_since, completed_on, valid_until, due_date"
                    + " from compliance_status where person_id = ?1")
            .setParameter(1, personId)
            .getResultList()) {
      var row = (Object[]) r;
      var id = ((Number) row[0]).longValue();
      rows.put(
          id,
          new StoredStatus(
              id,
              (String) row[1],
              SqlValues.date(row[2]),
              SqlValues.date(row[3]),
              SqlValues.date(row[4]),
              SqlValues.date(row[5])));
    }
    return rows;
  }

  /** The completion that counts: the latest one whose certificate is not revoked. */
  record Counted(LocalDate completedOn, LocalDate expiresOn) {}

  private Counted latestCompletion(long personId, long courseId) {
    var rows =
        em.createNativeQuery(
                "select cc.completed_at, ce.expires_at from course_completion cc"
                    + " left join certificate ce on ce.completion_id = cc.id"
                    + " where cc.person_id = ?1 and cc.course_id = ?2"
                    + " and (ce.state is null or ce.state <> 'REVOKED')"
                    + " order by cc.completed_at desc")
            .setParameter(1, personId)
            .setParameter(2, courseId)
            .setMaxResults(1)
            .getResultList();
    if (rows.isEmpty()) {
      return null;
    }
    var row = (Object[]) rows.get(0);
    var expires = SqlValues.instant(row[1]);
    return new Counted(
        LocalDate.ofInstant(SqlValues.instant(row[0]), ZONE),
        expires == null ? null : LocalDate.ofInstant(expires, ZONE));
  }

  private void store(
      Person person,
      Long organisationId,
      Requirement requirement,
      LocalDate appliesSince,
      StoredStatus before,
      Assessment assessment,
      Instant now) {
    var status = assessment.status().wire();
    if (before == null) {
      em.createNativeQuery(
              "insert into compliance_status (person_id, requirement_id, organisation_id, status,"
                  + " applies_since, completed_on, valid_until, due_date, changed_at)"
                  + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
          .setParameter(1, person.getId())
          .setParameter(2, requirement.getId())
          .setParameter(3, organisationId)
          .setParameter(4, status)
          .setParameter(5, appliesSince)
          .setParameter(6, assessment.completedOn())
          .setParameter(7, assessment.validUntil())
          .setParameter(8, assessment.dueDate())
          .setParameter(9, now)
          .executeUpdate();
    } else if (!status.equals(before.status())
        || !Objects.equals(assessment.completedOn(), before.completedOn())
        || !Objects.equals(assessment.validUntil(), before.validUntil())
        || !Objects.equals(assessment.dueDate(), before.dueDate())) {
      em.createNativeQuery(
              "update compliance_status set organisation_id = ?3, status = ?4, completed_on = ?5,"
                  + " valid_until = ?6, due_date = ?7, changed_at = ?8"
                  + " where person_id = ?1 and requirement_id = ?2")
          .setParameter(1, person.getId())
          .setParameter(2, requirement.getId())
          .setParameter(3, organisationId)
          .setParameter(4, status)
          .setParameter(5, assessment.completedOn())
          .setParameter(6, assessment.validUntil())
          .setParameter(7, assessment.dueDate())
          .setParameter(8, now)
          .executeUpdate();
    } else {
      return; // nothing changed
    }
    if (before == null || !status.equals(before.status())) {
      event(
          person,
          requirement,
          status,
          before == null ? null : before.status(),
          assessment.validUntil(),
          assessment.dueDate(),
          now);
    }
  }

  private void event(
      Person person,
      Requirement requirement,
      String status,
      String previous,
      LocalDate validUntil,
      LocalDate dueDate,
      Instant now) {
    JsonObjectBuilder personRef = Jsonp.objectBuilder().add("id", person.getId());
    addOrNull(personRef, "staffNumber", person.getStaffNumber());
    addOrNull(personRef, "email", person.getEmail());
    var courseCode =
        (String)
            em.createNativeQuery("select code from course where id = ?1")
                .setParameter(1, requirement.getCourseId())
                .getSingleResult();
    var payload =
        Jsonp.objectBuilder()
            .add("person", personRef)
            .add(
                "requirement",
                Jsonp.objectBuilder()
                    .add("id", requirement.getId())
                    .add("name", requirement.getName())
                    .add("course", courseCode))
            .add("status", status);
    addOrNull(payload, "previousStatus", previous);
    addOrNull(payload, "validUntil", validUntil == null ? null : validUntil.toString());
    addOrNull(payload, "dueDate", dueDate == null ? null : dueDate.toString());
    outbox.record(
        "compliance.changed", "person", String.valueOf(person.getId()), payload.build(), now);
    // ... and the HR feed of changes, numbered under the counter's row lock (held until commit)
    var number = numbers.take(FeedNumbers.COMPLIANCE, 1);
    em.createNativeQuery(
            "insert into compliance_change (sequence_no, change_id, occurred_at, person_id,"
                + " staff_number, email, organisation_id, requirement_id, requirement_name,"
                + " course_code, status, previous_status, valid_until, due_date)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)")
        .setParameter(1, number)
        .setParameter(2, java.util.UUID.randomUUID().toString())
        .setParameter(3, now)
        .setParameter(4, person.getId())
        .setParameter(5, person.getStaffNumber())
        .setParameter(6, person.getEmail())
        .setParameter(7, person.getOrganisation() == null ? null : person.getOrganisation().getId())
        .setParameter(8, requirement.getId())
        .setParameter(9, requirement.getName())
        .setParameter(10, courseCode)
        .setParameter(11, status)
        .setParameter(12, previous)
        .setParameter(13, validUntil)
        .setParameter(14, dueDate)
        .executeUpdate();
  }

  private static void addOrNull(JsonObjectBuilder builder, String name, String value) {
    if (value == null) {
      builder.addNull(name);
    } else {
      builder.add(name, value);
    }
  }

  /** Enrols the person on a published course they are not on; answers its title if enrolled. */
  private java.util.Optional<String> enrolIfAbsent(long personId, long courseId, LocalDate due) {
    var rows =
        em.createNativeQuery(
                "select c.code, c.title from course c where c.id = ?1 and c.status = 'PUBLISHED'"
                    + " and not exists (select 1 from enrolment e where e.person_id = ?2"
                    + " and e.course_id = c.id and e.live = true)")
            .setParameter(1, courseId)
            .setParameter(2, personId)
            .getResultList();
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    var row = (Object[]) rows.get(0);
    var people = new HashMap<Long, LocalDate>();
    people.put(personId, due);
    var outcome = enrolments.enrolByRule((String) row[0], people).get(personId);
    return "enrolled".equals(outcome) || "waitlisted".equals(outcome)
        ? java.util.Optional.of((String) row[1])
        : java.util.Optional.empty();
  }
}

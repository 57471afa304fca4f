package org.upskill.compliance.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.certification.boundary.CompletionFeed;
import org.upskill.certification.control.VerificationCode;
import org.upskill.compliance.entity.RenewalRule;
import org.upskill.compliance.entity.Requirement;

/**
 * Demo compliance, loaded once into a database with the demo catalogue and no requirement yet:
 * "Information governance and data security — annual" (GDPR for data scientists, every 12 months)
 * and "Ethics of AI — renewed every 1 April" (30 days' grace), both for everyone in the Keycloak
 * group NHS staff; and ten demo staff of Northshire Teaching Hospitals (no sign-in account) whose
 * completions put them in every state, so that the managers' dashboard shows something real. Off
 * with {@code UPSKILL_DEMO_COMPLIANCE=false} (the system tests switch it off and make their own).
 */
@Startup
@Singleton
@DependsOn("DemoContent")
public class DemoCompliance {

  private static final Logger LOG = Logger.getLogger(DemoCompliance.class.getName());
  static final String ORGANISATION = "Northshire Teaching Hospitals NHS Foundation Trust";
  static final String GROUP = "NHS staff";

  /** A demo person: months since each course was completed (null: never). */
  record DemoPerson(
      String name,
      String staffGroup,
      String jobRole,
      int monthsKnown,
      Double governanceMonthsAgo,
      Double ethicsMonthsAgo,
      String exemption) {}

  static final List<DemoPerson> PEOPLE =
      List.of(
          new DemoPerson(
              "Amara Okafor", "Nursing and midwifery", "Staff nurse", 30, 2.0, 4.0, null),
          new DemoPerson(
              "Ben Carter", "Nursing and midwifery", "Charge nurse", 30, 11.4, 5.0, null),
          new DemoPerson(
              "Chloe Davies",
              "Allied health professionals",
              "Physiotherapist",
              24,
              13.0,
              9.0,
              null),
          new DemoPerson(
              "Daniel Evans", "Medical and dental", "Foundation doctor", 0, null, null, null),
          new DemoPerson(
              "Ella Fraser", "Administrative and clerical", "Ward clerk", 20, 5.0, null, null),
          new DemoPerson("Farah Hussain", "Medical and dental", "Registrar", 14, null, 3.0, null),
          new DemoPerson(
              "George Ito", "Digital and data", "Clinical informatician", 26, 10.2, 6.0, null),
          new DemoPerson(
              "Hannah Jones",
              "Nursing and midwifery",
              "Midwife",
              28,
              null,
              null,
              "On long-term leave until the spring"),
          new DemoPerson("Isaac Kumar", "Digital and data", "Data analyst", 18, 1.0, 2.0, null),
          new DemoPerson(
              "Jade Lewis", "Allied health professionals", "Radiographer", 22, 11.8, null, null));

  @PersistenceContext EntityManager em;
  @Inject Compliance compliance;
  @Inject CompletionFeed feed;

  @Inject
  @ConfigProperty(name = "upskill.demo-content", defaultValue = "true")
  boolean demoContent;

  @Inject
  @ConfigProperty(name = "upskill.demo-compliance", defaultValue = "true")
  boolean enabled;

  Clock clock = Clock.systemUTC();

  @PostConstruct
  void load() {
    if (!demoContent || !enabled) {
      return;
    }
    var requirements = em.createQuery("select count(r) from Requirement r", Long.class);
    if (requirements.getSingleResult() > 0) {
      return;
    }
    var governance = courseId("GDPR-DS");
    var ethics = courseId("AI-ETHICS");
    if (governance == null || ethics == null) {
      return;
    }
    var now = Instant.now(clock);
    var longAgo = now.minusSeconds(3L * 366 * 24 * 3600);
    var first = new Requirement(longAgo);
    first.define(
        "Information governance and data security – annual",
        governance,
        null,
        null,
        null,
        GROUP,
        RenewalRule.everyMonths(12, 0),
        30,
        now);
    em.persist(first);
    var second = new Requirement(longAgo);
    second.define(
        "Ethics of AI in healthcare – renewed every 1 April",
        ethics,
        null,
        null,
        null,
        GROUP,
        RenewalRule.annualOn(4, 1, 30),
        60,
        now);
    em.persist(second);
    em.flush();
    var organisation = organisationId(now);
    int n = 0;
    for (var demo : PEOPLE) {
      n++;
      var personId = person(n, demo, organisation, now);
      if (demo.governanceMonthsAgo() != null) {
        complete(personId, governance, "GDPR-DS", demo, ago(now, demo.governanceMonthsAgo()), 12);
      }
      if (demo.ethicsMonthsAgo() != null) {
        complete(personId, ethics, "AI-ETHICS", demo, ago(now, demo.ethicsMonthsAgo()), null);
      }
      if (demo.exemption() != null) {
        em.createNativeQuery(
                "insert into compliance_exemption (person_id, requirement_id, reason,"
                    + " granted_by, granted_at) values (?1, ?2, ?3, ?1, ?4)")
            .setParameter(1, personId)
            .setParameter(2, first.getId())
            .setParameter(3, demo.exemption())
            .setParameter(4, now)
            .executeUpdate();
      }
      compliance.recompute(personId);
    }
    LOG.info(() -> "Demo compliance loaded: 2 requirements, " + PEOPLE.size() + " demo staff");
  }

  private static Instant ago(Instant now, double months) {
    return now.minusSeconds(Math.round(months * 30.44 * 24 * 3600));
  }

  private Long courseId(String code) {
    var found =
        em.createNativeQuery("select id from course where code = ?1 and status = 'PUBLISHED'")
            .setParameter(1, code)
            .getResultList();
    return found.isEmpty() ? null : ((Number) found.get(0)).longValue();
  }

  private long organisationId(Instant now) {
    var found =
        em.createNativeQuery("select id from organisation where name = ?1")
            .setParameter(1, ORGANISATION)
            .getResultList();
    if (!found.isEmpty()) {
      return ((Number) found.get(0)).longValue();
    }
    em.createNativeQuery("insert into organisation (name, created_at) values (?1, ?2)")
        .setParameter(1, ORGANISATION)
        .setParameter(2, now)
        .executeUpdate();
    return organisationId(now);
  }

  private long person(int n, DemoPerson demo, long organisation, Instant now) {
    var seen = now.minusSeconds(Math.round(demo.monthsKnown() * 30.44 * 24 * 3600) + 86_400 * 3);
    var username = "demo-staff-" + n;
    em.createNativeQuery(
            "insert into person (subject, username, display_name, email, organisation_id,"
                + " staff_group, job_role, staff_number, extra_time_percent, first_seen_at,"
                + " last_seen_at, version, email_opt_out, is_manager)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?9, ?9, 0, false, false)")
        .setParameter(1, "demo:" + username)
        .setParameter(2, username)
        .setParameter(3, demo.name())
        .setParameter(4, username + "@northshire.example")
        .setParameter(5, organisation)
        .setParameter(6, demo.staffGroup())
        .setParameter(7, demo.jobRole())
        .setParameter(8, String.format("NTH-9%05d", n))
        .setParameter(9, seen)
        .executeUpdate();
    var id =
        ((Number)
                em.createNativeQuery("select id from person where subject = ?1")
                    .setParameter(1, "demo:" + username)
                    .getSingleResult())
            .longValue();
    em.createNativeQuery("insert into person_group (person_id, group_name) values (?1, ?2)")
        .setParameter(1, id)
        .setParameter(2, GROUP)
        .executeUpdate();
    return id;
  }

  private void complete(
      long personId, long courseId, String code, DemoPerson demo, Instant at, Integer months) {
    em.createNativeQuery(
            "insert into enrolment (person_id, course_id, state, live, cycle, course_version,"
                + " requested_at, enrolled_at, ended_at, version, renews)"
                + " values (?1, ?2, 'COMPLETED', null, 1, 1, ?3, ?3, ?3, 0, false)")
        .setParameter(1, personId)
        .setParameter(2, courseId)
        .setParameter(3, at)
        .executeUpdate();
    var enrolment = lastId("enrolment");
    em.createNativeQuery(
            "insert into course_completion (enrolment_id, person_id, course_id, course_version,"
                + " score_percent, completed_at) values (?1, ?2, ?3, 1, 90.00, ?4)")
        .setParameter(1, enrolment)
        .setParameter(2, personId)
        .setParameter(3, courseId)
        .setParameter(4, at)
        .executeUpdate();
    var completion = lastId("course_completion");
    Instant expires =
        months == null
            ? null
            : LocalDate.ofInstant(at, ZoneOffset.UTC)
                .plusMonths(months)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    var title =
        (String)
            em.createNativeQuery("select title from course where id = ?1")
                .setParameter(1, courseId)
                .getSingleResult();
    var now = Instant.now(clock);
    var verification = VerificationCode.generate();
    var expired = expires != null && expires.isBefore(now);
    em.createNativeQuery(
            "insert into certificate (code, credential_id, person_id, course_id, completion_id,"
                + " course_version, holder_name, course_code, course_title, issued_at, expires_at,"
                + " state, state_changed_at, version)"
                + " values (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7, ?8, ?9, ?10, ?11, ?9, 0)")
        .setParameter(1, verification)
        .setParameter(2, UUID.randomUUID().toString())
        .setParameter(3, personId)
        .setParameter(4, courseId)
        .setParameter(5, completion)
        .setParameter(6, demo.name())
        .setParameter(7, code)
        .setParameter(8, title)
        .setParameter(9, at)
        .setParameter(10, expires)
        .setParameter(11, expired ? "EXPIRED" : "VALID")
        .executeUpdate();
    // …and in the HR feed, as the completion (and the clock, for an expired one) would have put it
    var certificate = lastId("certificate");
    java.util.function.BiFunction<CompletionFeed.Type, Instant, CompletionFeed.Entry> change =
        (type, when) ->
            new CompletionFeed.Entry(
                type,
                when,
                personId,
                courseId,
                code,
                1,
                completion,
                certificate,
                verification,
                new java.math.BigDecimal("90.00"),
                at,
                expires,
                type == CompletionFeed.Type.EXPIRED ? "expired" : "valid");
    feed.append(
        expired
            ? List.of(
                change.apply(CompletionFeed.Type.COMPLETED, at),
                change.apply(CompletionFeed.Type.EXPIRED, expires))
            : List.of(change.apply(CompletionFeed.Type.COMPLETED, at)));
  }

  private long lastId(String table) {
    return ((Number) em.createNativeQuery("select max(id) from " + table).getSingleResult())
        .longValue();
  }
}

package org.upskill.privacy.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.platform.control.Jsonp;

/**
 * Retention: quiz answers are deleted {@code UPSKILL_RETENTION_RESPONSES_YEARS} years after their
 * attempt started (the attempt's score stays), and people who have not signed in for {@code
 * UPSKILL_RETENTION_INACTIVE_YEARS} years are erased (see {@link Privacy#erase}); 0 keeps for ever.
 * {@link #dryRun} says what would go, without changing anything; {@link #apply} does it, audited.
 * Admins see the dry run at {@code /admin/retention} and apply it there; the daily job applies it
 * only when {@code UPSKILL_RETENTION_APPLY=true}, and otherwise logs the dry run.
 */
@Stateless
public class Retention {

  @PersistenceContext EntityManager em;
  @Inject Privacy privacy;
  @Inject AuditLog audit;
  @EJB Retention self;

  @Inject
  @ConfigProperty(name = "upskill.retention.responses-years", defaultValue = "0")
  int responsesYears;

  @Inject
  @ConfigProperty(name = "upskill.retention.inactive-years", defaultValue = "0")
  int inactiveYears;

  Clock clock = Clock.systemUTC();

  /** Someone who would be erased. */
  public record Inactive(long personId, String name, Instant lastSeenAt) {}

  /** What retention would do now. */
  public record Report(
      int responsesYears,
      int inactiveYears,
      Instant responsesBefore,
      Instant inactiveBefore,
      long attempts,
      long responses,
      List<Inactive> people) {}

  private Instant yearsAgo(int years) {
    return Instant.now(clock).atOffset(ZoneOffset.UTC).minusYears(years).toInstant();
  }

  /** What would be deleted or erased now; changes nothing. */
  public Report dryRun() {
    Instant responsesBefore = responsesYears > 0 ? yearsAgo(responsesYears) : null;
    Instant inactiveBefore = inactiveYears > 0 ? yearsAgo(inactiveYears) : null;
    long attempts = 0;
    long responses = 0;
    if (responsesBefore != null) {
      attempts =
          ((Number)
                  em.createNativeQuery(
                          "select count(distinct a.id) from quiz_attempt a"
                              + " join attempt_response r on r.attempt_id = a.id"
                              + " where a.started_at < ?1")
                      .setParameter(1, responsesBefore)
                      .getSingleResult())
              .longValue();
      responses =
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from attempt_response r join quiz_attempt a"
                              + " on a.id = r.attempt_id where a.started_at < ?1")
                      .setParameter(1, responsesBefore)
                      .getSingleResult())
              .longValue();
    }
    List<Inactive> people = List.of();
    if (inactiveBefore != null) {
      @SuppressWarnings("unchecked")
      List<Object[]> rows =
          em.createNativeQuery(
                  "select id, display_name, last_seen_at from person where erased_at is null"
                      + " and last_seen_at < ?1 order by last_seen_at, id")
              .setParameter(1, inactiveBefore)
              .getResultList();
      people =
          rows.stream()
              .map(
                  r ->
                      new Inactive(
                          ((Number) r[0]).longValue(),
                          (String) r[1],
                          org.upskill.platform.control.SqlValues.instant(r[2])))
              .toList();
    }
    return new Report(
        responsesYears,
        inactiveYears,
        responsesBefore,
        inactiveBefore,
        attempts,
        responses,
        people);
  }

  /**
   * Deletes the old answers and erases the inactive people, each person in a transaction of their
   * own; audited with the counts.
   *
   * @return what was done
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Report apply(AuditLog.Actor actor) {
    var report = self.dryRun();
    for (var person : report.people()) {
      self.eraseOne(actor, person.personId());
    }
    self.deleteResponses(actor, report);
    return report;
  }

  /** One inactive person's erasure. */
  public void eraseOne(AuditLog.Actor actor, long personId) {
    privacy.erase(actor, personId);
  }

  /** The old answers, and the audit entry for the whole run. */
  public void deleteResponses(AuditLog.Actor actor, Report report) {
    if (report.responsesBefore() != null) {
      em.createNativeQuery(
              "delete from attempt_response where attempt_id in"
                  + " (select a.id from quiz_attempt a where a.started_at < ?1)")
          .setParameter(1, report.responsesBefore())
          .executeUpdate();
    }
    audit.record(
        actor,
        "retention.applied",
        null,
        "retention",
        null,
        null,
        Jsonp.objectBuilder()
            .add("responsesDeleted", report.responses())
            .add("attempts", report.attempts())
            .add("peopleErased", report.people().size())
            .build());
  }
}

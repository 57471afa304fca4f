package org.upskill.integration.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.SqlValues;

/**
 * The HR completions feed: every change to a completion or its certificate (completed, renewed,
 * expired, revoked), numbered in commit order.
 *
 * <p>A writer takes its numbers from the single {@code feed_counter} row under a lock it holds
 * until it commits; a second writer waits for that commit before it gets the next number. So once a
 * reader sees number n, every number below n is committed and visible too: a client that asks for
 * "everything after the last number I read" never misses a change and never sees one twice,
 * whatever commits concurrently. The lock is taken as late as possible in the writer's transaction.
 */
@Stateless
public class CompletionFeed {

  /** What changed. */
  public enum Type {
    COMPLETED,
    RENEWED,
    EXPIRED,
    REVOKED,
    /** The person was erased: their ids (staff number, email) are no longer given. */
    ERASED
  }

  /** A change to record: the certificate (and completion) it is about. */
  public record Entry(
      Type type,
      Instant occurredAt,
      long personId,
      long courseId,
      String courseCode,
      int courseVersion,
      long completionId,
      Long certificateId,
      String verificationCode,
      BigDecimal scorePercent,
      Instant completedAt,
      Instant expiresAt,
      String certificateState) {}

  /** A change as the feed gives it, with the person's external ids as they are now. */
  public record Change(
      long sequence,
      String changeId,
      String type,
      Instant occurredAt,
      long personId,
      String staffNumber,
      String email,
      String organisation,
      String courseCode,
      int courseVersion,
      long completionId,
      Long certificateId,
      String verificationCode,
      BigDecimal scorePercent,
      Instant completedAt,
      Instant expiresAt,
      String certificateState) {}

  /**
   * Which changes: after a sequence number (0: from the start), optionally since a time, of one
   * course, organisation or person (each by id, already resolved).
   */
  public record Query(
      long after, Instant updatedSince, Long courseId, Long organisationId, Long personId) {}

  @PersistenceContext EntityManager em;

  /**
   * Records changes in the caller's transaction, numbered after every change committed before.
   * Takes the counter's lock, held until the caller commits.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void append(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    var last =
        ((Number)
                em.createNativeQuery(
                        "select last_sequence from feed_counter where id = 1 for update")
                    .getSingleResult())
            .longValue();
    em.createNativeQuery("update feed_counter set last_sequence = ?1 where id = 1")
        .setParameter(1, last + entries.size())
        .executeUpdate();
    var sequence = last;
    for (var entry : entries) {
      sequence++;
      em.createNativeQuery(
              "insert into completion_change (sequence_no, change_id, change_type, occurred_at,"
                  + " person_id, organisation_id, course_id, course_code, course_version,"
                  + " completion_id, certificate_id, completed_at, expires_at, certificate_state,"
                  + " verification_code, score_percent)"
                  + " select ?1, ?2, ?3, ?4, p.id, p.organisation_id, ?5, ?6, ?7, ?8, ?9, ?10, ?11,"
                  + " ?12, ?14, ?15 from person p where p.id = ?13")
          .setParameter(1, sequence)
          .setParameter(2, UUID.randomUUID().toString())
          .setParameter(3, entry.type().name().toLowerCase(java.util.Locale.ROOT))
          .setParameter(4, Timestamp.from(entry.occurredAt()))
          .setParameter(5, entry.courseId())
          .setParameter(6, entry.courseCode())
          .setParameter(7, entry.courseVersion())
          .setParameter(8, entry.completionId())
          .setParameter(9, entry.certificateId())
          .setParameter(10, Timestamp.from(entry.completedAt()))
          .setParameter(11, entry.expiresAt() == null ? null : Timestamp.from(entry.expiresAt()))
          .setParameter(12, entry.certificateState())
          .setParameter(13, entry.personId())
          .setParameter(14, entry.verificationCode())
          .setParameter(15, entry.scorePercent())
          .executeUpdate();
    }
  }

  /**
   * Up to {@code limit} changes matching the query, in sequence order. The changes are chosen
   * first, by the primary key's range (a derived table with its own order and limit), and only then
   * joined to the person, organisation, certificate and completion: otherwise the optimiser may
   * start from the people and sort the whole feed for every page.
   */
  public List<Change> page(Query query, int limit) {
    var where = new StringBuilder(" where c0.sequence_no > ?1");
    var parameters = new ArrayList<Object>();
    parameters.add(query.after());
    if (query.updatedSince() != null) {
      parameters.add(Timestamp.from(query.updatedSince()));
      where.append(" and c0.occurred_at >= ?").append(parameters.size());
    }
    if (query.courseId() != null) {
      parameters.add(query.courseId());
      where.append(" and c0.course_id = ?").append(parameters.size());
    }
    if (query.organisationId() != null) {
      parameters.add(query.organisationId());
      where.append(" and c0.organisation_id = ?").append(parameters.size());
    }
    if (query.personId() != null) {
      parameters.add(query.personId());
      where.append(" and c0.person_id = ?").append(parameters.size());
    }
    parameters.add(limit);
    var sql =
        "select ch.sequence_no, ch.change_id, ch.change_type, ch.occurred_at, ch.person_id,"
            + " p.staff_number, p.email, o.name, ch.course_code, ch.course_version,"
            + " ch.completion_id, ch.certificate_id, ch.verification_code, ch.score_percent,"
            + " ch.completed_at, ch.expires_at, ch.certificate_state"
            + " from (select c0.sequence_no, c0.change_id, c0.change_type, c0.occurred_at,"
            + " c0.person_id, c0.organisation_id, c0.course_code, c0.course_version,"
            + " c0.completion_id, c0.certificate_id, c0.verification_code, c0.score_percent,"
            + " c0.completed_at, c0.expires_at, c0.certificate_state"
            + " from completion_change c0"
            + where
            + " order by c0.sequence_no limit ?"
            + parameters.size()
            + ") ch"
            + " join person p on p.id = ch.person_id"
            + " left join organisation o on o.id = ch.organisation_id"
            + " order by ch.sequence_no";
    var native_ = em.createNativeQuery(sql);
    for (int i = 0; i < parameters.size(); i++) {
      native_.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = native_.getResultList();
    return rows.stream().map(CompletionFeed::change).toList();
  }

  private static Change change(Object[] r) {
    return new Change(
        ((Number) r[0]).longValue(),
        (String) r[1],
        (String) r[2],
        SqlValues.instant(r[3]),
        ((Number) r[4]).longValue(),
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        ((Number) r[9]).intValue(),
        ((Number) r[10]).longValue(),
        r[11] == null ? null : ((Number) r[11]).longValue(),
        (String) r[12],
        r[13] == null ? null : new BigDecimal(r[13].toString()),
        SqlValues.instant(r[14]),
        SqlValues.instant(r[15]),
        (String) r[16]);
  }

  // ------------------------------------------------------------------------------------ filters

  /**
   * The id of a course by its code.
   *
   * @throws Refusal 404 when there is none
   */
  public long courseId(String code) {
    return em.createQuery("select c.id from Course c where c.code = :code", Long.class)
        .setParameter("code", code.strip().toUpperCase(java.util.Locale.ROOT))
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("There is no course " + code + "."));
  }

  /**
   * The id of an organisation by its name or ODS code.
   *
   * @throws Refusal 404 when there is none
   */
  public long organisationId(String nameOrOdsCode) {
    return em.createQuery(
            "select o.id from Organisation o where o.name = :key or o.odsCode = :key", Long.class)
        .setParameter("key", nameOrOdsCode.strip())
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("There is no organisation " + nameOrOdsCode + "."));
  }

  /** The highest sequence number committed now (for an incremental sync's starting point). */
  public long latest() {
    return Optional.ofNullable(
            (Number)
                em.createNativeQuery("select max(sequence_no) from completion_change")
                    .getSingleResult())
        .map(Number::longValue)
        .orElse(0L);
  }
}

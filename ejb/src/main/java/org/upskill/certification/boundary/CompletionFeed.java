package org.upskill.certification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;
import org.upskill.platform.boundary.FeedNumbers;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.RequestStatements;

/**
 * The HR completions feed: every change to a completion or its certificate (completed, renewed,
 * expired, revoked), numbered in commit order.
 *
 * <p>A writer takes its numbers from {@link FeedNumbers} (the feed's counter row, locked until it
 * commits), as late as possible in its transaction: a client that asks for "everything after the
 * last number I read" never misses a change and never sees one twice, whatever commits
 * concurrently.
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
      String certificateState) {

    /** The same change, of a person in this organisation. */
    Change withOrganisation(String name) {
      return new Change(
          sequence,
          changeId,
          type,
          occurredAt,
          personId,
          staffNumber,
          email,
          name,
          courseCode,
          courseVersion,
          completionId,
          certificateId,
          verificationCode,
          scorePercent,
          completedAt,
          expiresAt,
          certificateState);
    }
  }

  /**
   * Which changes: after a sequence number (0: from the start), optionally since a time, of one
   * course, organisation or person (each by id, already resolved).
   */
  public record Query(
      long after, Instant updatedSince, Long courseId, Long organisationId, Long personId) {}

  @PersistenceContext EntityManager em;
  @Inject FeedNumbers numbers;

  /**
   * Records changes in the caller's transaction, numbered after every change committed before.
   * Takes the counter's lock, held until the caller commits.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void append(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    var sequence = numbers.take(FeedNumbers.COMPLETIONS, entries.size()) - 1;
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
          .setParameter(3, entry.type().name().toLowerCase(Locale.ROOT))
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
   * Up to {@code limit} changes matching the query, in sequence order.
   *
   * <p>A full sync reads the whole feed a page at a time, so this is written for speed (measured by
   * {@code bench/feed/run.sh}): plain JDBC on the persistence context's connection (Hibernate's
   * handling of a native query's rows cost as much as reading them); the changes joined to their
   * people in one query that reads the changes by the primary key's range, in its order (on MySQL
   * and MariaDB {@code STRAIGHT_JOIN} keeps the optimiser from starting with the people and sorting
   * the whole feed, which a derived table also prevented but at the cost of a temporary table and a
   * sort per page); the few organisations a page names are then read by id. No transaction: the
   * reads need none (each statement sees what was committed when it ran, which is all the feed
   * promises), and a JTA transaction was much of a small page's time in the profile (enlisting the
   * connection, switching auto-commit off and on, committing).
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public List<Change> page(Query query, int limit) {
    return em.unwrap(Session.class).doReturningWork(connection -> read(connection, query, limit));
  }

  private static List<Change> read(Connection connection, Query query, int limit)
      throws SQLException {
    var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    var mysql = product.contains("mysql") || product.contains("mariadb");
    var sql =
        new StringBuilder(mysql ? "select straight_join" : "select")
            .append(
                " c.sequence_no, c.change_id, c.change_type, c.occurred_at, c.person_id,"
                    + " c.organisation_id, c.course_code, c.course_version, c.completion_id,"
                    + " c.certificate_id, c.verification_code, c.score_percent, c.completed_at,"
                    + " c.expires_at, c.certificate_state, p.staff_number, p.email"
                    + " from completion_change c join person p on p.id = c.person_id"
                    + " where c.sequence_no > ?");
    var parameters = new ArrayList<Object>();
    parameters.add(query.after());
    if (query.updatedSince() != null) {
      sql.append(" and c.occurred_at >= ?");
      parameters.add(LocalDateTime.ofInstant(query.updatedSince(), ZoneOffset.UTC));
    }
    if (query.courseId() != null) {
      sql.append(" and c.course_id = ?");
      parameters.add(query.courseId());
    }
    if (query.organisationId() != null) {
      sql.append(" and c.organisation_id = ?");
      parameters.add(query.organisationId());
    }
    if (query.personId() != null) {
      sql.append(" and c.person_id = ?");
      parameters.add(query.personId());
    }
    sql.append(" order by c.sequence_no limit ?");
    parameters.add(limit);
    var changes = new ArrayList<Change>();
    var organisationIds = new ArrayList<Long>();
    try (var statement = RequestStatements.prepare(connection, sql.toString())) {
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (var r = statement.executeQuery()) {
        while (r.next()) {
          var organisationId = r.getLong(6);
          organisationIds.add(r.wasNull() ? null : organisationId);
          var certificateId = r.getLong(10);
          var certificateNull = r.wasNull();
          changes.add(
              new Change(
                  r.getLong(1),
                  r.getString(2),
                  r.getString(3),
                  utc(r.getObject(4, LocalDateTime.class)),
                  r.getLong(5),
                  r.getString(16),
                  r.getString(17),
                  null, // the organisation's name, below
                  r.getString(7),
                  r.getInt(8),
                  r.getLong(9),
                  certificateNull ? null : certificateId,
                  r.getString(11),
                  r.getBigDecimal(12),
                  utc(r.getObject(13, LocalDateTime.class)),
                  utc(r.getObject(14, LocalDateTime.class)),
                  r.getString(15)));
        }
      }
    }
    var names = new HashMap<Long, String>();
    byIds(
        connection,
        "select id, name from organisation where id in ",
        organisationIds.stream().filter(Objects::nonNull).distinct().toList(),
        r -> names.put(r.getLong(1), r.getString(2)));
    for (int i = 0; i < changes.size(); i++) {
      var organisationId = organisationIds.get(i);
      if (organisationId != null) {
        changes.set(i, changes.get(i).withOrganisation(names.get(organisationId)));
      }
    }
    return changes;
  }

  /** What to do with each row of a result. */
  private interface RowHandler {
    void accept(ResultSet row) throws SQLException;
  }

  /**
   * Reads the rows of {@code select … where id in } for these ids, in chunks whose number of
   * placeholders is a power of two (the last id repeated to fill one), so that the driver's and the
   * pool's statement caches hold a few statements rather than one per count.
   */
  static void byIds(Connection connection, String select, List<Long> ids, RowHandler handler)
      throws SQLException {
    for (int from = 0; from < ids.size(); from += MAX_IDS) {
      var chunk = ids.subList(from, Math.min(ids.size(), from + MAX_IDS));
      var placeholders = placeholders(chunk.size());
      try (var statement =
          RequestStatements.prepare(
              connection, select + "(" + "?,".repeat(placeholders - 1) + "?)")) {
        for (int i = 0; i < placeholders; i++) {
          statement.setLong(i + 1, chunk.get(Math.min(i, chunk.size() - 1)));
        }
        try (var r = statement.executeQuery()) {
          while (r.next()) {
            handler.accept(r);
          }
        }
      }
    }
  }

  private static final int MAX_IDS = 1024;

  /** The smallest power of two that is at least {@code count} (and at least 1). */
  static int placeholders(int count) {
    return count <= 1 ? 1 : Integer.highestOneBit(count - 1) << 1;
  }

  /** A DATETIME(6) column, which holds UTC. */
  private static Instant utc(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  // ------------------------------------------------------------------------------------ filters

  /**
   * The id of a course by its code.
   *
   * @throws Refusal 404 when there is none
   */
  public long courseId(String code) {
    return em.createQuery("select c.id from Course c where c.code = :code", Long.class)
        .setParameter("code", code.strip().toUpperCase(Locale.ROOT))
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

package org.upskill.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.upskill.audit.entity.AuditEntry;
import org.upskill.platform.boundary.Page;
import org.upskill.platform.control.SqlValues;

/**
 * The audit log: {@link #record} appends an entry in the caller's transaction (so it exists if and
 * only if the change it describes is committed); nothing here, or anywhere, changes or removes one.
 * Reading resolves names at read time from the people table, so an erased person's entries show
 * their pseudonym and nothing personal is stored in the log itself.
 */
@Stateless
public class AuditLog {

  @PersistenceContext EntityManager em;

  Clock clock = Clock.systemUTC();

  /** Who acted: a person, an HR client, or the system itself. */
  public record Actor(Long personId, String client) {
    public static Actor person(long personId) {
      return new Actor(personId, null);
    }

    public static Actor client(String clientId) {
      return new Actor(null, clientId);
    }

    public static Actor system() {
      return new Actor(null, "system");
    }
  }

  /** The actions recorded, with the words the admin pages use. */
  public static final List<String> ACTIONS =
      List.of(
          "enrolment.approved",
          "enrolment.rejected",
          "accommodation.extra-time",
          "quiz.override",
          "certificate.revoked",
          "requirement.created",
          "requirement.changed",
          "requirement.removed",
          "compliance.exempted",
          "compliance.exemption-ended",
          "webhook.subscribed",
          "webhook.paused",
          "webhook.resumed",
          "webhook.deleted",
          "person.erased",
          "retention.applied");

  /**
   * Appends an entry, in the caller's transaction.
   *
   * @param personId whom it concerns (may be null)
   * @param before the values before, or null
   * @param after the values after, or null
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      Actor actor,
      String action,
      Long personId,
      String subjectType,
      Object subjectId,
      JsonObject before,
      JsonObject after) {
    em.persist(
        new AuditEntry(
            Instant.now(clock),
            actor.personId(),
            actor.client(),
            action,
            personId,
            subjectType,
            subjectId == null ? null : subjectId.toString(),
            before == null ? null : before.toString(),
            after == null ? null : after.toString()));
  }

  /** An entry as the admin pages and exports show it. */
  public record Line(
      long id,
      Instant occurredAt,
      Long actorId,
      String actor,
      String action,
      Long personId,
      String person,
      String subjectType,
      String subjectId,
      String before,
      String after) {}

  /** What to look for; any part may be null. */
  public record Filter(
      String action,
      String person,
      String actor,
      java.time.LocalDate from,
      java.time.LocalDate to) {}

  /** A page of entries, newest first. */
  public Page<Line> search(Filter filter, int page, int size) {
    var where = new StringBuilder(" where 1 = 1");
    var parameters = new ArrayList<Object>();
    if (filter.action() != null && !filter.action().isBlank()) {
      parameters.add(filter.action());
      where.append(" and a.action = ?").append(parameters.size());
    }
    if (filter.person() != null && !filter.person().isBlank()) {
      var typed = filter.person().strip().toLowerCase(Locale.ROOT);
      if (typed.matches("\\d{1,12}")) {
        parameters.add(Long.valueOf(typed));
        where.append(" and a.person_id = ?").append(parameters.size());
      } else {
        parameters.add(typed);
        int n = parameters.size();
        where
            .append(" and a.person_id in (select x.id from person x")
            .append(" where lower(x.display_name) = ?")
            .append(n)
            .append(" or lower(x.email) = ?")
            .append(n)
            .append(" or lower(x.staff_number) = ?")
            .append(n)
            .append(" or lower(x.username) = ?")
            .append(n)
            .append(")");
      }
    }
    if (filter.actor() != null && !filter.actor().isBlank()) {
      parameters.add(filter.actor().strip().toLowerCase(Locale.ROOT));
      int n = parameters.size();
      where
          .append(" and (lower(a.actor_client) = ?")
          .append(n)
          .append(" or a.actor_id in (select x.id from person x where lower(x.username) = ?")
          .append(n)
          .append(" or lower(x.display_name) = ?")
          .append(n)
          .append(" or lower(x.email) = ?")
          .append(n)
          .append("))");
    }
    if (filter.from() != null) {
      parameters.add(filter.from().atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
      where.append(" and a.occurred_at >= ?").append(parameters.size());
    }
    if (filter.to() != null) {
      parameters.add(filter.to().plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
      where.append(" and a.occurred_at < ?").append(parameters.size());
    }
    var count = em.createNativeQuery("select count(*) from audit_entry a" + where);
    var select = em.createNativeQuery(LINES + where + " order by a.id desc");
    for (int i = 0; i < parameters.size(); i++) {
      count.setParameter(i + 1, parameters.get(i));
      select.setParameter(i + 1, parameters.get(i));
    }
    long total = ((Number) count.getSingleResult()).longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        select.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    return new Page<>(rows.stream().map(AuditLog::line).toList(), page, size, total);
  }

  /** The columns {@link #line} reads, with the names of who acted and whom it was about. */
  private static final String LINES =
      "select a.id, a.occurred_at, a.actor_id, coalesce(ap.display_name, a.actor_client),"
          + " a.action, a.person_id, pp.display_name, a.subject_type, a.subject_id,"
          + " a.before_value, a.after_value from audit_entry a"
          + " left join person ap on ap.id = a.actor_id"
          + " left join person pp on pp.id = a.person_id";

  private static Line line(Object[] r) {
    return new Line(
        ((Number) r[0]).longValue(),
        SqlValues.instant(r[1]),
        r[2] == null ? null : ((Number) r[2]).longValue(),
        (String) r[3],
        (String) r[4],
        r[5] == null ? null : ((Number) r[5]).longValue(),
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (String) r[10]);
  }

  /** Every entry about a person (their subject-access export), oldest first. */
  public List<Line> about(long personId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(LINES + " where a.person_id = ?1 order by a.id")
            .setParameter(1, personId)
            .getResultList();
    return rows.stream().map(AuditLog::line).toList();
  }
}

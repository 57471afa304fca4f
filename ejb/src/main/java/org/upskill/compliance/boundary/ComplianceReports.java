package org.upskill.compliance.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.upskill.compliance.control.ComplianceRules;
import org.upskill.compliance.control.ComplianceStatus;
import org.upskill.compliance.entity.Requirement;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.Page;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.SqlValues;

/**
 * What managers and admins see of compliance, for one organisation: the matrix of people ×
 * requirements with filters, the share compliant per requirement, its trend over the last 12
 * months, who falls out in the next 30/60/90 days, one person's detail and exemptions. A manager
 * sees their own organisation only; an admin any.
 */
@Stateless
public class ComplianceReports {

  @PersistenceContext EntityManager em;
  @Inject Compliance compliance;
  @Inject org.upskill.audit.boundary.AuditLog audit;

  /** Who is looking: their person id and whether they are an admin (else a manager). */
  public record Viewer(long personId, boolean admin) {}

  /** An organisation the viewer may look at. */
  public record Organisation(long id, String name) {}

  /** A requirement, as a column of the matrix. */
  public record RequirementRef(long id, String name, String courseCode, String courseTitle) {}

  /** One person × requirement. */
  public record Cell(
      ComplianceStatus status,
      LocalDate validUntil,
      LocalDate dueDate,
      LocalDate completedOn,
      String exemptReason) {}

  /** A row of the matrix. */
  public record PersonRow(
      long personId,
      String name,
      String staffNumber,
      String email,
      String staffGroup,
      String jobRole,
      Map<Long, Cell> cells) {}

  /** Filters of the matrix; any may be null. */
  public record Filter(
      String query, Long requirementId, ComplianceStatus status, String staffGroup) {}

  /** A page of the matrix. */
  public record Matrix(List<RequirementRef> requirements, Page<PersonRow> people) {}

  /** Counts for one requirement. */
  public record RequirementSummary(
      RequirementRef requirement,
      long people,
      long compliant,
      long dueSoon,
      long overdue,
      long notStarted,
      long exempt,
      long holdingValid) {
    /** Share holding a valid completion, of those not exempt, in whole per cent. */
    public int percent() {
      var counted = people - exempt;
      return counted <= 0 ? 100 : (int) Math.round(100.0 * holdingValid / counted);
    }
  }

  /** The trend: month labels and, per requirement, the per cent compliant at each month's end. */
  public record Trend(List<String> months, Map<RequirementRef, List<Integer>> percents) {}

  /** Someone whose completion runs out within the horizon. */
  public record Forecast(
      long personId,
      String name,
      RequirementRef requirement,
      LocalDate validUntil,
      long daysLeft) {}

  // ------------------------------------------------------------------------------------- scope

  /** The organisations a viewer may look at: all for admins, their own for managers. */
  public List<Organisation> organisations(Viewer viewer) {
    if (viewer.admin()) {
      List<Object[]> rows =
          em.createQuery("select o.id, o.name from Organisation o order by o.name", Object[].class)
              .getResultList();
      return rows.stream().map(r -> new Organisation((Long) r[0], (String) r[1])).toList();
    }
    return ownOrganisation(viewer).stream().toList();
  }

  private Optional<Organisation> ownOrganisation(Viewer viewer) {
    var person = em.find(Person.class, viewer.personId());
    if (person == null || person.getOrganisation() == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Organisation(person.getOrganisation().getId(), person.getOrganisation().getName()));
  }

  /**
   * The organisation to show: the one asked for if the viewer may see it, else their own (admins:
   * the first). A manager asking for another organisation is refused.
   *
   * @throws Refusal 403 for a manager asking for another organisation; 404 for none at all
   */
  public Organisation scope(Viewer viewer, Long requested) {
    var allowed = organisations(viewer);
    if (requested != null) {
      return allowed.stream()
          .filter(o -> o.id() == requested)
          .findFirst()
          .orElseThrow(
              () ->
                  viewer.admin()
                      ? Refusal.notFound("There is no such organisation.")
                      : Refusal.forbidden("Managers see their own organisation only."));
    }
    if (!viewer.admin()) {
      return ownOrganisation(viewer)
          .orElseThrow(
              () ->
                  Refusal.forbidden(
                      "Your account names no organisation, so there is nobody to show."));
    }
    return allowed.stream()
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("There is no organisation yet."));
  }

  // ---------------------------------------------------------------------------------- the data

  /** The requirements that apply to someone in the organisation (columns of its matrix). */
  public List<RequirementRef> requirements(long organisationId) {
    List<Object[]> rows =
        em.createNativeQuery(
                "select r.id, r.name, c.code, c.title from requirement r"
                    + " join course c on c.id = r.course_id"
                    + " where exists (select 1 from compliance_status s"
                    + " where s.requirement_id = r.id and s.organisation_id = ?1)"
                    + " order by r.name")
            .setParameter(1, organisationId)
            .getResultList();
    return rows.stream().map(ComplianceReports::requirementRef).toList();
  }

  private static RequirementRef requirementRef(Object[] r) {
    return new RequirementRef(
        ((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]);
  }

  /** Counts per requirement, for the organisation. */
  public List<RequirementSummary> summary(long organisationId) {
    var today = compliance.today();
    List<Object[]> rows =
        em.createNativeQuery(
                "select r.id, r.name, c.code, c.title, count(*),"
                    + " sum(case when s.status = 'compliant' then 1 else 0 end),"
                    + " sum(case when s.status = 'due_soon' then 1 else 0 end),"
                    + " sum(case when s.status = 'overdue' then 1 else 0 end),"
                    + " sum(case when s.status = 'not_started' then 1 else 0 end),"
                    + " sum(case when s.status = 'exempt' then 1 else 0 end),"
                    + " sum(case when s.status in ('compliant', 'due_soon')"
                    + " and s.completed_on is not null"
                    + " and (s.valid_until is null or s.valid_until > ?2) then 1 else 0 end)"
                    + " from compliance_status s join requirement r on r.id = s.requirement_id"
                    + " join course c on c.id = r.course_id where s.organisation_id = ?1"
                    + " group by r.id, r.name, c.code, c.title order by r.name")
            .setParameter(1, organisationId)
            .setParameter(2, today)
            .getResultList();
    return rows.stream()
        .map(
            r ->
                new RequirementSummary(
                    requirementRef(r),
                    number(r[4]),
                    number(r[5]),
                    number(r[6]),
                    number(r[7]),
                    number(r[8]),
                    number(r[9]),
                    number(r[10])))
        .toList();
  }

  private static long number(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  /** A page of people with their cells, filtered. */
  public Matrix matrix(long organisationId, Filter filter, int page, int size) {
    var requirements = requirements(organisationId);
    var where = new StringBuilder(" from person p where p.organisation_id = ?1");
    var parameters = new ArrayList<Object>();
    parameters.add(organisationId);
    where.append(" and exists (select 1 from compliance_status s where s.person_id = p.id");
    if (filter.requirementId() != null) {
      parameters.add(filter.requirementId());
      where.append(" and s.requirement_id = ?").append(parameters.size());
    }
    if (filter.status() != null) {
      parameters.add(filter.status().wire());
      where.append(" and s.status = ?").append(parameters.size());
    }
    where.append(")");
    if (filter.staffGroup() != null && !filter.staffGroup().isBlank()) {
      parameters.add(filter.staffGroup().strip());
      where.append(" and p.staff_group = ?").append(parameters.size());
    }
    if (filter.query() != null && !filter.query().isBlank()) {
      parameters.add("%" + filter.query().strip().toLowerCase(Locale.ROOT) + "%");
      int n = parameters.size();
      where
          .append(" and (lower(p.display_name) like ?")
          .append(n)
          .append(" or lower(p.email) like ?")
          .append(n)
          .append(" or lower(p.staff_number) like ?")
          .append(n)
          .append(")");
    }
    var count = em.createNativeQuery("select count(*)" + where);
    var select =
        em.createNativeQuery(
            "select p.id, p.display_name, p.staff_number, p.email, p.staff_group, p.job_role"
                + where
                + " order by p.display_name, p.id");
    for (int i = 0; i < parameters.size(); i++) {
      count.setParameter(i + 1, parameters.get(i));
      select.setParameter(i + 1, parameters.get(i));
    }
    long total = number(count.getSingleResult());
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        select.setFirstResult((page - 1) * size).setMaxResults(size).getResultList();
    var people = new LinkedHashMap<Long, PersonRow>();
    for (var r : rows) {
      var id = ((Number) r[0]).longValue();
      people.put(
          id,
          new PersonRow(
              id,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              (String) r[4],
              (String) r[5],
              new HashMap<>()));
    }
    if (!people.isEmpty()) {
      cellsOf(List.copyOf(people.keySet()))
          .forEach(
              (key, cell) -> people.get(key.personId()).cells().put(key.requirementId(), cell));
    }
    return new Matrix(requirements, new Page<>(List.copyOf(people.values()), page, size, total));
  }

  record Key(long personId, long requirementId) {}

  private Map<Key, Cell> cellsOf(List<Long> people) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.person_id, s.requirement_id, s.status, s.valid_until, s.due_date,"
                    + " s.completed_on, x.reason from compliance_status s"
                    + " left join compliance_exemption x on x.person_id = s.person_id"
                    + " and x.requirement_id = s.requirement_id"
                    + " where s.person_id in (?1)")
            .setParameter(1, people)
            .getResultList();
    var cells = new LinkedHashMap<Key, Cell>();
    for (var r : rows) {
      cells.put(
          new Key(((Number) r[0]).longValue(), ((Number) r[1]).longValue()),
          new Cell(
              ComplianceStatus.fromWire((String) r[2]),
              SqlValues.date(r[3]),
              SqlValues.date(r[4]),
              SqlValues.date(r[5]),
              (String) r[6]));
    }
    return cells;
  }

  /**
   * The per cent compliant at the end of each of the last 12 months and today, per requirement: the
   * same rules run on past days over the completions then known, for the people the requirement
   * applies to now (from the day it first applied to each).
   */
  public Trend trend(long organisationId) {
    var today = compliance.today();
    var days = new ArrayList<LocalDate>();
    var labels = new ArrayList<String>();
    var format = DateTimeFormatter.ofPattern("MMM yyyy", Locale.UK);
    for (int back = 12; back >= 1; back--) {
      var month = YearMonth.from(today).minusMonths(back);
      days.add(month.atEndOfMonth());
      labels.add(month.format(format));
    }
    days.add(today);
    labels.add("Today");
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select s.person_id, s.requirement_id, s.applies_since, s.status"
                    + " from compliance_status s where s.organisation_id = ?1")
            .setParameter(1, organisationId)
            .getResultList();
    var requirements = new HashMap<Long, Requirement>();
    var refs = new LinkedHashMap<Long, RequirementRef>();
    for (var ref : requirements(organisationId)) {
      refs.put(ref.id(), ref);
      requirements.put(ref.id(), em.find(Requirement.class, ref.id()));
    }
    // every counted completion of the requirements' courses by the organisation's people
    @SuppressWarnings("unchecked")
    List<Object[]> completions =
        em.createNativeQuery(
                "select cc.person_id, cc.course_id, cc.completed_at, ce.expires_at"
                    + " from course_completion cc join person p on p.id = cc.person_id"
                    + " left join certificate ce on ce.completion_id = cc.id"
                    + " where p.organisation_id = ?1"
                    + " and (ce.state is null or ce.state <> 'REVOKED')"
                    + " and cc.course_id in (select r.course_id from requirement r)"
                    + " order by cc.completed_at")
            .setParameter(1, organisationId)
            .getResultList();
    Map<String, List<LocalDate[]>> byPersonCourse = new HashMap<>();
    for (var c : completions) {
      var expires = SqlValues.instant(c[3]);
      byPersonCourse
          .computeIfAbsent(c[0] + ":" + c[1], k -> new ArrayList<>())
          .add(
              new LocalDate[] {
                LocalDate.ofInstant(SqlValues.instant(c[2]), Compliance.ZONE),
                expires == null ? null : LocalDate.ofInstant(expires, Compliance.ZONE)
              });
    }
    var percents = new LinkedHashMap<RequirementRef, List<Integer>>();
    for (var ref : refs.values()) {
      var requirement = requirements.get(ref.id());
      var series = new ArrayList<Integer>();
      for (var day : days) {
        int counted = 0;
        int holding = 0;
        for (var r : rows) {
          if (((Number) r[1]).longValue() != ref.id()) {
            continue;
          }
          var since = SqlValues.date(r[2]);
          if (since.isAfter(day) || "exempt".equals(r[3])) {
            continue;
          }
          LocalDate[] latest = null;
          for (var c :
              byPersonCourse.getOrDefault(
                  r[0] + ":" + requirement.getCourseId(), List.<LocalDate[]>of())) {
            if (!c[0].isAfter(day)) {
              latest = c;
            }
          }
          counted++;
          var assessment =
              ComplianceRules.assess(
                  requirement.rule(),
                  requirement.getNewcomerDueDays(),
                  since,
                  latest == null ? null : latest[0],
                  latest == null ? null : latest[1],
                  false,
                  day,
                  ComplianceRules.DUE_SOON_DAYS);
          if (assessment.holdsValid(day)) {
            holding++;
          }
        }
        series.add(counted == 0 ? null : (int) Math.round(100.0 * holding / counted));
      }
      percents.put(ref, series);
    }
    return new Trend(labels, percents);
  }

  /** Who stops holding a requirement within {@code days} days, soonest first. */
  public List<Forecast> forecast(long organisationId, int days) {
    var today = compliance.today();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.id, p.display_name, r.id, r.name, c.code, c.title, s.valid_until"
                    + " from compliance_status s join person p on p.id = s.person_id"
                    + " join requirement r on r.id = s.requirement_id"
                    + " join course c on c.id = r.course_id"
                    + " where s.organisation_id = ?1 and s.status in ('compliant', 'due_soon')"
                    + " and s.valid_until > ?2 and s.valid_until <= ?3"
                    + " order by s.valid_until, p.display_name")
            .setParameter(1, organisationId)
            .setParameter(2, today)
            .setParameter(3, today.plusDays(days))
            .getResultList();
    return rows.stream()
        .map(
            r -> {
              var until = SqlValues.date(r[6]);
              return new Forecast(
                  ((Number) r[0]).longValue(),
                  (String) r[1],
                  new RequirementRef(
                      ((Number) r[2]).longValue(), (String) r[3], (String) r[4], (String) r[5]),
                  until,
                  java.time.temporal.ChronoUnit.DAYS.between(today, until));
            })
        .toList();
  }

  /** The staff groups of the organisation's people (the matrix's filter). */
  public List<String> staffGroups(long organisationId) {
    @SuppressWarnings("unchecked")
    List<String> groups =
        em.createNativeQuery(
                "select distinct p.staff_group from person p where p.organisation_id = ?1"
                    + " and p.staff_group is not null order by p.staff_group")
            .setParameter(1, organisationId)
            .getResultList();
    return groups;
  }

  // ----------------------------------------------------------------------------------- a person

  /**
   * One person's row, if the viewer may see them (a manager: someone of their organisation).
   *
   * @throws Refusal 404 when the person does not exist or is not the viewer's to see
   */
  public PersonRow person(Viewer viewer, long personId) {
    var person = visible(viewer, personId);
    var row =
        new PersonRow(
            person.getId(),
            person.getDisplayName(),
            person.getStaffNumber(),
            person.getEmail(),
            person.getStaffGroup(),
            person.getJobRole(),
            new LinkedHashMap<>());
    cellsOf(List.of(personId)).forEach((key, cell) -> row.cells().put(key.requirementId(), cell));
    return row;
  }

  /** The requirements a person's cells refer to. */
  public Map<Long, RequirementRef> requirementsOf(long personId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select r.id, r.name, c.code, c.title from compliance_status s"
                    + " join requirement r on r.id = s.requirement_id"
                    + " join course c on c.id = r.course_id where s.person_id = ?1"
                    + " order by r.name")
            .setParameter(1, personId)
            .getResultList();
    var refs = new LinkedHashMap<Long, RequirementRef>();
    rows.forEach(r -> refs.put(((Number) r[0]).longValue(), requirementRef(r)));
    return refs;
  }

  private Person visible(Viewer viewer, long personId) {
    var person = em.find(Person.class, personId);
    if (person == null) {
      throw Refusal.notFound("There is no such person.");
    }
    if (!viewer.admin()) {
      var own = ownOrganisation(viewer);
      if (own.isEmpty()
          || person.getOrganisation() == null
          || own.get().id() != person.getOrganisation().getId()) {
        // not "forbidden": whether someone exists outside one's organisation is not to be known
        throw Refusal.notFound("There is no such person.");
      }
    }
    return person;
  }

  /**
   * Exempts a person from a requirement, with a reason, and recomputes their status.
   *
   * @throws Refusal 404 when the person is not the viewer's or the requirement does not apply
   */
  public void exempt(Viewer viewer, long personId, long requirementId, String reason) {
    visible(viewer, personId);
    if (!requirementsOf(personId).containsKey(requirementId)) {
      throw Refusal.notFound("That requirement does not apply to this person.");
    }
    em.createNativeQuery(
            "delete from compliance_exemption where person_id = ?1 and requirement_id = ?2")
        .setParameter(1, personId)
        .setParameter(2, requirementId)
        .executeUpdate();
    em.createNativeQuery(
            "insert into compliance_exemption (person_id, requirement_id, reason, granted_by,"
                + " granted_at) values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, personId)
        .setParameter(2, requirementId)
        .setParameter(3, reason.strip())
        .setParameter(4, viewer.personId())
        .setParameter(5, compliance.now())
        .executeUpdate();
    audit.record(
        org.upskill.audit.boundary.AuditLog.Actor.person(viewer.personId()),
        "compliance.exempted",
        personId,
        "requirement",
        requirementId,
        null,
        org.upskill.platform.control.Jsonp.objectBuilder().add("reason", reason.strip()).build());
    compliance.recompute(personId);
  }

  /** Ends an exemption; the person's status is computed again from their completions. */
  public void endExemption(Viewer viewer, long personId, long requirementId) {
    visible(viewer, personId);
    var removed =
        em.createNativeQuery(
                "delete from compliance_exemption where person_id = ?1 and requirement_id = ?2")
            .setParameter(1, personId)
            .setParameter(2, requirementId)
            .executeUpdate();
    if (removed == 0) {
      throw Refusal.notFound("This person is not exempt from that requirement.");
    }
    audit.record(
        org.upskill.audit.boundary.AuditLog.Actor.person(viewer.personId()),
        "compliance.exemption-ended",
        personId,
        "requirement",
        requirementId,
        null,
        null);
    compliance.recompute(personId);
  }

  // ----------------------------------------------------------------------------- the HR API

  /** One person × requirement, for HR systems. */
  public record StatusRow(
      long personId,
      String staffNumber,
      String email,
      String organisation,
      long requirementId,
      String requirement,
      String course,
      String status,
      LocalDate completedOn,
      LocalDate validUntil,
      LocalDate dueDate,
      java.time.Instant changedAt) {}

  /** The organisation with this id or name (any case), if one. */
  public Optional<Organisation> organisationNamed(String idOrName) {
    var id = idOrName.matches("\\d{1,12}") ? Long.parseLong(idOrName) : -1L;
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select id, name from organisation where lower(name) = lower(?1)"
                    + " or lower(ods_code) = lower(?1) or id = ?2 order by id")
            .setParameter(1, idOrName)
            .setParameter(2, id)
            .setMaxResults(1)
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new Organisation(((Number) r[0]).longValue(), (String) r[1]));
  }

  /** The current statuses after a position (person id, requirement id), in that order, filtered. */
  public List<StatusRow> rows(
      Long organisationId,
      Long requirementId,
      ComplianceStatus status,
      long afterPerson,
      long afterRequirement,
      int limit) {
    var sql =
        new StringBuilder(
            "select p.id, p.staff_number, p.email, o.name, r.id, r.name, c.code, s.status,"
                + " s.completed_on, s.valid_until, s.due_date, s.changed_at"
                + " from compliance_status s join person p on p.id = s.person_id"
                + " left join organisation o on o.id = s.organisation_id"
                + " join requirement r on r.id = s.requirement_id"
                + " join course c on c.id = r.course_id"
                + " where (s.person_id > ?1 or (s.person_id = ?1 and s.requirement_id > ?2))");
    var parameters = new ArrayList<Object>(List.of(afterPerson, afterRequirement));
    if (organisationId != null) {
      parameters.add(organisationId);
      sql.append(" and s.organisation_id = ?").append(parameters.size());
    }
    if (requirementId != null) {
      parameters.add(requirementId);
      sql.append(" and s.requirement_id = ?").append(parameters.size());
    }
    if (status != null) {
      parameters.add(status.wire());
      sql.append(" and s.status = ?").append(parameters.size());
    }
    sql.append(" order by s.person_id, s.requirement_id");
    var query = em.createNativeQuery(sql.toString());
    for (int i = 0; i < parameters.size(); i++) {
      query.setParameter(i + 1, parameters.get(i));
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.setMaxResults(limit).getResultList();
    return rows.stream()
        .map(
            r ->
                new StatusRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    (String) r[3],
                    ((Number) r[4]).longValue(),
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    SqlValues.date(r[8]),
                    SqlValues.date(r[9]),
                    SqlValues.date(r[10]),
                    SqlValues.instant(r[11])))
        .toList();
  }

  /** A change of status, as the HR feed gives it. */
  public record Change(
      long sequence,
      String changeId,
      java.time.Instant occurredAt,
      long personId,
      String staffNumber,
      String email,
      long requirementId,
      String requirement,
      String course,
      String status,
      String previousStatus,
      LocalDate validUntil,
      LocalDate dueDate) {}

  /** The changes of status after a sequence number, in order, for one organisation or all. */
  public List<Change> changes(Long organisationId, long after, int limit) {
    var query =
        em.createNativeQuery(
            "select sequence_no, change_id, occurred_at, person_id, staff_number, email,"
                + " requirement_id, requirement_name, course_code, status, previous_status,"
                + " valid_until, due_date from compliance_change where sequence_no > ?1"
                + (organisationId == null ? "" : " and organisation_id = ?2")
                + " order by sequence_no");
    query.setParameter(1, after);
    if (organisationId != null) {
      query.setParameter(2, organisationId);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows = query.setMaxResults(limit).getResultList();
    return rows.stream()
        .map(
            r ->
                new Change(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    SqlValues.instant(r[2]),
                    ((Number) r[3]).longValue(),
                    (String) r[4],
                    (String) r[5],
                    ((Number) r[6]).longValue(),
                    (String) r[7],
                    (String) r[8],
                    (String) r[9],
                    (String) r[10],
                    SqlValues.date(r[11]),
                    SqlValues.date(r[12])))
        .toList();
  }
}

package org.upskill.enrolment.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseStatus;
import org.upskill.enrolment.entity.EnrolmentRule;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Rule-based enrolment: "everyone in Keycloak group X" or "everyone in staff group Y" is enrolled
 * on a course. Rules apply at each person's sign-in (their groups are refreshed from the token just
 * before) and when a course's owner or an admin starts a sync. A rule enrols only people who have
 * never been on the course: someone who left it or completed it is not put back (renewal is the
 * business of compliance requirements). A rule of a draft course waits until it is published.
 */
@Stateless
public class EnrolmentRules {

  private static final Logger LOG = Logger.getLogger(EnrolmentRules.class.getName());
  private static final ZoneId UK = ZoneId.of("Europe/London");

  /** A rule as its course's owners see it, with how many people it matches now. */
  public record RuleLine(
      long id, String kind, String value, Integer dueDays, long matching, Instant createdAt) {}

  /** What a sync did: how many people were enrolled, waitlisted, or had been on the course. */
  public record SyncResult(int enrolled, int waitlisted, int alreadyKnown) {}

  @PersistenceContext EntityManager em;
  @Inject CourseAuthoring courses;
  @Inject Enrolments enrolments;

  Clock clock = Clock.systemUTC();

  /** The rules of a course this author may change, oldest first. */
  public List<RuleLine> rules(Staff author, String code) {
    var course = editable(author, code);
    var rules = rulesOf(course.getId());
    var lines = new ArrayList<RuleLine>();
    for (var rule : rules) {
      lines.add(
          new RuleLine(
              rule.getId(),
              rule.getKind().name(),
              rule.getValue(),
              rule.getDueDays(),
              matching(rule).size(),
              rule.getCreatedAt()));
    }
    return lines;
  }

  /**
   * Adds a rule to a course this author may change.
   *
   * @throws Refusal 409 when the course already has this rule
   */
  public long add(
      Staff author, String code, EnrolmentRule.Kind kind, String value, Integer dueDays) {
    var course = editable(author, code);
    var exists =
        em.createQuery(
                "select count(r) from EnrolmentRule r where r.courseId = :course"
                    + " and r.kind = :kind and r.value = :value",
                Long.class)
            .setParameter("course", course.getId())
            .setParameter("kind", kind)
            .setParameter("value", value)
            .getSingleResult();
    if (exists > 0) {
      throw Refusal.conflict(code + " already has this rule.");
    }
    var rule =
        new EnrolmentRule(
            course.getId(), kind, value, dueDays, author.personId(), Instant.now(clock));
    em.persist(rule);
    em.flush();
    return rule.getId();
  }

  /**
   * Removes a rule; nobody it enrolled is taken off the course.
   *
   * @return the group the rule named
   */
  public String remove(Staff author, String code, long ruleId) {
    var course = editable(author, code);
    var rule = em.find(EnrolmentRule.class, ruleId);
    if (rule == null || rule.getCourseId() != course.getId()) {
      throw Refusal.notFound(code + " has no such rule.");
    }
    em.remove(rule);
    return rule.getValue();
  }

  /**
   * Applies every rule of a published course now, to everyone known who matches (the sync an owner
   * or an admin starts, for people who will not sign in soon).
   *
   * @throws Refusal 409 for a draft course
   */
  public SyncResult sync(Staff author, String code) {
    var course = editable(author, code);
    if (course.getStatus() != CourseStatus.PUBLISHED) {
      throw Refusal.conflict(code + " is a draft: its rules apply once it is published.");
    }
    Map<Long, LocalDate> people = new LinkedHashMap<>();
    for (var rule : rulesOf(course.getId())) {
      var due = dueDate(rule);
      for (var person : matching(rule)) {
        keepEarlier(people, person, due);
      }
    }
    var known = everOn(course.getId(), people.keySet());
    var alreadyKnown = 0;
    for (var person : known) {
      people.remove(person);
      alreadyKnown++;
    }
    if (people.isEmpty()) {
      return new SyncResult(0, 0, alreadyKnown);
    }
    var outcomes = enrolments.enrolAllBy(author, code, people);
    var enrolled = (int) outcomes.values().stream().filter("enrolled"::equals).count();
    var waitlisted = (int) outcomes.values().stream().filter("waitlisted"::equals).count();
    return new SyncResult(
        enrolled, waitlisted, alreadyKnown + outcomes.size() - enrolled - waitlisted);
  }

  /**
   * Applies the rules that match this person, just after their sign-in refreshed their groups. Runs
   * in its own transaction and never fails the sign-in: a problem is logged and the rules are tried
   * again at the next sign-in.
   *
   * @return the titles of the courses the person was placed on
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<String> applyAtSignIn(long personId) {
    try {
      return apply(personId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Enrolment rules could not be applied for person " + personId, e);
      return List.of();
    }
  }

  private List<String> apply(long personId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select c.code, c.title, r.due_days from enrolment_rule r"
                    + " join course c on c.id = r.course_id"
                    + " join person p on p.id = ?1"
                    + " where c.status = 'PUBLISHED'"
                    + " and ((r.kind = 'STAFF_GROUP' and r.match_value = p.staff_group)"
                    + " or (r.kind = 'KEYCLOAK_GROUP' and exists (select 1 from person_group g"
                    + " where g.person_id = p.id and g.group_name = r.match_value)))"
                    + " and not exists (select 1 from enrolment e"
                    + " where e.person_id = p.id and e.course_id = c.id)"
                    + " order by c.code")
            .setParameter(1, personId)
            .getResultList();
    if (rows.isEmpty()) {
      return List.of(); // the usual case: one query per sign-in
    }
    Map<String, LocalDate> courseDue = new TreeMap<>();
    Map<String, String> titles = new TreeMap<>();
    for (var row : rows) {
      var due = row[2] == null ? null : today().plusDays(((Number) row[2]).intValue());
      keepEarlier(courseDue, (String) row[0], due);
      titles.put((String) row[0], (String) row[1]);
    }
    var placed = new ArrayList<String>();
    courseDue.forEach(
        (code, due) -> {
          var people = new LinkedHashMap<Long, LocalDate>();
          people.put(personId, due);
          var outcome = enrolments.enrolByRule(code, people).get(personId);
          if ("enrolled".equals(outcome) || "waitlisted".equals(outcome)) {
            placed.add(titles.get(code));
          }
        });
    return placed;
  }

  /** The groups and staff groups people have now, to suggest when a rule is written. */
  public Map<String, List<String>> knownGroups() {
    Map<String, List<String>> known = new LinkedHashMap<>();
    known.put(
        EnrolmentRule.Kind.KEYCLOAK_GROUP.name(),
        em.createNativeQuery(
                "select distinct group_name from person_group order by group_name", String.class)
            .setMaxResults(100)
            .getResultList());
    known.put(
        EnrolmentRule.Kind.STAFF_GROUP.name(),
        em.createNativeQuery(
                "select distinct staff_group from person where staff_group is not null"
                    + " order by staff_group",
                String.class)
            .setMaxResults(100)
            .getResultList());
    return known;
  }

  /** Ids of the people a rule matches now. */
  private List<Long> matching(EnrolmentRule rule) {
    var query =
        rule.getKind() == EnrolmentRule.Kind.STAFF_GROUP
            ? em.createQuery("select p.id from Person p where p.staffGroup = :value", Long.class)
            : em.createQuery(
                "select p.id from Person p where :value member of p.groups", Long.class);
    return query.setParameter("value", rule.getValue()).getResultList();
  }

  /** Of these people, those who have ever been on the course (in any state). */
  private Set<Long> everOn(long courseId, Set<Long> people) {
    var found = new HashSet<Long>();
    var ids = List.copyOf(people);
    for (int from = 0; from < ids.size(); from += 1000) {
      found.addAll(
          em.createQuery(
                  "select distinct e.personId from Enrolment e where e.courseId = :course"
                      + " and e.personId in :people",
                  Long.class)
              .setParameter("course", courseId)
              .setParameter("people", ids.subList(from, Math.min(ids.size(), from + 1000)))
              .getResultList());
    }
    return found;
  }

  private List<EnrolmentRule> rulesOf(long courseId) {
    return em.createQuery(
            "select r from EnrolmentRule r where r.courseId = :course order by r.id",
            EnrolmentRule.class)
        .setParameter("course", courseId)
        .getResultList();
  }

  private Course editable(Staff author, String code) {
    var check = courses.check(author, code);
    switch (check.verdict()) {
      case EDITABLE:
        return em.find(Course.class, check.id());
      case NOT_OWNED:
        throw Refusal.forbidden("Only the course's owners and admins can change " + code + ".");
      default:
        throw Refusal.notFound("There is no course " + code + ".");
    }
  }

  private LocalDate dueDate(EnrolmentRule rule) {
    return rule.getDueDays() == null ? null : today().plusDays(rule.getDueDays());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(UK));
  }

  /** Puts the due date, or keeps the earlier one when the key is there (null: no due date). */
  private static <K> void keepEarlier(Map<K, LocalDate> dates, K key, LocalDate due) {
    dates.put(key, dates.containsKey(key) ? earlier(dates.get(key), due) : due);
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.isBefore(b) ? a : b;
  }
}

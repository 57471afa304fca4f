package org.upskill.enrolment.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.EnrolmentMode;
import org.upskill.enrolment.entity.Enrolment;
import org.upskill.enrolment.entity.EnrolmentState;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.FieldRefusal;
import org.upskill.platform.boundary.Outbox;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;
import org.upskill.platform.control.Jsonp;

/**
 * Who is on which course: self-enrolment with capacity and a waitlist, requests that need approval,
 * leaving, and promotion from the waitlist when a seat frees.
 *
 * <p>Every change to a course's seats first locks the course row ({@code SELECT … FOR UPDATE}), so
 * concurrent enrolments into the same course queue up: the seats go to the first arrivals and the
 * rest join the waitlist in the order they arrived, on one node or many. The unique index on
 * (person, course, live) is the last guard against a second live enrolment.
 */
@Stateless
public class Enrolments {

  private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

  /** The longest reason for a rejection that is kept (the column's size). */
  public static final int REASON_LIMIT = 1000;

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject org.upskill.audit.boundary.AuditLog audit;
  @Inject Outbox outbox;
  @Inject CourseAuthoring courses;

  Clock clock = Clock.systemUTC();

  /** What happened when a person asked for a place. */
  public enum Outcome {
    ENROLLED,
    WAITLISTED,
    REQUESTED
  }

  /** The enrolment a request created, and what happened. */
  public record Placement(long enrolmentId, Outcome outcome) {}

  /**
   * A person asks for a place on a published course: enrolled when the course is open and has a
   * seat, waitlisted when it is full, requested when it needs approval.
   *
   * @throws Refusal 404 for an unknown course, 409 when the person already has a live enrolment or
   *     the course only takes enrolments from trainers and managers
   */
  public Placement enrol(long personId, String courseCode) {
    var course = lockedCourse(courseCode);
    if (liveEnrolment(personId, course.getId()).isPresent()) {
      throw Refusal.conflict("You are already on " + course.getTitle() + ".");
    }
    if (course.getEnrolmentMode() == EnrolmentMode.MANUAL) {
      throw Refusal.conflict(
          course.getTitle() + " is closed to self-enrolment: a trainer or manager enrols people.");
    }
    var now = Instant.now(clock);
    var initial =
        course.getEnrolmentMode() == EnrolmentMode.APPROVAL
            ? EnrolmentState.REQUESTED
            : hasSeat(course) ? EnrolmentState.ENROLLED : EnrolmentState.WAITLISTED;
    var enrolment =
        new Enrolment(
            personId,
            course.getId(),
            course.getContentVersion(),
            cycles(personId, course.getId()) + 1,
            initial,
            now);
    renewIfCompletedBefore(enrolment, completedBefore(personId, course.getId()));
    em.persist(enrolment);
    changed(enrolment, course, "enrolment.created", now);
    return new Placement(enrolment.getId(), Outcome.valueOf(initial.name()));
  }

  /**
   * Like {@link #enrol(long, String)}, with the date by which the person should complete the course
   * (an HR system's enrolment).
   *
   * @throws Refusal 409 also for a due date in the past
   */
  public Placement enrol(long personId, String courseCode, LocalDate dueDate) {
    if (dueDate != null && dueDate.isBefore(LocalDate.now(clock.withZone(UK)))) {
      throw Refusal.conflict("The due date " + dueDate + " has passed.");
    }
    var placement = enrol(personId, courseCode);
    if (dueDate != null) {
      em.find(Enrolment.class, placement.enrolmentId()).dueBy(dueDate);
    }
    return placement;
  }

  /** An enrolment as the HR API lists it. */
  public record Listed(
      long id,
      long personId,
      String staffNumber,
      String email,
      String courseCode,
      int courseVersion,
      String state,
      LocalDate dueDate,
      Instant requestedAt,
      Instant enrolledAt,
      Instant endedAt) {}

  /**
   * Enrolments after id {@code afterId}, by id, optionally of one course, one person, in one state.
   */
  public List<Listed> list(
      Long courseId, Long personId, EnrolmentState state, long afterId, int limit) {
    var jpql =
        new StringBuilder(
            "select e, p.staffNumber, p.email, c.code from Enrolment e, Person p, Course c"
                + " where p.id = e.personId and c.id = e.courseId and e.id > :after");
    if (courseId != null) {
      jpql.append(" and e.courseId = :course");
    }
    if (personId != null) {
      jpql.append(" and e.personId = :person");
    }
    if (state != null) {
      jpql.append(" and e.state = :state");
    }
    var query =
        em.createQuery(jpql.append(" order by e.id").toString(), Object[].class)
            .setParameter("after", afterId)
            .setMaxResults(limit);
    if (courseId != null) {
      query.setParameter("course", courseId);
    }
    if (personId != null) {
      query.setParameter("person", personId);
    }
    if (state != null) {
      query.setParameter("state", state);
    }
    return query.getResultList().stream()
        .map(
            r -> {
              var e = (Enrolment) r[0];
              return new Listed(
                  e.getId(),
                  e.getPersonId(),
                  (String) r[1],
                  (String) r[2],
                  (String) r[3],
                  e.getCourseVersion(),
                  e.getState().name().toLowerCase(Locale.ROOT),
                  e.getDueDate(),
                  e.getRequestedAt(),
                  e.getEnrolledAt(),
                  e.getEndedAt());
            })
        .toList();
  }

  /**
   * A course's owner (or an admin) enrols someone: a seat when there is one, the waitlist when the
   * course is full, whatever the course's enrolment mode.
   *
   * @throws Refusal 403 not the course's owner or an admin, 404 unknown course (or a draft) or
   *     person, 409 when the person already has a live enrolment
   */
  public Placement enrolBy(Staff author, String courseCode, long personId) {
    if (!courses.mayEdit(author, courseCode)) {
      throw Refusal.forbidden(
          "Only the course's owners and admins can enrol people on " + courseCode + ".");
    }
    var course = lockedCourse(courseCode);
    var person = em.find(Person.class, personId);
    if (person == null) {
      throw Refusal.notFound("There is no such person.");
    }
    var live = liveEnrolment(personId, course.getId());
    if (live.isPresent()) {
      throw Refusal.conflict(
          person.getDisplayName()
              + " is already on "
              + course.getTitle()
              + " ("
              + live.get().getState().name().toLowerCase(Locale.ROOT)
              + ").");
    }
    var now = Instant.now(clock);
    var initial = hasSeat(course) ? EnrolmentState.ENROLLED : EnrolmentState.WAITLISTED;
    var enrolment =
        new Enrolment(
            personId,
            course.getId(),
            course.getContentVersion(),
            cycles(personId, course.getId()) + 1,
            initial,
            now);
    renewIfCompletedBefore(enrolment, completedBefore(personId, course.getId()));
    em.persist(enrolment);
    changed(enrolment, course, "enrolment.created", now);
    return new Placement(enrolment.getId(), Outcome.valueOf(initial.name()));
  }

  /**
   * A course's owner (or an admin) enrols many people at once (a bulk file): each gets a seat while
   * there are seats, then the waitlist; someone already on the course is left as they are. One lock
   * on the course, a few queries for everyone, then one insert (and one outbox event) each.
   *
   * @param people person id → due date ({@code null}: none), in the file's order
   * @return person id → "enrolled", "waitlisted" or "already on the course (…)"
   * @throws Refusal 403 not the course's owner or an admin, 404 unknown course or a draft
   */
  public Map<Long, String> enrolAllBy(
      Staff author, String courseCode, Map<Long, LocalDate> people) {
    if (!courses.mayEdit(author, courseCode)) {
      throw Refusal.forbidden(
          "Only the course's owners and admins can enrol people on " + courseCode + ".");
    }
    return placeAll(lockedCourse(courseCode), people);
  }

  /**
   * Enrolment rules (a Keycloak group, a staff group) place people on a published course: the same
   * placement as {@link #enrolAllBy}, with no author; the rules' owners were checked when the rules
   * were written. Meant for {@link EnrolmentRules} only (an EJB method has to be public).
   */
  public Map<Long, String> enrolByRule(String courseCode, Map<Long, LocalDate> people) {
    return placeAll(lockedCourse(courseCode), people);
  }

  private Map<Long, String> placeAll(Course course, Map<Long, LocalDate> people) {
    var ids = List.copyOf(people.keySet());
    Map<Long, EnrolmentState> live = new HashMap<>();
    Map<Long, Long> cycles = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      var chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
      em.createQuery(
              "select e.personId, e.state from Enrolment e where e.courseId = :course"
                  + " and e.live = true and e.personId in :people",
              Object[].class)
          .setParameter("course", course.getId())
          .setParameter("people", chunk)
          .getResultList()
          .forEach(r -> live.put((Long) r[0], (EnrolmentState) r[1]));
      em.createQuery(
              "select e.personId, count(e) from Enrolment e where e.courseId = :course"
                  + " and e.personId in :people group by e.personId",
              Object[].class)
          .setParameter("course", course.getId())
          .setParameter("people", chunk)
          .getResultList()
          .forEach(r -> cycles.put((Long) r[0], (Long) r[1]));
    }
    // People who completed the course before renew it (one query for everyone; rare)
    var completed = new java.util.HashSet<Long>();
    for (int from = 0; from < ids.size(); from += 1000) {
      completed.addAll(
          em.createQuery(
                  "select distinct c.personId from CourseCompletion c where c.courseId = :course"
                      + " and c.personId in :people",
                  Long.class)
              .setParameter("course", course.getId())
              .setParameter("people", ids.subList(from, Math.min(ids.size(), from + 1000)))
              .getResultList());
    }
    var taken = seatsTaken(course.getId());
    var now = Instant.now(clock);
    Map<Long, String> outcomes = new LinkedHashMap<>();
    for (var entry : people.entrySet()) {
      var personId = entry.getKey();
      if (live.containsKey(personId)) {
        outcomes.put(
            personId,
            "already on the course (" + live.get(personId).name().toLowerCase(Locale.ROOT) + ")");
        continue;
      }
      var seat = course.getCapacity() == null || taken < course.getCapacity();
      if (seat) {
        taken++;
      }
      var enrolment =
          new Enrolment(
              personId,
              course.getId(),
              course.getContentVersion(),
              cycles.getOrDefault(personId, 0L).intValue() + 1,
              seat ? EnrolmentState.ENROLLED : EnrolmentState.WAITLISTED,
              now);
      enrolment.dueBy(entry.getValue());
      renewIfCompletedBefore(enrolment, completed.contains(personId));
      // IDENTITY ids: persist inserts at once, so the event can name the enrolment without a
      // flush per row (a flush per row re-checks every managed entity: quadratic for 10,000).
      em.persist(enrolment);
      record(enrolment, course, "enrolment.created", now);
      outcomes.put(personId, seat ? "enrolled" : "waitlisted");
    }
    return outcomes;
  }

  /**
   * A person leaves a course, its waitlist, or withdraws a request. Their lesson progress is kept.
   * A seat that frees goes to the first person on the waitlist.
   *
   * @throws Refusal 404 for an unknown course, 409 when the person has no live enrolment
   */
  public void withdraw(long personId, String courseCode) {
    var course = lockedCourse(courseCode);
    var enrolment =
        liveEnrolment(personId, course.getId())
            .orElseThrow(() -> Refusal.conflict("You are not on " + course.getTitle() + "."));
    withdraw(enrolment, course);
  }

  /**
   * Ends a live enrolment by id (an HR system or an administrator takes someone off a course); a
   * freed seat goes to the first person on the waitlist.
   *
   * @throws Refusal 404 for an unknown enrolment, 409 when it has already ended
   */
  public void withdraw(long enrolmentId) {
    var found = em.find(Enrolment.class, enrolmentId);
    if (found == null) {
      throw Refusal.notFound("There is no enrolment " + enrolmentId + ".");
    }
    var course = em.find(Course.class, found.getCourseId(), LockModeType.PESSIMISTIC_WRITE);
    em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
    if (!found.getState().isLive()) {
      throw Refusal.conflict("Enrolment " + enrolmentId + " has already ended.");
    }
    withdraw(found, course);
  }

  private void withdraw(Enrolment enrolment, Course course) {
    var now = Instant.now(clock);
    var hadSeat = enrolment.getState() == EnrolmentState.ENROLLED;
    enrolment.withdraw(now);
    em.flush();
    changed(enrolment, course, "enrolment.changed", now);
    if (hadSeat) {
      fillFreeSeats(course, now);
    }
  }

  /** Approves a request; the person gets a seat, or the waitlist when the course is full. */
  public void approve(long enrolmentId, long deciderId) {
    var enrolment = pendingRequest(enrolmentId);
    var course = em.find(Course.class, enrolment.getCourseId(), LockModeType.PESSIMISTIC_WRITE);
    var now = Instant.now(clock);
    enrolment.approve(deciderId, hasSeat(course), now);
    // The place starts on the version published now, not the one of the day of the request.
    enrolment.studyVersion(course.getContentVersion());
    changed(enrolment, course, "enrolment.changed", now);
    decided(
        "enrolment.approved",
        enrolment,
        course,
        deciderId,
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("state", enrolment.getState().name())
            .build());
  }

  /**
   * Rejects a request with the reason the person will see.
   *
   * @throws FieldRefusal ({@code reason}) when the reason is blank or longer than {@link
   *     #REASON_LIMIT} characters
   */
  public void reject(long enrolmentId, long deciderId, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new FieldRefusal("reason", "Enter a reason for rejecting the request");
    }
    if (reason.strip().length() > REASON_LIMIT) {
      throw new FieldRefusal("reason", "Reason must be " + REASON_LIMIT + " characters or fewer");
    }
    var enrolment = pendingRequest(enrolmentId);
    var course = em.find(Course.class, enrolment.getCourseId());
    var now = Instant.now(clock);
    enrolment.reject(deciderId, reason.strip(), now);
    changed(enrolment, course, "enrolment.changed", now);
    decided(
        "enrolment.rejected",
        enrolment,
        course,
        deciderId,
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("state", "REJECTED")
            .add("reason", reason.strip())
            .build());
  }

  /** Audits a decision on a request, in its transaction. */
  private void decided(
      String action,
      Enrolment enrolment,
      Course course,
      long deciderId,
      jakarta.json.JsonObject after) {
    audit.record(
        org.upskill.audit.boundary.AuditLog.Actor.person(deciderId),
        action,
        enrolment.getPersonId(),
        "enrolment",
        enrolment.getId(),
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("state", "REQUESTED")
            .add("course", course.getCode())
            .build(),
        after);
  }

  /** The person's standing on a course (their latest cycle). */
  public EnrolmentStatus status(long personId, long courseId) {
    var latest =
        em.createQuery(
                "select e from Enrolment e where e.personId = :person and e.courseId = :course"
                    + " order by e.id desc",
                Enrolment.class)
            .setParameter("person", personId)
            .setParameter("course", courseId)
            .setMaxResults(1)
            .getResultStream()
            .findFirst();
    if (latest.isEmpty()) {
      return EnrolmentStatus.NOT_ENROLLED;
    }
    var enrolment = latest.get();
    var state = enrolment.getState();
    if (state == EnrolmentState.WITHDRAWN || state == EnrolmentState.REJECTED) {
      return new EnrolmentStatus(
          "not_enrolled",
          0,
          enrolment.getEndedAt(),
          enrolment.getDecisionReason(),
          enrolment.getLastLessonId(),
          state == EnrolmentState.REJECTED,
          0);
    }
    var position = state == EnrolmentState.WAITLISTED ? waitlistPosition(enrolment) : 0;
    return new EnrolmentStatus(
        state.name().toLowerCase(Locale.ROOT),
        position,
        state == EnrolmentState.ENROLLED ? enrolment.getEnrolledAt() : enrolment.getRequestedAt(),
        enrolment.getDecisionReason(),
        enrolment.getLastLessonId(),
        false,
        enrolment.getCourseVersion());
  }

  /** The person's live and completed enrolments (the latest cycle of each course), newest first. */
  public List<MyCourse> coursesOf(long personId) {
    var rows =
        em.createQuery(
                "select e, c.code, c.title from Enrolment e join Course c on c.id = e.courseId"
                    + " where e.personId = :person and (e.live = true or e.state = :completed)"
                    + " order by e.id desc",
                Object[].class)
            .setParameter("person", personId)
            .setParameter("completed", EnrolmentState.COMPLETED)
            .getResultList();
    var seen = new java.util.HashSet<Long>();
    var courses = new java.util.ArrayList<MyCourse>();
    for (var row : rows) {
      var e = (Enrolment) row[0];
      if (seen.add(e.getCourseId())) {
        courses.add(
            new MyCourse(
                e.getCourseId(),
                (String) row[1],
                (String) row[2],
                e.getState().name().toLowerCase(Locale.ROOT),
                e.getState() == EnrolmentState.ENROLLED ? e.getEnrolledAt() : e.getRequestedAt(),
                e.getState() == EnrolmentState.COMPLETED ? e.getEndedAt() : null,
                e.getLastLessonId()));
      }
    }
    return courses;
  }

  /** Seats taken on a course (enrolled people). */
  public long seatsTaken(long courseId) {
    return em.createQuery(
            "select count(e) from Enrolment e where e.courseId = :course and e.state = :enrolled",
            Long.class)
        .setParameter("course", courseId)
        .setParameter("enrolled", EnrolmentState.ENROLLED)
        .getSingleResult();
  }

  /** Requests waiting for a trainer's or manager's decision, oldest first. */
  public List<PendingRequest> pendingRequests() {
    return pendingRequests(null);
  }

  /** The requests waiting for a decision on one course ({@code null}: every course). */
  public List<PendingRequest> pendingRequests(String courseCode) {
    return em.createQuery(
            "select new org.upskill.enrolment.boundary.PendingRequest(e.id, p.displayName,"
                + " p.email, c.code, c.title, e.requestedAt)"
                + " from Enrolment e join Person p on p.id = e.personId"
                + " join Course c on c.id = e.courseId"
                + " where e.state = :requested and (:code is null or c.code = :code)"
                + " order by e.requestedAt, e.id",
            PendingRequest.class)
        .setParameter("requested", EnrolmentState.REQUESTED)
        .setParameter("code", courseCode)
        .getResultList();
  }

  /**
   * Courses the person was moved onto from the waitlist since their last visit; they are told once.
   */
  public List<String> takePromotionNotices(long personId) {
    var promoted =
        em.createQuery(
                "select e from Enrolment e where e.personId = :person and e.promotedUnseen = true",
                Enrolment.class)
            .setParameter("person", personId)
            .getResultList();
    return promoted.stream()
        .map(
            e -> {
              e.acknowledgePromotion();
              return em.find(Course.class, e.getCourseId()).getTitle();
            })
        .toList();
  }

  private void fillFreeSeats(Course course, Instant now) {
    while (hasSeat(course)) {
      var next =
          em.createQuery(
                  "select e from Enrolment e where e.courseId = :course and e.state = :waitlisted"
                      + " order by e.requestedAt, e.id",
                  Enrolment.class)
              .setParameter("course", course.getId())
              .setParameter("waitlisted", EnrolmentState.WAITLISTED)
              .setMaxResults(1)
              .getResultStream()
              .findFirst();
      if (next.isEmpty()) {
        return;
      }
      next.get().promoteFromWaitlist(now);
      next.get().studyVersion(course.getContentVersion());
      em.flush();
      changed(next.get(), course, "enrolment.changed", now);
    }
  }

  private int waitlistPosition(Enrolment enrolment) {
    return em.createQuery(
                "select count(e) from Enrolment e where e.courseId = :course"
                    + " and e.state = :waitlisted and (e.requestedAt < :at"
                    + " or (e.requestedAt = :at and e.id < :id))",
                Long.class)
            .setParameter("course", enrolment.getCourseId())
            .setParameter("waitlisted", EnrolmentState.WAITLISTED)
            .setParameter("at", enrolment.getRequestedAt())
            .setParameter("id", enrolment.getId())
            .getSingleResult()
            .intValue()
        + 1;
  }

  private boolean hasSeat(Course course) {
    return course.getCapacity() == null || seatsTaken(course.getId()) < course.getCapacity();
  }

  private boolean completedBefore(long personId, long courseId) {
    return em.createQuery(
                "select count(c) from CourseCompletion c where c.personId = :person"
                    + " and c.courseId = :course",
                Long.class)
            .setParameter("person", personId)
            .setParameter("course", courseId)
            .getSingleResult()
        > 0;
  }

  /**
   * Someone who completed the course before enrols again to renew it: they redo what it requires.
   * Their lessons are no longer marked complete and their quiz grades go (the attempts stay, but
   * only those of this cycle count); their completions and certificates stay as they were.
   */
  private void renewIfCompletedBefore(Enrolment enrolment, boolean completedBefore) {
    if (!completedBefore) {
      return;
    }
    enrolment.markRenewal();
    em.createNativeQuery(
            "update lesson_progress set state = 'VIEWED', completed_at = null"
                + " where person_id = ?1 and state = 'COMPLETED' and lesson_id in"
                + " (select l.id from lesson l join course_module m on m.id = l.module_id"
                + " where m.course_id = ?2)")
        .setParameter(1, enrolment.getPersonId())
        .setParameter(2, enrolment.getCourseId())
        .executeUpdate();
    em.createNativeQuery(
            "delete from quiz_grade where person_id = ?1 and quiz_id in"
                + " (select id from quiz where course_id = ?2)")
        .setParameter(1, enrolment.getPersonId())
        .setParameter(2, enrolment.getCourseId())
        .executeUpdate();
  }

  private Course lockedCourse(String courseCode) {
    var course =
        em.createNamedQuery(Course.BY_CODE, Course.class)
            .setParameter("code", courseCode)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .filter(Course::isPublished)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("There is no course " + courseCode + "."));
    return course;
  }

  private Optional<Enrolment> liveEnrolment(long personId, long courseId) {
    return em.createQuery(
            "select e from Enrolment e where e.personId = :person and e.courseId = :course"
                + " and e.live = true",
            Enrolment.class)
        .setParameter("person", personId)
        .setParameter("course", courseId)
        .getResultStream()
        .findFirst();
  }

  private int cycles(long personId, long courseId) {
    return em.createQuery(
            "select count(e) from Enrolment e where e.personId = :person and e.courseId = :course",
            Long.class)
        .setParameter("person", personId)
        .setParameter("course", courseId)
        .getSingleResult()
        .intValue();
  }

  private Enrolment pendingRequest(long enrolmentId) {
    var enrolment = em.find(Enrolment.class, enrolmentId, LockModeType.PESSIMISTIC_WRITE);
    if (enrolment == null) {
      throw Refusal.notFound("There is no such request.");
    }
    if (enrolment.getState() != EnrolmentState.REQUESTED) {
      throw Refusal.conflict("This request has already been decided.");
    }
    return enrolment;
  }

  private void changed(Enrolment enrolment, Course course, String type, Instant now) {
    em.flush();
    record(enrolment, course, type, now);
  }

  /** The outbox event for an enrolment's change (its id must be known). */
  private void record(Enrolment enrolment, Course course, String type, Instant now) {
    outbox.record(
        type,
        "enrolment",
        String.valueOf(enrolment.getId()),
        Jsonp.objectBuilder()
            .add("enrolmentId", enrolment.getId())
            .add("personId", enrolment.getPersonId())
            .add("courseCode", course.getCode())
            .add("state", enrolment.getState().name().toLowerCase(Locale.ROOT))
            .build(),
        now);
  }
}

package org.upskill.learning.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.Lesson;
import org.upskill.enrolment.entity.Enrolment;
import org.upskill.enrolment.entity.EnrolmentState;
import org.upskill.learning.entity.CourseCompletion;
import org.upskill.learning.entity.LessonProgress;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.Outbox;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.Jsonp;

/**
 * Studying: opening lessons, marking them complete, and completing the course.
 *
 * <p>A course is completed in the same transaction as the action that completes the last thing it
 * requires (its last required lesson, or passing its last required quiz): the enrolment becomes
 * completed, a {@link CourseCompletion} records the time and the course version, and a {@code
 * course.completed} event is written to the outbox. There is no batch job and no delay.
 */
@Stateless
public class Learning {

  @PersistenceContext EntityManager em;
  @Inject Outbox outbox;
  @Inject Event<CourseCompleted> completed;

  Clock clock = Clock.systemUTC();

  /**
   * Opens lesson {@code number} (from 1, across the course's modules) for a person on the course,
   * records that they viewed it and remembers it as the place to resume.
   *
   * @throws Refusal 404 for an unknown course or lesson, 403 when the person is not on the course
   */
  public LessonView open(long personId, String courseCode, int number) {
    var course = publishedCourse(courseCode);
    var enrolment = studyingEnrolment(personId, course);
    var lessons = lessonsInOrder(course.getId(), enrolment.getCourseVersion());
    var lesson = lessonAt(course, lessons, number);
    var now = Instant.now(clock);
    var progress = progressOf(personId, lesson.getId());
    if (progress.isPresent()) {
      progress.get().viewed(now);
    } else {
      em.persist(new LessonProgress(personId, lesson.getId(), now));
    }
    enrolment.resumeAt(lesson.getId());
    return view(personId, course, lessons, number);
  }

  /**
   * Marks lesson {@code number} complete; when it was the last required lesson, completes the
   * course in this same transaction.
   *
   * @return whether this action completed the course
   */
  public boolean completeLesson(long personId, String courseCode, int number) {
    var course = publishedCourse(courseCode);
    var enrolment = studyingEnrolment(personId, course);
    var lessons = lessonsInOrder(course.getId(), enrolment.getCourseVersion());
    var lesson = lessonAt(course, lessons, number);
    // Two clicks on "Mark as complete" must not complete the course twice.
    em.refresh(enrolment, LockModeType.PESSIMISTIC_WRITE);
    var now = Instant.now(clock);
    var progress =
        progressOf(personId, lesson.getId())
            .orElseGet(
                () -> {
                  var created = new LessonProgress(personId, lesson.getId(), now);
                  em.persist(created);
                  return created;
                });
    progress.complete(now);
    enrolment.resumeAt(lesson.getId());
    em.flush();
    if (enrolment.getState() == EnrolmentState.ENROLLED
        && progress(personId, course.getId()).isDone()) {
      completeCourse(enrolment, course, now);
      return true;
    }
    return false;
  }

  /**
   * Completes the course for a person when everything it requires is done (called when a required
   * quiz is passed), in the caller's transaction.
   *
   * @return whether this call completed the course
   */
  public boolean completeIfDone(long personId, long courseId) {
    var enrolment =
        em.createQuery(
                "select e from Enrolment e where e.personId = :person and e.courseId = :course"
                    + " and e.state = :enrolled",
                Enrolment.class)
            .setParameter("person", personId)
            .setParameter("course", courseId)
            .setParameter("enrolled", EnrolmentState.ENROLLED)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultStream()
            .findFirst();
    if (enrolment.isEmpty() || !progress(personId, courseId).isDone()) {
      return false;
    }
    completeCourse(enrolment.get(), em.find(Course.class, courseId), Instant.now(clock));
    return true;
  }

  /** How far the person is through the course's required lessons and quizzes. */
  public Progress progress(long personId, long courseId) {
    return progressByCourse(personId, List.of(courseId)).getOrDefault(courseId, new Progress(0, 0));
  }

  /**
   * The version a person studies on each course: that of their latest enrolment that lets them
   * study, else the published one (a JPQL expression over {@code m.course}, for the queries below).
   */
  private static final String VERSION_OF_PERSON =
      "coalesce((select max(e.courseVersion) from Enrolment e where e.personId = :person"
          + " and e.courseId = %1$s.id and e.state in"
          + " (org.upskill.enrolment.entity.EnrolmentState.ENROLLED,"
          + " org.upskill.enrolment.entity.EnrolmentState.COMPLETED)), %1$s.contentVersion)";

  /**
   * Progress on several courses at once, in one query whatever their number, on the version of each
   * course the person studies.
   */
  public Map<Long, Progress> progressByCourse(long personId, List<Long> courseIds) {
    Map<Long, Progress> result = new HashMap<>();
    if (courseIds.isEmpty()) {
      return result;
    }
    em.createQuery(
            "select c.id, count(l), count(p) from Lesson l join l.module m join m.course c"
                + " left join LessonProgress p on p.lessonId = l.id and p.personId = :person"
                + " and p.state = :completed"
                + " where c.id in :courses and l.required = true"
                + " and m.courseVersion = "
                + VERSION_OF_PERSON.formatted("c")
                + " group by c.id",
            Object[].class)
        .setParameter("person", personId)
        .setParameter("completed", LessonProgress.COMPLETED)
        .setParameter("courses", courseIds)
        .getResultList()
        .forEach(
            row ->
                result.put(
                    (Long) row[0],
                    new Progress(((Long) row[2]).intValue(), ((Long) row[1]).intValue())));
    // A required quiz counts as one part of the course, done when the person's grade passes.
    em.createQuery(
            "select c.id, count(q), count(g) from Quiz q join Course c on c.id = q.courseId"
                + " left join QuizGrade g"
                + " on g.quizId = q.id and g.personId = :person and g.passed = true"
                + " where c.id in :courses and q.required = true"
                + " and q.courseVersion = "
                + VERSION_OF_PERSON.formatted("c")
                + " group by c.id",
            Object[].class)
        .setParameter("person", personId)
        .setParameter("courses", courseIds)
        .getResultList()
        .forEach(
            row ->
                result.merge(
                    (Long) row[0],
                    new Progress(((Long) row[2]).intValue(), ((Long) row[1]).intValue()),
                    (a, b) ->
                        new Progress(a.completed() + b.completed(), a.required() + b.required())));
    return result;
  }

  /**
   * The lesson number to resume at on each course, from the last lesson opened there (1 when none),
   * in one query whatever the number of courses.
   */
  public Map<Long, Integer> resumeNumbers(Map<Long, Long> lastLessonByCourse) {
    Map<Long, Integer> numbers = new HashMap<>();
    if (lastLessonByCourse.isEmpty()) {
      return numbers;
    }
    // Numbers count within one version of a course: the version of the lesson last opened.
    Map<String, Integer> counter = new HashMap<>();
    em.createQuery(
            "select m.course.id, m.courseVersion, l.id from Lesson l join l.module m"
                + " where m.course.id in :courses"
                + " order by m.course.id, m.courseVersion, m.position, l.position",
            Object[].class)
        .setParameter("courses", lastLessonByCourse.keySet())
        .getResultList()
        .forEach(
            row -> {
              var course = (Long) row[0];
              var number = counter.merge(course + "/" + row[1], 1, Integer::sum);
              if (row[2].equals(lastLessonByCourse.get(course))) {
                numbers.put(course, number);
              }
            });
    lastLessonByCourse.keySet().forEach(course -> numbers.putIfAbsent(course, 1));
    return numbers;
  }

  private void completeCourse(Enrolment enrolment, Course course, Instant now) {
    enrolment.complete(now);
    var completion =
        new CourseCompletion(
            enrolment.getId(),
            enrolment.getPersonId(),
            course.getId(),
            enrolment.getCourseVersion(),
            now);
    em.persist(completion);
    em.flush();
    var person = em.find(Person.class, enrolment.getPersonId());
    var payload =
        Jsonp.objectBuilder()
            .add("completionId", completion.getId())
            .add("personId", person.getId())
            .add("personSubject", person.getSubject())
            .add("courseCode", course.getCode())
            .add("courseVersion", completion.getCourseVersion())
            .add("completedAt", now.toString());
    if (person.getStaffNumber() != null) {
      payload.add("staffNumber", person.getStaffNumber());
    }
    if (person.getEmail() != null) {
      payload.add("email", person.getEmail());
    }
    outbox.record(
        "course.completed", "completion", String.valueOf(completion.getId()), payload.build(), now);
    // The certificate is issued by its observer, in this transaction.
    completed.fire(
        new CourseCompleted(
            completion.getId(),
            enrolment.getId(),
            person.getId(),
            course.getId(),
            completion.getCourseVersion(),
            now));
  }

  private LessonView view(long personId, Course course, List<Lesson> lessons, int number) {
    var lesson = lessons.get(number - 1);
    var completed = progressOf(personId, lesson.getId()).map(LessonProgress::isCompleted);
    return new LessonView(
        course.getCode(),
        course.getTitle(),
        lesson.getModule().getTitle(),
        lesson.getId(),
        number,
        lessons.size(),
        lesson.getTitle(),
        lesson.getBodyMarkdown(),
        lesson.getMinutes(),
        completed.orElse(false),
        number > 1 ? number - 1 : 0,
        number < lessons.size() ? number + 1 : 0,
        progress(personId, course.getId()));
  }

  private static Lesson lessonAt(Course course, List<Lesson> lessons, int number) {
    if (number < 1 || number > lessons.size()) {
      throw Refusal.notFound(course.getTitle() + " has no lesson " + number + ".");
    }
    return lessons.get(number - 1);
  }

  private Course publishedCourse(String courseCode) {
    return em.createNamedQuery(Course.BY_CODE, Course.class)
        .setParameter("code", courseCode)
        .getResultStream()
        .filter(Course::isPublished)
        .findFirst()
        .orElseThrow(() -> Refusal.notFound("There is no course " + courseCode + "."));
  }

  /** The person's enrolment that lets them study: enrolled now, or completed. */
  private Enrolment studyingEnrolment(long personId, Course course) {
    return em.createNamedQuery(Enrolment.STUDYING, Enrolment.class)
        .setParameter("person", personId)
        .setParameter("course", course.getId())
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .orElseThrow(
            () -> Refusal.forbidden("Enrol on " + course.getTitle() + " to open its lessons."));
  }

  private List<Lesson> lessonsInOrder(long courseId, int version) {
    return em.createQuery(
            "select l from Lesson l join fetch l.module join l.module m where m.course.id = :course"
                + " and m.courseVersion = :version order by m.position, l.position",
            Lesson.class)
        .setParameter("course", courseId)
        .setParameter("version", version)
        .getResultList();
  }

  private Optional<LessonProgress> progressOf(long personId, long lessonId) {
    return em.createQuery(
            "select p from LessonProgress p where p.personId = :person and p.lessonId = :lesson",
            LessonProgress.class)
        .setParameter("person", personId)
        .setParameter("lesson", lessonId)
        .getResultStream()
        .findFirst();
  }
}

package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.upskill.assessment.entity.Quiz;
import org.upskill.catalog.boundary.CourseAuthoring.Author;
import org.upskill.catalog.control.CourseAccess;
import org.upskill.catalog.control.CourseChanges;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseModule;
import org.upskill.catalog.entity.CoursePublication;
import org.upskill.learning.boundary.Learning;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.Jsonp;

/**
 * Publishing and versions. A draft course is published as version 1: first a check of what would be
 * published (and what stops it), then the publication itself, which makes the course visible to
 * learners and keeps an immutable record of exactly what was published, by whom and when.
 *
 * <p>A published course changes through a new version: {@link #startVersion} copies the published
 * modules, lessons and quizzes into a draft of version n + 1 (same lesson and quiz keys), trainers
 * edit that draft while learners go on with version n, and publishing it makes n + 1 the version
 * new enrolments start on. Learners already on the course stay on the version they started until a
 * trainer {@linkplain #moveLearners moves them}: their progress follows the lesson and quiz keys.
 * {@link #changes} says what changed between two versions.
 */
@Stateless
public class CoursePublishing {

  /**
   * What publishing would make visible, and the problems that must be fixed first.
   *
   * @param draft whether there is a draft to publish (a draft course, or a draft version)
   * @param version the version that publishing would create
   */
  public record Readiness(
      String status,
      boolean draft,
      int version,
      int modules,
      int lessons,
      int quizzes,
      List<String> problems) {
    public boolean ready() {
      return draft && problems.isEmpty();
    }
  }

  /** Learners on an earlier version than the published one, by version. */
  public record Behind(int version, long learners) {}

  /** One line of the version history. */
  public record Publication(
      int version,
      Instant publishedAt,
      String publishedBy,
      int modules,
      int lessons,
      int quizzes) {}

  @PersistenceContext EntityManager em;
  @Inject Learning learning;

  Clock clock = Clock.systemUTC();

  /** What publishing this course would do now. */
  public Readiness readiness(Author author, String code) {
    return readinessOf(CourseAccess.editable(em, author, code));
  }

  /**
   * Publishes a draft course as version 1, or the draft version of a published course: learners can
   * find it from now on (new enrolments start on it), and its content as it stands is kept as
   * version {@code n}.
   *
   * @return the version number published
   * @throws Refusal 409 when there is no draft or it is not ready
   */
  public int publish(Author author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    var readiness = readinessOf(course);
    if (!readiness.draft()) {
      throw Refusal.conflict(
          code + " is already published. Start a new version to change its content.");
    }
    if (!readiness.problems().isEmpty()) {
      throw Refusal.conflict(
          code + " cannot be published yet: " + String.join(" ", readiness.problems()));
    }
    var now = Instant.now(clock);
    var number = course.workingVersion();
    em.persist(
        new CoursePublication(
            course.getId(),
            number,
            now,
            author.personId(),
            readiness.modules(),
            readiness.lessons(),
            readiness.quizzes(),
            snapshot(course, number)));
    course.publish(now);
    em.flush();
    return number;
  }

  /**
   * Starts the next version of a published course: a draft copy of the published modules, lessons
   * and quizzes that trainers can change while learners go on with the published version.
   *
   * @return the draft's version number
   * @throws Refusal 409 when the course is a draft or already has a draft version
   */
  public int startVersion(Author author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    if (course.hasDraftContent()) {
      throw Refusal.conflict(
          course.isPublished()
              ? code + " already has a draft of version " + course.getDraftVersion() + "."
              : code + " is a draft: change it directly and publish it.");
    }
    var from = course.getContentVersion();
    var to = course.startNextVersion(Instant.now(clock));
    Map<Long, Long> moduleIds = new HashMap<>();
    var copies = new ArrayList<java.util.Map.Entry<Long, CourseModule>>();
    for (var module : CourseAccess.modules(em, course, from)) {
      var copy = course.addModule(to, module.getTitle(), module.getSummary());
      module.getLessons().forEach(copy::copyLesson);
      copies.add(java.util.Map.entry(module.getId(), copy));
    }
    em.flush();
    copies.forEach(e -> moduleIds.put(e.getKey(), e.getValue().getId()));
    for (var quiz : quizzesOf(course, from)) {
      em.persist(
          quiz.copyFor(to, quiz.getModuleId() == null ? null : moduleIds.get(quiz.getModuleId())));
    }
    em.flush();
    return to;
  }

  /**
   * Throws away the draft of the next version (its modules, lessons and quizzes); the published
   * version is untouched.
   *
   * @return the number the draft had
   * @throws Refusal 409 when there is no draft version (a course never published is not discarded
   *     this way)
   */
  public int discardVersion(Author author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    if (course.getDraftVersion() == null) {
      throw Refusal.conflict(code + " has no draft of a new version to discard.");
    }
    int draft = course.getDraftVersion();
    for (var quiz : quizzesOf(course, draft)) {
      em.remove(quiz);
    }
    em.flush();
    for (var module : CourseAccess.modules(em, course, draft)) {
      course.removeModule(module);
    }
    course.discardDraftVersion(Instant.now(clock));
    em.flush();
    return draft;
  }

  /**
   * What changed in version {@code version} since the one before: between two publications, or for
   * the draft version, between the published version and the draft as it stands.
   *
   * @throws Refusal 404 for a version that does not exist
   */
  public List<CourseChanges.Change> changes(Author author, String code, int version) {
    var course = CourseAccess.editable(em, author, code);
    var after =
        course.getDraftVersion() != null && version == course.getDraftVersion()
            ? snapshot(course, version)
            : publication(course, version)
                .orElseThrow(() -> Refusal.notFound(code + " has no version " + version + "."))
                .getContent();
    var before = publication(course, version - 1);
    if (before.isEmpty()) {
      return List.of();
    }
    return CourseChanges.between(before.get().getContent(), after);
  }

  /** How many learners study an earlier version than the published one, by version. */
  public List<Behind> behind(Author author, String code) {
    var course = CourseAccess.editable(em, author, code);
    return em
        .createQuery(
            "select e.courseVersion, count(e) from Enrolment e where e.courseId = :course"
                + " and e.live = true and e.courseVersion < :published"
                + " group by e.courseVersion order by e.courseVersion",
            Object[].class)
        .setParameter("course", course.getId())
        .setParameter("published", course.getContentVersion())
        .getResultList()
        .stream()
        .map(r -> new Behind(((Number) r[0]).intValue(), ((Number) r[1]).longValue()))
        .toList();
  }

  /**
   * Moves every learner still on an earlier version (enrolled, waitlisted or waiting for approval)
   * to the published version. What they did follows them: a lesson they completed is completed in
   * the new version when it is the same lesson (same key), a quiz they passed is passed, their
   * accommodations on a quiz apply to the same quiz, and they resume at the same lesson. Someone
   * who has now done everything the new version requires completes it, in this transaction.
   *
   * @return how many learners were moved
   */
  public int moveLearners(Author author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    if (!course.isPublished()) {
      throw Refusal.conflict(code + " is not published: nobody studies it yet.");
    }
    var to = course.getContentVersion();
    var moved = 0;
    for (var from : behind(author, code)) {
      var people =
          em.createQuery(
                  "select e.personId from Enrolment e where e.courseId = :course"
                      + " and e.live = true and e.courseVersion = :version"
                      + " and e.state = org.upskill.enrolment.entity.EnrolmentState.ENROLLED",
                  Long.class)
              .setParameter("course", course.getId())
              .setParameter("version", from.version())
              .getResultList();
      carryOver(course.getId(), from.version(), to);
      moved +=
          em.createNativeQuery(
                  "update enrolment set course_version = ?3, last_lesson_id = (select nl.id from"
                      + " lesson nl join course_module nm on nm.id = nl.module_id, lesson ol"
                      + " where nm.course_id = ?1 and nm.course_version = ?3"
                      + " and ol.id = enrolment.last_lesson_id and nl.lesson_key = ol.lesson_key)"
                      + " where course_id = ?1 and course_version = ?2 and live = true")
              .setParameter(1, course.getId())
              .setParameter(2, from.version())
              .setParameter(3, to)
              .executeUpdate();
      em.clear();
      for (var person : people) {
        learning.completeIfDone(person, course.getId());
      }
    }
    return moved;
  }

  /**
   * Copies, for the learners on version {@code from}, their lesson progress, passed quiz grades and
   * quiz accommodations to the lessons and quizzes of version {@code to} with the same keys.
   */
  private void carryOver(long courseId, int from, int to) {
    var learners =
        " in (select person_id from enrolment where course_id = ?1 and course_version = ?2"
            + " and live = true)";
    em.createNativeQuery(
            "insert into lesson_progress (person_id, lesson_id, state, last_position,"
                + " first_viewed_at, completed_at, updated_at)"
                + " select lp.person_id, nl.id, lp.state, lp.last_position, lp.first_viewed_at,"
                + " lp.completed_at, lp.updated_at from lesson_progress lp"
                + " join lesson ol on ol.id = lp.lesson_id"
                + " join course_module om on om.id = ol.module_id"
                + " join lesson nl on nl.lesson_key = ol.lesson_key"
                + " join course_module nm on nm.id = nl.module_id"
                + " where om.course_id = ?1 and om.course_version = ?2"
                + " and nm.course_id = ?1 and nm.course_version = ?3"
                + " and lp.person_id"
                + learners
                + " and not exists (select 1 from lesson_progress x"
                + " where x.person_id = lp.person_id and x.lesson_id = nl.id)")
        .setParameter(1, courseId)
        .setParameter(2, from)
        .setParameter(3, to)
        .executeUpdate();
    em.createNativeQuery(
            "insert into quiz_grade (quiz_id, person_id, attempts_submitted, grade_percent,"
                + " passed, first_passed_at, updated_at)"
                + " select nq.id, g.person_id, g.attempts_submitted, g.grade_percent, g.passed,"
                + " g.first_passed_at, g.updated_at from quiz_grade g"
                + " join quiz oq on oq.id = g.quiz_id"
                + " join quiz nq on nq.quiz_key = oq.quiz_key"
                + " where oq.course_id = ?1 and oq.course_version = ?2"
                + " and nq.course_id = ?1 and nq.course_version = ?3 and g.passed = true"
                + " and g.person_id"
                + learners
                + " and not exists (select 1 from quiz_grade x"
                + " where x.person_id = g.person_id and x.quiz_id = nq.id)")
        .setParameter(1, courseId)
        .setParameter(2, from)
        .setParameter(3, to)
        .executeUpdate();
    em.createNativeQuery(
            "insert into quiz_override (quiz_id, person_id, extra_attempts, closes_at,"
                + " extra_minutes, set_by, set_at)"
                + " select nq.id, o.person_id, o.extra_attempts, o.closes_at, o.extra_minutes,"
                + " o.set_by, o.set_at from quiz_override o"
                + " join quiz oq on oq.id = o.quiz_id"
                + " join quiz nq on nq.quiz_key = oq.quiz_key"
                + " where oq.course_id = ?1 and oq.course_version = ?2"
                + " and nq.course_id = ?1 and nq.course_version = ?3"
                + " and o.person_id"
                + learners
                + " and not exists (select 1 from quiz_override x"
                + " where x.person_id = o.person_id and x.quiz_id = nq.id)")
        .setParameter(1, courseId)
        .setParameter(2, from)
        .setParameter(3, to)
        .executeUpdate();
  }

  private java.util.Optional<CoursePublication> publication(Course course, int version) {
    return java.util.Optional.ofNullable(
        em.find(CoursePublication.class, new CoursePublication.Key(course.getId(), version)));
  }

  /** Every publication of the course, newest first. */
  public List<Publication> history(Author author, String code) {
    var course = CourseAccess.editable(em, author, code);
    return em
        .createNamedQuery(CoursePublication.OF_COURSE, CoursePublication.class)
        .setParameter("course", course.getId())
        .getResultList()
        .stream()
        .map(
            p ->
                new Publication(
                    p.getVersionNo(),
                    p.getPublishedAt(),
                    em.createQuery(
                            "select p.displayName from Person p where p.id = :id", String.class)
                        .setParameter("id", p.getPublishedBy())
                        .getSingleResult(),
                    p.getModuleCount(),
                    p.getLessonCount(),
                    p.getQuizCount()))
        .toList();
  }

  private Readiness readinessOf(Course course) {
    var modules = CourseAccess.modules(em, course);
    var quizzes = quizzesOf(course, course.workingVersion());
    var problems = new ArrayList<String>();
    if (modules.isEmpty()) {
      problems.add("Add at least one module.");
    }
    var lessons = 0;
    for (var module : modules) {
      lessons += module.getLessons().size();
      var hasQuiz = quizzes.stream().anyMatch(q -> module.getId().equals(q.getModuleId()));
      if (module.getLessons().isEmpty() && !hasQuiz) {
        problems.add(
            "Module " + module.getPosition() + " (" + module.getTitle() + ") has no lessons.");
      }
    }
    for (var quiz : quizzes) {
      if (quiz.getSlots().isEmpty()) {
        problems.add("The quiz “" + quiz.getTitle() + "” has no questions.");
      }
    }
    return new Readiness(
        course.getStatus().name(),
        course.hasDraftContent(),
        course.workingVersion(),
        modules.size(),
        lessons,
        quizzes.size(),
        problems);
  }

  private List<Quiz> quizzesOf(Course course, int version) {
    return em.createQuery(
            "select q from Quiz q where q.courseId = :course and q.courseVersion = :version"
                + " order by q.id",
            Quiz.class)
        .setParameter("course", course.getId())
        .setParameter("version", version)
        .getResultList();
  }

  /**
   * Version {@code number} of the course's content, in JSON: details, modules, lessons, quizzes.
   */
  private String snapshot(Course course, int number) {
    var modules = Jsonp.arrayBuilder();
    var quizzes = quizzesOf(course, number);
    for (var module : CourseAccess.modules(em, course, number)) {
      var lessons = Jsonp.arrayBuilder();
      for (var lesson : module.getLessons()) {
        lessons.add(
            Jsonp.objectBuilder()
                .add("id", lesson.getId())
                .add("key", lesson.getLessonKey())
                .add("position", lesson.getPosition())
                .add("title", lesson.getTitle())
                .add("minutes", lesson.getMinutes())
                .add("required", lesson.isRequired())
                .add("markdown", lesson.getBodyMarkdown()));
      }
      var moduleQuizzes = Jsonp.arrayBuilder();
      quizzes.stream()
          .filter(q -> module.getId().equals(q.getModuleId()))
          .forEach(
              q ->
                  moduleQuizzes.add(
                      Jsonp.objectBuilder()
                          .add("id", q.getId())
                          .add("key", q.getQuizKey())
                          .add("title", q.getTitle())
                          .add("required", q.isRequired())
                          .add(
                              "timeLimitMinutes",
                              q.getTimeLimit() == null ? "" : "" + q.getTimeLimit().toMinutes())
                          .add(
                              "maxAttempts",
                              q.getMaxAttempts() == null ? "" : "" + q.getMaxAttempts())
                          .add(
                              "passPercent",
                              q.getPassPercent().stripTrailingZeros().toPlainString())
                          .add("grading", q.getGradingMethod().name().toLowerCase(Locale.ROOT))
                          .add(
                              "questions",
                              "" + q.getSlots().stream().mapToInt(s -> s.getDrawCount()).sum())));
      modules.add(
          Jsonp.objectBuilder()
              .add("position", module.getPosition())
              .add("title", module.getTitle())
              .add("summary", module.getSummary() == null ? "" : module.getSummary())
              .add("lessons", lessons)
              .add("quizzes", moduleQuizzes));
    }
    return Jsonp.objectBuilder()
        .add("code", course.getCode())
        .add("version", number)
        .add("title", course.getTitle())
        .add("summary", course.getSummary())
        .add("outcomes", Jsonp.arrayBuilder(course.getOutcomes()))
        .add("level", course.getLevel().name())
        .add("durationMinutes", course.getDurationMinutes())
        .add("audience", course.getAudience().name())
        .add("enrolmentMode", course.getEnrolmentMode().name())
        .add("modules", modules)
        .build()
        .toString();
  }
}

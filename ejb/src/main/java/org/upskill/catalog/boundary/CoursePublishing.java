package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.upskill.assessment.entity.Quiz;
import org.upskill.catalog.boundary.CourseAuthoring.Author;
import org.upskill.catalog.control.CourseAccess;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CoursePublication;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.Jsonp;

/**
 * Publishing a draft course: first a check of what would be published (and what stops it), then the
 * publication itself, which makes the course visible to learners and keeps an immutable record of
 * exactly what was published, by whom and when. The history lists every publication.
 */
@Stateless
public class CoursePublishing {

  /** What publishing would make visible, and the problems that must be fixed first. */
  public record Readiness(
      String status, int modules, int lessons, int quizzes, List<String> problems) {
    public boolean ready() {
      return "DRAFT".equals(status) && problems.isEmpty();
    }
  }

  /** One line of the version history. */
  public record Publication(
      int version,
      Instant publishedAt,
      String publishedBy,
      int modules,
      int lessons,
      int quizzes) {}

  @PersistenceContext EntityManager em;

  Clock clock = Clock.systemUTC();

  /** What publishing this course would do now. */
  public Readiness readiness(Author author, String code) {
    return readinessOf(CourseAccess.editable(em, author, code));
  }

  /**
   * Publishes a draft course: learners can find it from now on, and its content as it stands is
   * kept as version {@code n}.
   *
   * @return the version number published
   * @throws Refusal 409 when the course is already published or not ready
   */
  public int publish(Author author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    var readiness = readinessOf(course);
    if (!"DRAFT".equals(readiness.status())) {
      throw Refusal.conflict(code + " is already published.");
    }
    if (!readiness.problems().isEmpty()) {
      throw Refusal.conflict(
          code + " cannot be published yet: " + String.join(" ", readiness.problems()));
    }
    var now = Instant.now(clock);
    var number = course.getContentVersion();
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
    var quizzes = quizzesOf(course);
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
        course.getStatus().name(), modules.size(), lessons, quizzes.size(), problems);
  }

  private List<Quiz> quizzesOf(Course course) {
    return em.createQuery("select q from Quiz q where q.courseId = :course", Quiz.class)
        .setParameter("course", course.getId())
        .getResultList();
  }

  /** The course's content as published, in JSON: details, modules, lessons, quizzes. */
  private String snapshot(Course course, int number) {
    var modules = Jsonp.arrayBuilder();
    var quizzes = quizzesOf(course);
    for (var module : CourseAccess.modules(em, course)) {
      var lessons = Jsonp.arrayBuilder();
      for (var lesson : module.getLessons()) {
        lessons.add(
            Jsonp.objectBuilder()
                .add("id", lesson.getId())
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
                          .add("title", q.getTitle())
                          .add("required", q.isRequired())));
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

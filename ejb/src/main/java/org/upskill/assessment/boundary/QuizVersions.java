package org.upskill.assessment.boundary;

import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.upskill.assessment.entity.Quiz;
import org.upskill.catalog.boundary.CourseActivities;
import org.upskill.enrolment.boundary.LearnersMoving;
import org.upskill.platform.control.Jsonp;

/**
 * Quizzes across course versions: each version of a course has its own quizzes (same quiz key from
 * one version to the next), which the catalogue's publishing checks, keeps, copies and discards
 * through {@link CourseActivities}; and when learners move to a newer version, their passed grades
 * and their accommodations follow them to the same quizzes ({@link LearnersMoving}).
 */
@Stateless
@Local(CourseActivities.class) // its view for the catalogue (with @LocalBean, not implied)
@LocalBean // and the bean's own, on which its observer method is a business method
public class QuizVersions implements CourseActivities {

  @PersistenceContext EntityManager em;

  @Override
  public String kind() {
    return "quizzes";
  }

  @Override
  public List<Activity> of(long courseId, int version) {
    return quizzes(courseId, version).stream()
        .map(
            q ->
                new Activity(
                    q.getModuleId(),
                    snapshot(q),
                    q.getSlots().isEmpty()
                        ? List.of("The quiz “" + q.getTitle() + "” has no questions.")
                        : List.of()))
        .toList();
  }

  @Override
  public void copy(long courseId, int from, int to, Map<Long, Long> modules) {
    for (var quiz : quizzes(courseId, from)) {
      em.persist(
          quiz.copyFor(to, quiz.getModuleId() == null ? null : modules.get(quiz.getModuleId())));
    }
  }

  @Override
  public void discard(long courseId, int version) {
    for (var quiz : quizzes(courseId, version)) {
      em.remove(quiz);
    }
  }

  /**
   * Copies, for the learners on the version they leave, their passed quiz grades and quiz
   * accommodations to the quizzes of the new version with the same keys.
   */
  public void carryOver(@Observes LearnersMoving moving) {
    var learners =
        " in (select person_id from enrolment where course_id = ?1 and course_version = ?2"
            + " and live = true)";
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
        .setParameter(1, moving.courseId())
        .setParameter(2, moving.fromVersion())
        .setParameter(3, moving.toVersion())
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
        .setParameter(1, moving.courseId())
        .setParameter(2, moving.fromVersion())
        .setParameter(3, moving.toVersion())
        .executeUpdate();
  }

  private List<Quiz> quizzes(long courseId, int version) {
    return em.createQuery(
            "select q from Quiz q where q.courseId = :course and q.courseVersion = :version"
                + " order by q.id",
            Quiz.class)
        .setParameter("course", courseId)
        .setParameter("version", version)
        .getResultList();
  }

  /** A quiz as the publication's snapshot keeps it (the keys of every snapshot ever stored). */
  private static jakarta.json.JsonObject snapshot(Quiz q) {
    return Jsonp.objectBuilder()
        .add("id", q.getId())
        .add("key", q.getQuizKey())
        .add("title", q.getTitle())
        .add("required", q.isRequired())
        .add("timeLimitMinutes", q.getTimeLimit() == null ? "" : "" + q.getTimeLimit().toMinutes())
        .add("maxAttempts", q.getMaxAttempts() == null ? "" : "" + q.getMaxAttempts())
        .add("passPercent", q.getPassPercent().stripTrailingZeros().toPlainString())
        .add("grading", q.getGradingMethod().name().toLowerCase(Locale.ROOT))
        .add("questions", "" + q.getSlots().stream().mapToInt(s -> s.getDrawCount()).sum())
        .build();
  }
}

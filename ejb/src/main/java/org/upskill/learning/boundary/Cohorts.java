package org.upskill.learning.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.CourseAuthoring.Author;
import org.upskill.enrolment.entity.EnrolmentState;

/**
 * A course's learners as its owners see them: one row per person on the course (enrolled,
 * waitlisted, requested or completed), lessons done per module, each quiz's grade, and when they
 * completed. Only the course's owners and admins may see it.
 */
@Stateless
public class Cohorts {

  /** A module column: its number, title and lessons. */
  public record ModuleColumn(int position, String title, int lessons) {}

  /** A quiz column. */
  public record QuizColumn(long id, String title) {}

  /** A person's grade on a quiz, or {@code null} in {@link Row#quizzes} before any submission. */
  public record QuizCell(int attempts, BigDecimal percent, boolean passed) {}

  /** One learner. */
  public record Row(
      long personId,
      String name,
      String email,
      String staffNumber,
      String state,
      Instant since,
      List<Integer> lessonsDone,
      List<QuizCell> quizzes,
      Instant completedAt) {}

  /** The grid: columns, one page of rows and how many rows there are in all. */
  public record View(
      String code,
      String title,
      List<ModuleColumn> modules,
      List<QuizColumn> quizzes,
      List<Row> rows,
      long total) {}

  @PersistenceContext EntityManager em;
  @Inject CourseAuthoring courses;

  /**
   * One page of the course's learners, by name; {@code pageSize} 0 for all of them (the export).
   *
   * @throws org.upskill.platform.boundary.Refusal 404 unknown course, 403 not an owner or admin
   */
  public View of(Author author, String code, int page, int pageSize) {
    var course = courses.course(author, code);
    var moduleLines = courses.modules(author, code);
    var modules =
        moduleLines.stream()
            .map(m -> new ModuleColumn(m.position(), m.title(), m.lessons().size()))
            .toList();
    Map<Long, Integer> moduleOfLesson = new HashMap<>();
    for (int i = 0; i < moduleLines.size(); i++) {
      for (var lesson : moduleLines.get(i).lessons()) {
        moduleOfLesson.put(lesson.id(), i);
      }
    }
    @SuppressWarnings("unchecked")
    List<Object[]> quizRows =
        em.createNativeQuery("select id, title from quiz where course_id = ?1 order by id")
            .setParameter(1, course.id())
            .getResultList();
    var quizzes =
        quizRows.stream()
            .map(r -> new QuizColumn(((Number) r[0]).longValue(), (String) r[1]))
            .toList();

    var where =
        " from Enrolment e join Person p on p.id = e.personId"
            + " left join CourseCompletion c on c.enrolmentId = e.id"
            + " where e.courseId = :course and (e.live = true or e.state = :completed)";
    var total =
        em.createQuery("select count(e)" + where, Long.class)
            .setParameter("course", course.id())
            .setParameter("completed", EnrolmentState.COMPLETED)
            .getSingleResult();
    var query =
        em.createQuery(
                "select p.id, p.displayName, p.email, p.staffNumber, e.state,"
                    + " coalesce(e.enrolledAt, e.requestedAt), c.completedAt"
                    + where
                    + " order by p.displayName, p.id, e.id",
                Object[].class)
            .setParameter("course", course.id())
            .setParameter("completed", EnrolmentState.COMPLETED);
    if (pageSize > 0) {
      query.setFirstResult(Math.max(0, page - 1) * pageSize).setMaxResults(pageSize);
    }
    List<Object[]> people = query.getResultList();
    Set<Long> ids = new HashSet<>();
    people.forEach(r -> ids.add(((Number) r[0]).longValue()));

    Map<Long, int[]> done = new HashMap<>();
    Map<Long, Map<Long, QuizCell>> grades = new HashMap<>();
    if (!ids.isEmpty()) {
      @SuppressWarnings("unchecked")
      List<Object[]> progress =
          em.createNativeQuery(
                  "select lp.person_id, lp.lesson_id from lesson_progress lp"
                      + " join lesson l on l.id = lp.lesson_id"
                      + " join course_module m on m.id = l.module_id"
                      + " where m.course_id = ?1 and lp.state = 'COMPLETED' and lp.person_id in (?2)")
              .setParameter(1, course.id())
              .setParameter(2, ids)
              .getResultList();
      for (var r : progress) {
        var module = moduleOfLesson.get(((Number) r[1]).longValue());
        if (module != null) {
          done.computeIfAbsent(((Number) r[0]).longValue(), k -> new int[modules.size()])[module]++;
        }
      }
      @SuppressWarnings("unchecked")
      List<Object[]> quizGrades =
          em.createNativeQuery(
                  "select g.person_id, g.quiz_id, g.attempts_submitted, g.grade_percent, g.passed"
                      + " from quiz_grade g join quiz q on q.id = g.quiz_id"
                      + " where q.course_id = ?1 and g.person_id in (?2)")
              .setParameter(1, course.id())
              .setParameter(2, ids)
              .getResultList();
      for (var r : quizGrades) {
        grades
            .computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
            .put(
                ((Number) r[1]).longValue(),
                new QuizCell(
                    ((Number) r[2]).intValue(),
                    new BigDecimal(r[3].toString()),
                    Boolean.TRUE.equals(r[4]) || Integer.valueOf(1).equals(r[4])));
      }
    }
    var rows = new ArrayList<Row>();
    for (var r : people) {
      var id = ((Number) r[0]).longValue();
      var counts = done.getOrDefault(id, new int[modules.size()]);
      var lessonsDone = new ArrayList<Integer>();
      for (var count : counts) {
        lessonsDone.add(count);
      }
      var personGrades = grades.getOrDefault(id, Map.of());
      rows.add(
          new Row(
              id,
              (String) r[1],
              (String) r[2],
              (String) r[3],
              r[4].toString().toLowerCase(java.util.Locale.ROOT),
              (Instant) r[5],
              lessonsDone,
              quizzes.stream().map(q -> personGrades.get(q.id())).toList(),
              (Instant) r[6]));
    }
    return new View(
        course.details().code(), course.details().title(), modules, quizzes, rows, total);
  }
}

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
import org.upskill.enrolment.entity.EnrolmentState;
import org.upskill.platform.boundary.Staff;

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
      Instant completedAt,
      int courseVersion) {}

  /** The grid: columns, one page of rows and how many rows there are in all. */
  public record View(
      String code,
      String title,
      int publishedVersion,
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
  public View of(Staff author, String code, int page, int pageSize) {
    var course = courses.course(author, code);
    // The columns are the published version's modules and quizzes; a learner still on an earlier
    // version is counted through the lesson and quiz keys, which stay the same between versions.
    var version = course.publishedVersion();
    @SuppressWarnings("unchecked")
    List<Object[]> outline =
        em.createNativeQuery(
                "select m.position, m.title, l.lesson_key from course_module m"
                    + " left join lesson l on l.module_id = m.id"
                    + " where m.course_id = ?1 and m.course_version = ?2"
                    + " order by m.position, l.position")
            .setParameter(1, course.id())
            .setParameter(2, version)
            .getResultList();
    var modules = new ArrayList<ModuleColumn>();
    Map<String, Integer> moduleOfLesson = new HashMap<>();
    for (var r : outline) {
      var position = ((Number) r[0]).intValue();
      if (modules.isEmpty() || modules.get(modules.size() - 1).position() != position) {
        modules.add(new ModuleColumn(position, (String) r[1], 0));
      }
      if (r[2] != null) {
        var last = modules.remove(modules.size() - 1);
        modules.add(new ModuleColumn(last.position(), last.title(), last.lessons() + 1));
        moduleOfLesson.put((String) r[2], modules.size() - 1);
      }
    }
    @SuppressWarnings("unchecked")
    List<Object[]> quizRows =
        em.createNativeQuery(
                "select id, title, quiz_key from quiz where course_id = ?1 and course_version = ?2"
                    + " order by id")
            .setParameter(1, course.id())
            .setParameter(2, version)
            .getResultList();
    var quizzes =
        quizRows.stream()
            .map(r -> new QuizColumn(((Number) r[0]).longValue(), (String) r[1]))
            .toList();
    Map<String, Long> quizOfKey = new HashMap<>();
    quizRows.forEach(r -> quizOfKey.put((String) r[2], ((Number) r[0]).longValue()));

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
                    + " coalesce(e.enrolledAt, e.requestedAt), c.completedAt, e.courseVersion"
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
                  "select distinct lp.person_id, l.lesson_key from lesson_progress lp"
                      + " join lesson l on l.id = lp.lesson_id"
                      + " join course_module m on m.id = l.module_id"
                      + " where m.course_id = ?1 and lp.state = 'COMPLETED' and lp.person_id in (?2)")
              .setParameter(1, course.id())
              .setParameter(2, ids)
              .getResultList();
      for (var r : progress) {
        var module = moduleOfLesson.get((String) r[1]);
        if (module != null) {
          done.computeIfAbsent(((Number) r[0]).longValue(), k -> new int[modules.size()])[module]++;
        }
      }
      @SuppressWarnings("unchecked")
      List<Object[]> quizGrades =
          em.createNativeQuery(
                  "select g.person_id, q.quiz_key, g.attempts_submitted, g.grade_percent, g.passed"
                      + " from quiz_grade g join quiz q on q.id = g.quiz_id"
                      + " where q.course_id = ?1 and g.person_id in (?2)"
                      + " order by q.course_version")
              .setParameter(1, course.id())
              .setParameter(2, ids)
              .getResultList();
      for (var r : quizGrades) {
        var column = quizOfKey.get((String) r[1]);
        if (column == null) {
          continue; // a quiz the published version no longer has
        }
        grades
            .computeIfAbsent(((Number) r[0]).longValue(), k -> new HashMap<>())
            .put(
                column,
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
              (Instant) r[6],
              ((Number) r[7]).intValue()));
    }
    return new View(
        course.details().code(), course.details().title(), version, modules, quizzes, rows, total);
  }
}

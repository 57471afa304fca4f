package org.upskill.enrolment.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.upskill.catalog.boundary.CourseAccess;
import org.upskill.enrolment.entity.EnrolmentState;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Learners and course versions: who studies an earlier version than the published one, and moving
 * them to it. Learners already on a course stay on the version they started (see the catalogue's
 * {@code CoursePublishing}) until a trainer moves them; what they did follows them, by the lesson
 * and quiz keys, through {@link LearnersMoving} and {@link LearnersMoved}, which the components
 * that keep it observe.
 */
@Stateless
public class VersionMoves {

  /** Learners on an earlier version than the published one, by version. */
  public record Behind(int version, long learners) {}

  @PersistenceContext EntityManager em;
  @Inject Event<LearnersMoving> moving;
  @Inject Event<LearnersMoved> moved;

  /** How many learners study an earlier version than the published one, by version. */
  public List<Behind> behind(Staff author, String code) {
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
  public int moveLearners(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    if (!course.isPublished()) {
      throw Refusal.conflict(code + " is not published: nobody studies it yet.");
    }
    var to = course.getContentVersion();
    var count = 0;
    for (var from : behind(author, code)) {
      var people =
          em.createQuery(
                  "select e.personId from Enrolment e where e.courseId = :course"
                      + " and e.live = true and e.courseVersion = :version"
                      + " and e.state = :enrolled",
                  Long.class)
              .setParameter("course", course.getId())
              .setParameter("version", from.version())
              .setParameter("enrolled", EnrolmentState.ENROLLED)
              .getResultList();
      moving.fire(new LearnersMoving(course.getId(), from.version(), to));
      count +=
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
      moved.fire(new LearnersMoved(course.getId(), people));
    }
    return count;
  }
}

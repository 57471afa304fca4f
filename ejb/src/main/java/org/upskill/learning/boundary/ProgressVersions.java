package org.upskill.learning.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.upskill.enrolment.boundary.LearnersMoved;
import org.upskill.enrolment.boundary.LearnersMoving;

/**
 * Lesson progress across course versions: when learners move to a newer version of a course, a
 * lesson they completed is completed in the new version when it is the same lesson (same key), and
 * once they are moved, those who have done everything the new version requires complete it.
 */
@Stateless
public class ProgressVersions {

  @PersistenceContext EntityManager em;
  @Inject Learning learning;

  /**
   * Copies the moving learners' lesson progress to the new version's lessons with the same keys.
   */
  public void carryOver(@Observes LearnersMoving moving) {
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
                + " and lp.person_id in (select person_id from enrolment where course_id = ?1"
                + " and course_version = ?2 and live = true)"
                + " and not exists (select 1 from lesson_progress x"
                + " where x.person_id = lp.person_id and x.lesson_id = nl.id)")
        .setParameter(1, moving.courseId())
        .setParameter(2, moving.fromVersion())
        .setParameter(3, moving.toVersion())
        .executeUpdate();
  }

  /** Completes the moved learners who have now done everything their new version requires. */
  public void completeMoved(@Observes LearnersMoved moved) {
    for (var person : moved.people()) {
      learning.completeIfDone(person, moved.courseId());
    }
  }
}

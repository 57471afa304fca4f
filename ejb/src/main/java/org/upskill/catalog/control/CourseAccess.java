package org.upskill.catalog.control;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.upskill.catalog.boundary.CourseAuthoring.Author;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseModule;
import org.upskill.catalog.entity.CourseOwner;
import org.upskill.catalog.entity.CourseStatus;
import org.upskill.platform.boundary.Refusal;

/**
 * Who may change which course, in one place for every authoring boundary: owners, co-owners and
 * admins may change a course; its content (modules, lessons) changes only while it is a draft.
 */
public final class CourseAccess {

  private CourseAccess() {}

  /**
   * A course this author may change.
   *
   * @throws Refusal 404 unknown course, 403 someone who does not own it (and is no admin)
   */
  public static Course editable(EntityManager em, Author author, String code) {
    var course =
        em.createNamedQuery(Course.BY_CODE, Course.class)
            .setParameter("code", code)
            .getResultStream()
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("There is no course " + code + "."));
    if (!author.admin()
        && em.find(CourseOwner.class, new CourseOwner.Key(course.getId(), author.personId()))
            == null) {
      throw Refusal.forbidden("Only the course's owners and admins can change " + code + ".");
    }
    return course;
  }

  /**
   * A course whose content may change: a draft this author may change.
   *
   * @throws Refusal 409 when the course is published
   */
  public static Course draft(EntityManager em, Author author, String code) {
    var course = editable(em, author, code);
    if (course.getStatus() != CourseStatus.DRAFT) {
      throw Refusal.conflict(
          code
              + " is published: its modules and lessons change through a new version, which"
              + " is not possible yet.");
    }
    return course;
  }

  /** The course's modules in order. */
  public static List<CourseModule> modules(EntityManager em, Course course) {
    return em.createQuery(
            "select m from CourseModule m where m.course.id = :course order by m.position",
            CourseModule.class)
        .setParameter("course", course.getId())
        .getResultList();
  }

  /**
   * Module {@code position} of the course.
   *
   * @throws Refusal 404 when there is none
   */
  public static CourseModule module(EntityManager em, Course course, int position) {
    return modules(em, course).stream()
        .filter(m -> m.getPosition() == position)
        .findFirst()
        .orElseThrow(() -> Refusal.notFound(course.getCode() + " has no module " + position + "."));
  }
}

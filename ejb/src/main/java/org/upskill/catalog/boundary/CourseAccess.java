package org.upskill.catalog.boundary;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseModule;
import org.upskill.catalog.entity.CourseOwner;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Who may change which course, in one place for every authoring boundary: owners, co-owners and
 * admins may change a course; its content (modules, lessons, quizzes) changes only in a draft: a
 * course never published, or the draft of the next version of a published one.
 */
public final class CourseAccess {

  private CourseAccess() {}

  /**
   * A course this author may change.
   *
   * @throws Refusal 404 unknown course, 403 someone who does not own it (and is no admin)
   */
  public static Course editable(EntityManager em, Staff author, String code) {
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
   * A course whose content may change: one this author may change that has a draft version.
   *
   * @throws Refusal 409 when the course is published and no new version has been started
   */
  public static Course draft(EntityManager em, Staff author, String code) {
    var course = editable(em, author, code);
    if (!course.hasDraftContent()) {
      throw Refusal.conflict(
          code
              + " is published: its modules, lessons and quizzes change in a new version. Start"
              + " one from the course's page; learners keep the published version until you"
              + " publish the new one.");
    }
    return course;
  }

  /** The modules of the version the editor shows (see {@link Course#workingVersion()}). */
  public static List<CourseModule> modules(EntityManager em, Course course) {
    return modules(em, course, course.workingVersion());
  }

  /** The modules of one version of the course, in order. */
  public static List<CourseModule> modules(EntityManager em, Course course, int version) {
    return em.createQuery(
            "select m from CourseModule m where m.course.id = :course"
                + " and m.courseVersion = :version order by m.position",
            CourseModule.class)
        .setParameter("course", course.getId())
        .setParameter("version", version)
        .getResultList();
  }

  /** Whether a module is part of the version the editor shows. */
  public static boolean inWorkingVersion(Course course, CourseModule module) {
    return module.getCourse().getId().equals(course.getId())
        && module.getCourseVersion() == course.workingVersion();
  }

  /**
   * Module {@code position} of the version the editor shows.
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

package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseModule;
import org.upskill.catalog.entity.Lesson;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Trainers write the lessons of a draft course: add one at the end of a module, rewrite it, move it
 * within its module, remove it. Ownership is checked on every call; a save based on an older
 * version of the lesson is refused with both versions, never applied over someone else's save.
 */
@Stateless
public class LessonAuthoring {

  /** A lesson in the editor: where it sits, its optimistic-lock version and what it says. */
  public record AuthoredLesson(
      long id,
      int module,
      String moduleTitle,
      int position,
      boolean lastInModule,
      long version,
      LessonDraft draft) {}

  /** A save that was based on an older version: the lesson as saved now. */
  public static class LessonConflict extends Refusal {
    private final transient AuthoredLesson current;

    public LessonConflict(AuthoredLesson current) {
      super(
          Reason.CONFLICT,
          "Someone else saved this lesson after you opened it. Nothing of yours or theirs has"
              + " been lost: their version is shown below yours. Merge what you need and save"
              + " again.");
      this.current = current;
    }

    public AuthoredLesson current() {
      return current;
    }
  }

  @PersistenceContext EntityManager em;

  /** A lesson of a course this author may change (drafts and published courses alike). */
  public AuthoredLesson lesson(Staff author, String code, long lessonId) {
    return view(lessonOf(CourseAccess.editable(em, author, code), lessonId));
  }

  /** The module's number and title, to head the new-lesson form. */
  public String moduleTitle(Staff author, String code, int module) {
    return CourseAccess.module(em, CourseAccess.draft(em, author, code), module).getTitle();
  }

  /**
   * Adds a lesson at the end of module {@code module} of a draft course.
   *
   * @return the new lesson's id
   */
  public long add(Staff author, String code, int module, LessonDraft draft) {
    var course = CourseAccess.draft(em, author, code);
    var lesson =
        CourseAccess.module(em, course, module)
            .addLesson(draft.title(), draft.markdown(), draft.minutes());
    lesson.rewrite(draft.title(), draft.markdown(), draft.minutes(), draft.required());
    em.flush();
    return lesson.getId();
  }

  /**
   * Saves a lesson of a draft course, if nobody saved it since {@code basedOnVersion}.
   *
   * @throws LessonConflict when someone else saved in between (nothing is changed)
   */
  public void update(
      Staff author, String code, long lessonId, LessonDraft draft, long basedOnVersion) {
    var lesson = lessonOf(CourseAccess.draft(em, author, code), lessonId);
    if (lesson.getVersion() != basedOnVersion) {
      throw new LessonConflict(view(lesson));
    }
    lesson.rewrite(draft.title(), draft.markdown(), draft.minutes(), draft.required());
    // A save racing this one between the check and the flush fails on @Version instead.
    em.flush();
  }

  /** Swaps the lesson with the one before ({@code up}) or after it in its module. */
  public void move(Staff author, String code, long lessonId, boolean up) {
    var lesson = lessonOf(CourseAccess.draft(em, author, code), lessonId);
    var siblings = lesson.getModule().getLessons();
    var position = lesson.getPosition();
    var other = up ? position - 1 : position + 1;
    var swapped = siblings.stream().filter(l -> l.getPosition() == other).findFirst();
    if (swapped.isEmpty()) {
      return; // already first or last
    }
    // Positions are unique per module: park one lesson while the other takes its place.
    lesson.moveTo(-position);
    em.flush();
    swapped.get().moveTo(position);
    em.flush();
    lesson.moveTo(other);
    em.flush();
  }

  /**
   * Removes a lesson of a draft course and closes the gap in its module.
   *
   * @return the removed lesson's title
   */
  public String remove(Staff author, String code, long lessonId) {
    var lesson = lessonOf(CourseAccess.draft(em, author, code), lessonId);
    var module = lesson.getModule();
    var title = lesson.getTitle();
    var position = lesson.getPosition();
    module.removeLesson(lesson);
    em.flush();
    for (var later : module.getLessons()) {
      if (later.getPosition() > position) {
        later.moveTo(later.getPosition() - 1);
        em.flush();
      }
    }
    return title;
  }

  /** A lesson of the version the editor shows (a lesson of another version is not found). */
  private Lesson lessonOf(Course course, long lessonId) {
    var lesson = em.find(Lesson.class, lessonId);
    if (lesson == null || !CourseAccess.inWorkingVersion(course, lesson.getModule())) {
      throw Refusal.notFound(
          course.getCode()
              + " has no such lesson in version "
              + course.workingVersion()
              + ", the one you are editing.");
    }
    return lesson;
  }

  private static AuthoredLesson view(Lesson lesson) {
    CourseModule module = lesson.getModule();
    return new AuthoredLesson(
        lesson.getId(),
        module.getPosition(),
        module.getTitle(),
        lesson.getPosition(),
        lesson.getPosition() == module.getLessons().size(),
        lesson.getVersion(),
        new LessonDraft(
            lesson.getTitle(), lesson.getBodyMarkdown(), lesson.getMinutes(), lesson.isRequired()));
  }
}

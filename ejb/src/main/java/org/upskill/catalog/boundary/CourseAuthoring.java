package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.upskill.catalog.entity.Audience;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseModule;
import org.upskill.catalog.entity.CourseOwner;
import org.upskill.catalog.entity.EnrolmentMode;
import org.upskill.catalog.entity.Level;
import org.upskill.catalog.entity.Skill;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.FieldRefusal;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Trainers author courses: create a draft (its creator owns it), edit the details, add co-owners. A
 * trainer may change only courses they own or co-own; an admin may change any. A save based on an
 * older version of the course is refused as a conflict, never applied over someone's change.
 */
@Stateless
public class CourseAuthoring {

  /** A save that was based on an older version: what is saved now, to show beside the attempt. */
  public static class EditConflict extends Refusal {
    private final transient TaughtCourse current;

    public EditConflict(TaughtCourse current) {
      super(
          Reason.CONFLICT,
          "Someone else changed this course after you opened it. Nothing of yours or theirs has"
              + " been lost: compare the two versions below and save again.");
      this.current = current;
    }

    public TaughtCourse current() {
      return current;
    }
  }

  @PersistenceContext EntityManager em;

  Clock clock = Clock.systemUTC();

  /** A course in the list of those an author may edit. */
  public record Line(String code, String title, String status) {}

  /** The courses this author may edit (an admin: all), drafts included, by title. */
  public List<Line> editable(Staff author) {
    var query =
        author.admin()
            ? em.createQuery("select c from Course c order by c.title", Course.class)
            : em.createQuery(
                    "select c from Course c where c.id in (select o.courseId from CourseOwner o"
                        + " where o.personId = :person) order by c.title",
                    Course.class)
                .setParameter("person", author.personId());
    return query.getResultList().stream()
        .map(
            c ->
                new Line(
                    c.getCode(),
                    c.getTitle(),
                    c.getStatus() == org.upskill.catalog.entity.CourseStatus.PUBLISHED
                        ? "Published"
                        : c.getStatus() == org.upskill.catalog.entity.CourseStatus.DRAFT
                            ? "Draft"
                            : "Archived"))
        .toList();
  }

  /**
   * Creates a draft course owned by its author.
   *
   * @throws Refusal 409 when the code is taken
   */
  public String create(Staff author, CourseDraft draft) {
    var code = draft.code().strip().toUpperCase(java.util.Locale.ROOT);
    var taken =
        em.createQuery("select count(c) from Course c where c.code = :code", Long.class)
            .setParameter("code", code)
            .getSingleResult();
    if (taken > 0) {
      throw Refusal.conflict("There is already a course with the code " + code + ".");
    }
    var now = Instant.now(clock);
    var course =
        new Course(
            code,
            draft.title(),
            draft.summary(),
            Level.valueOf(draft.level()),
            draft.durationMinutes(),
            Audience.valueOf(draft.audience()),
            EnrolmentMode.valueOf(draft.enrolmentMode()),
            now);
    course.limitPlaces(draft.capacity());
    course.renewEvery(draft.renewalMonths());
    course.setOutcomes(draft.outcomes());
    var prerequisites = prerequisites(null, draft.prerequisites());
    course.teach(skills(draft.skills()));
    course.requireFirst(prerequisites);
    em.persist(course);
    em.flush();
    em.persist(new CourseOwner(course.getId(), author.personId(), author.personId(), now));
    return code;
  }

  /**
   * A course for editing.
   *
   * @throws Refusal 404 unknown course, 403 someone who does not own it (and is no admin)
   */
  public TaughtCourse course(Staff author, String code) {
    return view(editableCourse(author, code));
  }

  /**
   * Saves a course's details, if nobody saved it since {@code basedOnVersion}.
   *
   * @throws EditConflict when someone else saved in between (nothing is changed)
   */
  public void update(Staff author, String code, CourseDraft draft, long basedOnVersion) {
    var course = editableCourse(author, code);
    if (course.getVersion() != basedOnVersion) {
      throw new EditConflict(view(course));
    }
    course.describe(
        draft.title(),
        draft.summary(),
        Level.valueOf(draft.level()),
        draft.durationMinutes(),
        Audience.valueOf(draft.audience()),
        EnrolmentMode.valueOf(draft.enrolmentMode()),
        draft.capacity(),
        draft.renewalMonths(),
        draft.outcomes(),
        Instant.now(clock));
    course.teach(skills(draft.skills()));
    course.requireFirst(prerequisites(course, draft.prerequisites()));
    // The version check above and Hibernate's on flush (@Version) together: a save racing this
    // one fails with an OptimisticLockException instead of overwriting.
    em.flush();
  }

  /** The skills with these names (any case), created when new. */
  private List<Skill> skills(List<String> names) {
    var result = new java.util.ArrayList<Skill>();
    var seen = new java.util.HashSet<String>();
    for (var name : names) {
      var key = name.strip().toLowerCase(java.util.Locale.ROOT);
      if (key.isEmpty() || !seen.add(key)) {
        continue;
      }
      var skill =
          em.createQuery("select s from Skill s where lower(s.name) = :name", Skill.class)
              .setParameter("name", key)
              .getResultStream()
              .findFirst()
              .orElseGet(
                  () -> {
                    var created = new Skill(skillCode(name), name.strip());
                    em.persist(created);
                    return created;
                  });
      result.add(skill);
    }
    return result;
  }

  /** A code for a new skill: its name in lower case with hyphens, made unique. */
  private String skillCode(String name) {
    var base =
        name.strip()
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("(^-+|-+$)", "");
    if (base.isEmpty()) {
      base = "skill";
    }
    base = base.length() > 40 ? base.substring(0, 40) : base;
    var code = base;
    for (int n = 2; ; n++) {
      var taken =
          em.createQuery("select count(s) from Skill s where s.code = :code", Long.class)
              .setParameter("code", code)
              .getSingleResult();
      if (taken == 0) {
        return code;
      }
      code = base + "-" + n;
    }
  }

  /**
   * The courses with these codes, checked: each exists, none is the course itself, and none needs
   * the course first (directly or through others), which would make a loop nobody can start.
   *
   * @param course the course being saved, {@code null} while it is created
   * @throws FieldRefusal naming the first code that is wrong
   */
  private List<Course> prerequisites(Course course, List<String> codes) {
    var result = new java.util.ArrayList<Course>();
    for (var typed : codes) {
      var code = typed.strip().toUpperCase(java.util.Locale.ROOT);
      if (code.isEmpty()) {
        continue;
      }
      var found =
          em.createNamedQuery(Course.BY_CODE, Course.class)
              .setParameter("code", code)
              .getResultStream()
              .findFirst()
              .orElseThrow(
                  () -> new FieldRefusal("prerequisites", "There is no course " + code + "."));
      if (course != null && found.getId().equals(course.getId())) {
        throw new FieldRefusal("prerequisites", "A course cannot be its own prerequisite.");
      }
      if (course != null && leadsTo(found, course, new java.util.HashSet<>())) {
        throw new FieldRefusal(
            "prerequisites",
            code
                + " needs "
                + course.getCode()
                + " first, so "
                + course.getCode()
                + " cannot need "
                + code
                + " first.");
      }
      if (!result.contains(found)) {
        result.add(found);
      }
    }
    return result;
  }

  /** Whether {@code from} needs {@code target} first, directly or through other courses. */
  private static boolean leadsTo(Course from, Course target, java.util.Set<Long> visited) {
    if (!visited.add(from.getId())) {
      return false;
    }
    for (var next : from.getPrerequisites()) {
      if (next.getId().equals(target.getId()) || leadsTo(next, target, visited)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds a co-owner, named by username, email or staff number.
   *
   * @throws Refusal 404 nobody by that name (they must have signed in once), 409 not a trainer's
   *     course to share
   */
  public String addOwner(Staff author, String code, long newOwnerId) {
    var course = editableCourse(author, code);
    var person = em.find(Person.class, newOwnerId);
    if (person == null) {
      throw Refusal.notFound("There is no such person.");
    }
    var existing = em.find(CourseOwner.class, new CourseOwner.Key(course.getId(), newOwnerId));
    if (existing == null) {
      em.persist(
          new CourseOwner(course.getId(), newOwnerId, author.personId(), Instant.now(clock)));
    }
    return person.getDisplayName();
  }

  /** A module as listed for its course's authors, with its lessons in order. */
  public record ModuleLine(int position, String title, String summary, List<LessonLine> lessons) {}

  /** A lesson in that list; its id addresses it in the lesson editor. */
  public record LessonLine(long id, int position, String title, int minutes, boolean required) {}

  /** The course's modules in order. */
  public List<ModuleLine> modules(Staff author, String code) {
    return modulesOf(editableCourse(author, code)).stream()
        .map(
            m ->
                new ModuleLine(
                    m.getPosition(),
                    m.getTitle(),
                    m.getSummary(),
                    m.getLessons().stream()
                        .map(
                            l ->
                                new LessonLine(
                                    l.getId(),
                                    l.getPosition(),
                                    l.getTitle(),
                                    l.getMinutes(),
                                    l.isRequired()))
                        .toList()))
        .toList();
  }

  /** Adds a module at the end of a draft course. */
  public void addModule(Staff author, String code, String title, String summary) {
    var course = draftCourse(author, code);
    course.addModule(title, summary);
    em.flush();
  }

  /** Renames module {@code position} of a draft course. */
  public void renameModule(Staff author, String code, int position, String title, String summary) {
    module(draftCourse(author, code), position).rename(title, summary);
  }

  /** Swaps module {@code position} with the one before ({@code up}) or after it. */
  public void moveModule(Staff author, String code, int position, boolean up) {
    var course = draftCourse(author, code);
    var modules = modulesOf(course);
    var other = up ? position - 1 : position + 1;
    if (other < 1 || other > modules.size()) {
      return; // already first or last
    }
    var moving = module(course, position);
    var swapped = module(course, other);
    // Positions are unique per course: park one module while the other takes its place.
    moving.moveTo(-position);
    em.flush();
    swapped.moveTo(position);
    em.flush();
    moving.moveTo(other);
    em.flush();
  }

  /**
   * Removes module {@code position} of a draft course, with its lessons, and closes the gap.
   *
   * @return the removed module's title
   * @throws Refusal 409 when a quiz belongs to the module
   */
  public String removeModule(Staff author, String code, int position) {
    var course = draftCourse(author, code);
    var module = module(course, position);
    var quizzes =
        em.createQuery("select count(q) from Quiz q where q.moduleId = :module", Long.class)
            .setParameter("module", module.getId())
            .getSingleResult();
    if (quizzes > 0) {
      throw Refusal.conflict("Module " + position + " has a quiz: remove the quiz first.");
    }
    var title = module.getTitle();
    course.removeModule(module);
    em.flush();
    for (var later : modulesOf(course)) {
      if (later.getPosition() > position) {
        later.moveTo(later.getPosition() - 1);
        em.flush();
      }
    }
    return title;
  }

  /** What {@link #check} found: a verdict, and for an editable course its id and status. */
  public record CourseCheck(Verdict verdict, long id, String status) {
    /** Whether the course exists and this author may change it. */
    public enum Verdict {
      EDITABLE,
      NOT_OWNED,
      UNKNOWN
    }
  }

  /**
   * Whether this author may change the course, without throwing: for a caller inside a larger
   * transaction (a refusal crossing this boundary would mark that transaction for rollback).
   */
  public CourseCheck check(Staff author, String code) {
    try {
      var course = editableCourse(author, code);
      return new CourseCheck(
          CourseCheck.Verdict.EDITABLE, course.getId(), course.getStatus().name());
    } catch (Refusal refusal) {
      return new CourseCheck(
          refusal.reason() == Refusal.Reason.FORBIDDEN
              ? CourseCheck.Verdict.NOT_OWNED
              : CourseCheck.Verdict.UNKNOWN,
          0,
          null);
    }
  }

  /** Whether this author may change the course (owner, co-owner or admin); false if unknown. */
  public boolean mayEdit(Staff author, String code) {
    try {
      editableCourse(author, code);
      return true;
    } catch (Refusal refusal) {
      return false;
    }
  }

  private Course editableCourse(Staff author, String code) {
    return CourseAccess.editable(em, author, code);
  }

  private Course draftCourse(Staff author, String code) {
    return CourseAccess.draft(em, author, code);
  }

  private List<CourseModule> modulesOf(Course course) {
    return CourseAccess.modules(em, course);
  }

  private CourseModule module(Course course, int position) {
    return CourseAccess.module(em, course, position);
  }

  private TaughtCourse view(Course course) {
    var owners =
        em.createQuery(
                "select p.displayName from Person p, CourseOwner o where o.personId = p.id"
                    + " and o.courseId = :course order by p.displayName",
                String.class)
            .setParameter("course", course.getId())
            .getResultList();
    return new TaughtCourse(
        course.getId(),
        course.getStatus().name(),
        course.getVersion(),
        new CourseDraft(
            course.getCode(),
            course.getTitle(),
            course.getSummary(),
            List.copyOf(course.getOutcomes()),
            course.getLevel().name(),
            course.getDurationMinutes(),
            course.getAudience().name(),
            course.getEnrolmentMode().name(),
            course.getCapacity(),
            course.getRenewalMonths(),
            course.getSkills().stream().map(Skill::getName).sorted().toList(),
            course.getPrerequisites().stream().map(Course::getCode).sorted().toList()),
        owners,
        course.getContentVersion(),
        course.getDraftVersion());
  }
}

package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.upskill.catalog.entity.Audience;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseOwner;
import org.upskill.catalog.entity.EnrolmentMode;
import org.upskill.catalog.entity.Level;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.Refusal;

/**
 * Trainers author courses: create a draft (its creator owns it), edit the details, add co-owners. A
 * trainer may change only courses they own or co-own; an admin may change any. A save based on an
 * older version of the course is refused as a conflict, never applied over someone's change.
 */
@Stateless
public class CourseAuthoring {

  /** Who is asking: their person id and whether they hold the admin role. */
  public record Author(long personId, boolean admin) {}

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
  public List<Line> editable(Author author) {
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
  public String create(Author author, CourseDraft draft) {
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
  public TaughtCourse course(Author author, String code) {
    return view(editableCourse(author, code));
  }

  /**
   * Saves a course's details, if nobody saved it since {@code basedOnVersion}.
   *
   * @throws EditConflict when someone else saved in between (nothing is changed)
   */
  public void update(Author author, String code, CourseDraft draft, long basedOnVersion) {
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
    // The version check above and Hibernate's on flush (@Version) together: a save racing this
    // one fails with an OptimisticLockException instead of overwriting.
    em.flush();
  }

  /**
   * Adds a co-owner, named by username, email or staff number.
   *
   * @throws Refusal 404 nobody by that name (they must have signed in once), 409 not a trainer's
   *     course to share
   */
  public String addOwner(Author author, String code, long newOwnerId) {
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

  /** Whether this author may change the course (owner, co-owner or admin); false if unknown. */
  public boolean mayEdit(Author author, String code) {
    try {
      editableCourse(author, code);
      return true;
    } catch (Refusal refusal) {
      return false;
    }
  }

  private Course editableCourse(Author author, String code) {
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
            course.getRenewalMonths()),
        owners);
  }
}

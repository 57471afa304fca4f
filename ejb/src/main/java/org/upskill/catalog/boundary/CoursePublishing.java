package org.upskill.catalog.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.control.CourseChanges;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.CourseModule;
import org.upskill.catalog.entity.CoursePublication;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;
import org.upskill.platform.control.Jsonp;

/**
 * Publishing and versions. A draft course is published as version 1: first a check of what would be
 * published (and what stops it), then the publication itself, which makes the course visible to
 * learners and keeps an immutable record of exactly what was published, by whom and when.
 *
 * <p>A published course changes through a new version: {@link #startVersion} copies the published
 * modules, lessons and quizzes into a draft of version n + 1 (same lesson and quiz keys), trainers
 * edit that draft while learners go on with version n, and publishing it makes n + 1 the version
 * new enrolments start on. Learners already on the course stay on the version they started until a
 * trainer moves them (enrolment's {@code VersionMoves}): their progress follows the lesson and quiz
 * keys. {@link #changes} says what changed between two versions.
 *
 * <p>A version holds more than modules and lessons: the {@link CourseActivities} of the components
 * above the catalogue (the quizzes), which are checked, kept, copied and discarded with it.
 */
@Stateless
public class CoursePublishing {

  /**
   * What publishing would make visible, and the problems that must be fixed first.
   *
   * @param draft whether there is a draft to publish (a draft course, or a draft version)
   * @param version the version that publishing would create
   */
  public record Readiness(
      String status,
      boolean draft,
      int version,
      int modules,
      int lessons,
      int quizzes,
      List<String> problems) {
    public boolean ready() {
      return draft && problems.isEmpty();
    }
  }

  /** One line of the version history. */
  public record Publication(
      int version,
      Instant publishedAt,
      String publishedBy,
      int modules,
      int lessons,
      int quizzes) {}

  @PersistenceContext EntityManager em;
  @Inject Instance<CourseActivities> activities;

  Clock clock = Clock.systemUTC();

  /** What publishing this course would do now. */
  public Readiness readiness(Staff author, String code) {
    return readinessOf(CourseAccess.editable(em, author, code));
  }

  /**
   * Publishes a draft course as version 1, or the draft version of a published course: learners can
   * find it from now on (new enrolments start on it), and its content as it stands is kept as
   * version {@code n}.
   *
   * @return the version number published
   * @throws Refusal 409 when there is no draft or it is not ready
   */
  public int publish(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    var readiness = readinessOf(course);
    if (!readiness.draft()) {
      throw Refusal.conflict(
          code + " is already published. Start a new version to change its content.");
    }
    if (!readiness.problems().isEmpty()) {
      throw Refusal.conflict(
          code + " cannot be published yet: " + String.join(" ", readiness.problems()));
    }
    var now = Instant.now(clock);
    var number = course.workingVersion();
    em.persist(
        new CoursePublication(
            course.getId(),
            number,
            now,
            author.personId(),
            readiness.modules(),
            readiness.lessons(),
            readiness.quizzes(),
            snapshot(course, number)));
    course.publish(now);
    em.flush();
    return number;
  }

  /**
   * Starts the next version of a published course: a draft copy of the published modules, lessons
   * and quizzes that trainers can change while learners go on with the published version.
   *
   * @return the draft's version number
   * @throws Refusal 409 when the course is a draft or already has a draft version
   */
  public int startVersion(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    if (course.hasDraftContent()) {
      throw Refusal.conflict(
          course.isPublished()
              ? code + " already has a draft of version " + course.getDraftVersion() + "."
              : code + " is a draft: change it directly and publish it.");
    }
    var from = course.getContentVersion();
    var to = course.startNextVersion(Instant.now(clock));
    Map<Long, Long> moduleIds = new HashMap<>();
    var copies = new ArrayList<java.util.Map.Entry<Long, CourseModule>>();
    for (var module : CourseAccess.modules(em, course, from)) {
      var copy = course.addModule(to, module.getTitle(), module.getSummary());
      module.getLessons().forEach(copy::copyLesson);
      copies.add(java.util.Map.entry(module.getId(), copy));
    }
    em.flush();
    copies.forEach(e -> moduleIds.put(e.getKey(), e.getValue().getId()));
    for (var activity : activities) {
      activity.copy(course.getId(), from, to, moduleIds);
    }
    em.flush();
    return to;
  }

  /**
   * Throws away the draft of the next version (its modules, lessons and quizzes); the published
   * version is untouched.
   *
   * @return the number the draft had
   * @throws Refusal 409 when there is no draft version (a course never published is not discarded
   *     this way)
   */
  public int discardVersion(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    em.lock(course, LockModeType.PESSIMISTIC_WRITE);
    em.refresh(course);
    if (course.getDraftVersion() == null) {
      throw Refusal.conflict(code + " has no draft of a new version to discard.");
    }
    int draft = course.getDraftVersion();
    for (var activity : activities) {
      activity.discard(course.getId(), draft);
    }
    em.flush();
    for (var module : CourseAccess.modules(em, course, draft)) {
      course.removeModule(module);
    }
    course.discardDraftVersion(Instant.now(clock));
    em.flush();
    return draft;
  }

  /**
   * What changed in version {@code version} since the one before: between two publications, or for
   * the draft version, between the published version and the draft as it stands.
   *
   * @throws Refusal 404 for a version that does not exist
   */
  public List<CourseChanges.Change> changes(Staff author, String code, int version) {
    var course = CourseAccess.editable(em, author, code);
    var after =
        course.getDraftVersion() != null && version == course.getDraftVersion()
            ? snapshot(course, version)
            : publication(course, version)
                .orElseThrow(() -> Refusal.notFound(code + " has no version " + version + "."))
                .getContent();
    var before = publication(course, version - 1);
    if (before.isEmpty()) {
      return List.of();
    }
    return CourseChanges.between(before.get().getContent(), after);
  }

  private java.util.Optional<CoursePublication> publication(Course course, int version) {
    return java.util.Optional.ofNullable(
        em.find(CoursePublication.class, new CoursePublication.Key(course.getId(), version)));
  }

  /** Every publication of the course, newest first. */
  public List<Publication> history(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    return em
        .createNamedQuery(CoursePublication.OF_COURSE, CoursePublication.class)
        .setParameter("course", course.getId())
        .getResultList()
        .stream()
        .map(
            p ->
                new Publication(
                    p.getVersionNo(),
                    p.getPublishedAt(),
                    em.createQuery(
                            "select p.displayName from Person p where p.id = :id", String.class)
                        .setParameter("id", p.getPublishedBy())
                        .getSingleResult(),
                    p.getModuleCount(),
                    p.getLessonCount(),
                    p.getQuizCount()))
        .toList();
  }

  private Readiness readinessOf(Course course) {
    var modules = CourseAccess.modules(em, course);
    var others = new ArrayList<CourseActivities.Activity>();
    for (var activity : activities) {
      others.addAll(activity.of(course.getId(), course.workingVersion()));
    }
    var problems = new ArrayList<String>();
    if (modules.isEmpty()) {
      problems.add("Add at least one module.");
    }
    var lessons = 0;
    for (var module : modules) {
      lessons += module.getLessons().size();
      var hasActivity = others.stream().anyMatch(a -> module.getId().equals(a.moduleId()));
      if (module.getLessons().isEmpty() && !hasActivity) {
        problems.add(
            "Module " + module.getPosition() + " (" + module.getTitle() + ") has no lessons.");
      }
    }
    for (var activity : others) {
      problems.addAll(activity.problems());
    }
    return new Readiness(
        course.getStatus().name(),
        course.hasDraftContent(),
        course.workingVersion(),
        modules.size(),
        lessons,
        others.size(),
        problems);
  }

  /**
   * Version {@code number} of the course's content, in JSON: details, modules, lessons, quizzes.
   */
  private String snapshot(Course course, int number) {
    var modules = Jsonp.arrayBuilder();
    var kinds = new ArrayList<java.util.Map.Entry<String, List<CourseActivities.Activity>>>();
    for (var activity : activities) {
      kinds.add(java.util.Map.entry(activity.kind(), activity.of(course.getId(), number)));
    }
    for (var module : CourseAccess.modules(em, course, number)) {
      var lessons = Jsonp.arrayBuilder();
      for (var lesson : module.getLessons()) {
        lessons.add(
            Jsonp.objectBuilder()
                .add("id", lesson.getId())
                .add("key", lesson.getLessonKey())
                .add("position", lesson.getPosition())
                .add("title", lesson.getTitle())
                .add("minutes", lesson.getMinutes())
                .add("required", lesson.isRequired())
                .add("markdown", lesson.getBodyMarkdown()));
      }
      var entry =
          Jsonp.objectBuilder()
              .add("position", module.getPosition())
              .add("title", module.getTitle())
              .add("summary", module.getSummary() == null ? "" : module.getSummary())
              .add("lessons", lessons);
      for (var kind : kinds) {
        var ofModule = Jsonp.arrayBuilder();
        kind.getValue().stream()
            .filter(a -> module.getId().equals(a.moduleId()))
            .forEach(a -> ofModule.add(a.snapshot()));
        entry.add(kind.getKey(), ofModule);
      }
      modules.add(entry);
    }
    return Jsonp.objectBuilder()
        .add("code", course.getCode())
        .add("version", number)
        .add("title", course.getTitle())
        .add("summary", course.getSummary())
        .add("outcomes", Jsonp.arrayBuilder(course.getOutcomes()))
        .add("level", course.getLevel().name())
        .add("durationMinutes", course.getDurationMinutes())
        .add("audience", course.getAudience().name())
        .add("enrolmentMode", course.getEnrolmentMode().name())
        .add("modules", modules)
        .build()
        .toString();
  }
}

package org.upskill.catalog.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A course in the catalogue: what it teaches, to whom, how long it takes and how a learner gets a
 * place, with its content as an ordered list of modules, each an ordered list of lessons.
 *
 * <p>The {@code code} (e.g. {@code PY-CLIN}) is the stable external id that HR systems and URLs
 * use; the title may change. {@code contentVersion} counts published versions of the content so
 * that a completion can say which version it was.
 */
@Entity
@Table(name = "course")
@NamedQuery(name = Course.BY_CODE, query = "select c from Course c where c.code = :code")
public class Course {

  public static final String BY_CODE = "Course.byCode";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 20, updatable = false)
  private String code;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 1000)
  private String summary;

  @ElementCollection
  @CollectionTable(name = "course_outcome", joinColumns = @JoinColumn(name = "course_id"))
  @OrderColumn(name = "position")
  @Column(name = "outcome", nullable = false, length = 500)
  private List<String> outcomes = new ArrayList<>();

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private Level level;

  @Column(name = "duration_minutes", nullable = false)
  private int durationMinutes;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private Audience audience;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "enrolment_mode", nullable = false, length = 20)
  private EnrolmentMode enrolmentMode;

  /** Places on the course; {@code null} means no limit. */
  private Integer capacity;

  /** Months a completion stays valid; {@code null} means it never expires. */
  @Column(name = "renewal_months")
  private Integer renewalMonths;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private CourseStatus status = CourseStatus.DRAFT;

  @Column(name = "content_version", nullable = false)
  private int contentVersion = 1;

  /** The version being prepared while {@code contentVersion} is published; null when none. */
  @Column(name = "draft_version")
  private Integer draftVersion;

  @ManyToMany
  @JoinTable(
      name = "course_skill",
      joinColumns = @JoinColumn(name = "course_id"),
      inverseJoinColumns = @JoinColumn(name = "skill_id"))
  @OrderBy("name")
  private Set<Skill> skills = new LinkedHashSet<>();

  @ManyToMany
  @JoinTable(
      name = "course_prerequisite",
      joinColumns = @JoinColumn(name = "course_id"),
      inverseJoinColumns = @JoinColumn(name = "prerequisite_id"))
  @OrderBy("title")
  private Set<Course> prerequisites = new LinkedHashSet<>();

  @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("position")
  private List<CourseModule> modules = new ArrayList<>();

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Course() {}

  public Course(
      String code,
      String title,
      String summary,
      Level level,
      int durationMinutes,
      Audience audience,
      EnrolmentMode enrolmentMode,
      Instant now) {
    this.code = code;
    this.title = title;
    this.summary = summary;
    this.level = level;
    this.durationMinutes = durationMinutes;
    this.audience = audience;
    this.enrolmentMode = enrolmentMode;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Adds a module at the end of the version being written (the demo content: version 1). */
  public CourseModule addModule(String title, String summary) {
    return addModule(workingVersion(), title, summary);
  }

  /** Adds a module at the end of version {@code courseVersion}. */
  public CourseModule addModule(int courseVersion, String title, String summary) {
    var position =
        (int) modules.stream().filter(m -> m.getCourseVersion() == courseVersion).count() + 1;
    var module = new CourseModule(this, courseVersion, position, title, summary);
    modules.add(module);
    return module;
  }

  /** Removes a module (and its lessons); the caller renumbers the modules after it. */
  public void removeModule(CourseModule module) {
    modules.remove(module);
  }

  public void setOutcomes(List<String> outcomes) {
    this.outcomes.clear();
    this.outcomes.addAll(outcomes);
  }

  public void addSkill(Skill skill) {
    skills.add(skill);
  }

  public void addPrerequisite(Course course) {
    if (course == this) {
      throw new IllegalArgumentException("A course cannot be its own prerequisite");
    }
    prerequisites.add(course);
  }

  /** The skills (tags) the course teaches, replacing those it had. */
  public void teach(java.util.Collection<Skill> taught) {
    skills.clear();
    skills.addAll(taught);
  }

  /** The courses to complete first, replacing those it had (the caller rules out cycles). */
  public void requireFirst(java.util.Collection<Course> courses) {
    if (courses.contains(this)) {
      throw new IllegalArgumentException("A course cannot be its own prerequisite");
    }
    prerequisites.clear();
    prerequisites.addAll(courses);
  }

  public void limitPlaces(Integer capacity) {
    if (capacity != null && capacity < 1) {
      throw new IllegalArgumentException("A course with a capacity needs at least one place");
    }
    this.capacity = capacity;
  }

  public void renewEvery(Integer months) {
    if (months != null && months < 1) {
      throw new IllegalArgumentException("A renewal period is at least one month");
    }
    this.renewalMonths = months;
  }

  /** Changes what the course says about itself (the details a trainer edits). */
  public void describe(
      String title,
      String summary,
      Level level,
      int durationMinutes,
      Audience audience,
      EnrolmentMode enrolmentMode,
      Integer capacity,
      Integer renewalMonths,
      List<String> outcomes,
      Instant now) {
    this.title = title;
    this.summary = summary;
    this.level = level;
    this.durationMinutes = durationMinutes;
    this.audience = audience;
    this.enrolmentMode = enrolmentMode;
    limitPlaces(capacity);
    renewEvery(renewalMonths);
    setOutcomes(outcomes);
    this.updatedAt = now;
  }

  /** The optimistic-lock version: a save based on an older one is a conflict. */
  public long getVersion() {
    return version;
  }

  /**
   * Publishes the version being written: a draft course becomes visible to learners (as version 1);
   * a published course's draft version becomes the one new enrolments start on.
   */
  public void publish(Instant now) {
    if (status == CourseStatus.PUBLISHED && draftVersion != null) {
      contentVersion = draftVersion;
      draftVersion = null;
    }
    this.status = CourseStatus.PUBLISHED;
    this.updatedAt = now;
  }

  /**
   * Opens a draft of the next version of a published course.
   *
   * @return the draft's version number
   */
  public int startNextVersion(Instant now) {
    if (status != CourseStatus.PUBLISHED || draftVersion != null) {
      throw new IllegalStateException("Only a published course without a draft gets a new one");
    }
    draftVersion = contentVersion + 1;
    updatedAt = now;
    return draftVersion;
  }

  /** Drops the draft of the next version (the caller removes its modules and quizzes). */
  public void discardDraftVersion(Instant now) {
    draftVersion = null;
    updatedAt = now;
  }

  /**
   * The version trainers see in the editor: the draft when there is one (a course never published
   * is all draft), otherwise the published version.
   */
  public int workingVersion() {
    return draftVersion != null ? draftVersion : contentVersion;
  }

  /** Whether the content (modules, lessons, quizzes) may change now: there is a draft version. */
  public boolean hasDraftContent() {
    return status == CourseStatus.DRAFT || draftVersion != null;
  }

  /** The draft version of a published course, or {@code null}. */
  public Integer getDraftVersion() {
    return draftVersion;
  }

  public boolean isPublished() {
    return status == CourseStatus.PUBLISHED;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getTitle() {
    return title;
  }

  public String getSummary() {
    return summary;
  }

  public List<String> getOutcomes() {
    return List.copyOf(outcomes);
  }

  public Level getLevel() {
    return level;
  }

  public int getDurationMinutes() {
    return durationMinutes;
  }

  public Audience getAudience() {
    return audience;
  }

  public EnrolmentMode getEnrolmentMode() {
    return enrolmentMode;
  }

  public Integer getCapacity() {
    return capacity;
  }

  public Integer getRenewalMonths() {
    return renewalMonths;
  }

  public CourseStatus getStatus() {
    return status;
  }

  public int getContentVersion() {
    return contentVersion;
  }

  public Set<Skill> getSkills() {
    return Collections.unmodifiableSet(skills);
  }

  public Set<Course> getPrerequisites() {
    return Collections.unmodifiableSet(prerequisites);
  }

  public List<CourseModule> getModules() {
    return List.copyOf(modules);
  }
}

package org.upskill.assessment.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A quiz of a course, its settings and its slots. */
@Entity
@Table(name = "quiz")
public class Quiz {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  /** The version of the course this quiz belongs to. */
  @Column(name = "course_version", nullable = false, updatable = false)
  private int courseVersion = 1;

  /** The same in every version of the course: "this is the same quiz" (see V10). */
  @Column(name = "quiz_key", length = 40, updatable = false)
  private String quizKey = java.util.UUID.randomUUID().toString();

  @Column(name = "module_id")
  private Long moduleId;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(length = 2000)
  private String intro;

  @Column(name = "time_limit_seconds")
  private Integer timeLimitSeconds;

  @Column(name = "opens_at")
  private Instant opensAt;

  @Column(name = "closes_at")
  private Instant closesAt;

  @Column(name = "max_attempts")
  private Integer maxAttempts;

  @Column(name = "pass_percent", nullable = false, precision = 5, scale = 2)
  private BigDecimal passPercent;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(name = "grading_method", nullable = false, length = 10)
  private GradingMethod gradingMethod;

  @Column(name = "shuffle_questions", nullable = false)
  private boolean shuffleQuestions;

  @Column(name = "shuffle_options", nullable = false)
  private boolean shuffleOptions;

  @Column(name = "one_per_page", nullable = false)
  private boolean onePerPage;

  @Column(nullable = false)
  private boolean required;

  @Column(name = "review_after_submit", nullable = false, length = 100)
  private String reviewAfterSubmit;

  @Column(name = "review_after_close", nullable = false, length = 100)
  private String reviewAfterClose;

  @OneToMany(
      mappedBy = "quiz",
      cascade = CascadeType.ALL,
      orphanRemoval = true,
      fetch = FetchType.LAZY)
  @OrderBy("position")
  private List<QuizSlot> slots = new ArrayList<>();

  @Version private long version;

  protected Quiz() {}

  public Quiz(long courseId, Long moduleId, String title, String intro) {
    this(courseId, 1, moduleId, title, intro);
  }

  public Quiz(long courseId, int courseVersion, Long moduleId, String title, String intro) {
    this.courseId = courseId;
    this.courseVersion = courseVersion;
    this.moduleId = moduleId;
    this.title = title;
    this.intro = intro;
    this.passPercent = BigDecimal.valueOf(70);
    this.gradingMethod = GradingMethod.HIGHEST;
    this.reviewAfterSubmit = "";
    this.reviewAfterClose = "";
  }

  /** Settings in one call; {@code null} means "no limit" for time, dates and attempts. */
  public void configure(
      Duration timeLimit,
      Instant opensAt,
      Instant closesAt,
      Integer maxAttempts,
      BigDecimal passPercent,
      GradingMethod gradingMethod,
      boolean shuffleQuestions,
      boolean shuffleOptions,
      boolean onePerPage,
      boolean required,
      Set<ReviewOption> afterSubmit,
      Set<ReviewOption> afterClose) {
    this.timeLimitSeconds = timeLimit == null ? null : (int) timeLimit.toSeconds();
    this.opensAt = opensAt;
    this.closesAt = closesAt;
    this.maxAttempts = maxAttempts;
    this.passPercent = passPercent;
    this.gradingMethod = gradingMethod;
    this.shuffleQuestions = shuffleQuestions;
    this.shuffleOptions = shuffleOptions;
    this.onePerPage = onePerPage;
    this.required = required;
    this.reviewAfterSubmit = join(afterSubmit);
    this.reviewAfterClose = join(afterClose);
  }

  /**
   * A copy of this quiz for another version of its course: the same key, settings and slots, in the
   * module {@code moduleId} of that version.
   */
  public Quiz copyFor(int courseVersion, Long moduleId) {
    var copy = new Quiz(courseId, courseVersion, moduleId, title, intro);
    copy.quizKey = quizKey;
    copy.timeLimitSeconds = timeLimitSeconds;
    copy.opensAt = opensAt;
    copy.closesAt = closesAt;
    copy.maxAttempts = maxAttempts;
    copy.passPercent = passPercent;
    copy.gradingMethod = gradingMethod;
    copy.shuffleQuestions = shuffleQuestions;
    copy.shuffleOptions = shuffleOptions;
    copy.onePerPage = onePerPage;
    copy.required = required;
    copy.reviewAfterSubmit = reviewAfterSubmit;
    copy.reviewAfterClose = reviewAfterClose;
    for (var slot : slots) {
      copy.slots.add(
          new QuizSlot(
              copy,
              slot.getPosition(),
              slot.getQuestionId(),
              slot.getCategoryId(),
              slot.getQuestionId() == null ? slot.getDrawCount() : null));
    }
    return copy;
  }

  public QuizSlot addFixedQuestion(long questionId) {
    var slot = new QuizSlot(this, slots.size() + 1, questionId, null, null);
    slots.add(slot);
    return slot;
  }

  public QuizSlot addRandomDraw(long categoryId, int count) {
    var slot = new QuizSlot(this, slots.size() + 1, null, categoryId, count);
    slots.add(slot);
    return slot;
  }

  /** Removes slot {@code position}; the caller flushes, then closes the gap. */
  public void removeSlot(QuizSlot slot) {
    slots.remove(slot);
  }

  /** Changes what the quiz is called, says first, and which module it belongs to. */
  public void describe(String title, String intro, Long moduleId) {
    this.title = title;
    this.intro = intro;
    this.moduleId = moduleId;
  }

  public long getVersion() {
    return version;
  }

  private static String join(Set<ReviewOption> options) {
    return options == null
        ? ""
        : options.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
  }

  private static Set<ReviewOption> split(String value) {
    var set = EnumSet.noneOf(ReviewOption.class);
    if (value != null && !value.isBlank()) {
      Arrays.stream(value.split(","))
          .map(String::strip)
          .map(ReviewOption::valueOf)
          .forEach(set::add);
    }
    return set;
  }

  public Long getId() {
    return id;
  }

  public int getCourseVersion() {
    return courseVersion;
  }

  public String getQuizKey() {
    return quizKey;
  }

  public long getCourseId() {
    return courseId;
  }

  public Long getModuleId() {
    return moduleId;
  }

  public String getTitle() {
    return title;
  }

  public String getIntro() {
    return intro;
  }

  /** The time limit, or {@code null} when the quiz is untimed. */
  public Duration getTimeLimit() {
    return timeLimitSeconds == null ? null : Duration.ofSeconds(timeLimitSeconds);
  }

  public Instant getOpensAt() {
    return opensAt;
  }

  public Instant getClosesAt() {
    return closesAt;
  }

  public Integer getMaxAttempts() {
    return maxAttempts;
  }

  public BigDecimal getPassPercent() {
    return passPercent;
  }

  public GradingMethod getGradingMethod() {
    return gradingMethod;
  }

  public boolean isShuffleQuestions() {
    return shuffleQuestions;
  }

  public boolean isShuffleOptions() {
    return shuffleOptions;
  }

  public boolean isOnePerPage() {
    return onePerPage;
  }

  public boolean isRequired() {
    return required;
  }

  public Set<ReviewOption> getReviewAfterSubmit() {
    return split(reviewAfterSubmit);
  }

  public Set<ReviewOption> getReviewAfterClose() {
    return split(reviewAfterClose);
  }

  public List<QuizSlot> getSlots() {
    return slots;
  }
}

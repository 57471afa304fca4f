package org.upskill.enrolment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One cycle of a person on a course: requested → enrolled or rejected; waitlisted → enrolled when a
 * seat frees; enrolled → completed or withdrawn.
 *
 * <p>{@code live} is TRUE while the state is live and NULL once the cycle has ended, so that the
 * unique index on (person, course, live) allows one live enrolment and any number of ended ones.
 * People and courses are referenced by id: they belong to other components.
 */
@Entity
@Table(name = "enrolment")
@NamedQuery(
    name = Enrolment.STUDYING,
    query =
        "select e from Enrolment e where e.personId = :person and e.courseId = :course"
            + " and e.state in (org.upskill.enrolment.entity.EnrolmentState.ENROLLED,"
            + " org.upskill.enrolment.entity.EnrolmentState.COMPLETED) order by e.id desc")
public class Enrolment {

  /**
   * The enrolment that lets a person study a course (enrolled now, or completed), newest first;
   * parameters {@code person} and {@code course}.
   */
  public static final String STUDYING = "Enrolment.studying";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "person_id", nullable = false, updatable = false)
  private long personId;

  @Column(name = "course_id", nullable = false, updatable = false)
  private long courseId;

  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private EnrolmentState state;

  private Boolean live;

  @Column(nullable = false)
  private int cycle;

  @Column(name = "course_version", nullable = false)
  private int courseVersion;

  /** Whether this enrolment renews an earlier completion (see {@link #markRenewal()}). */
  @Column(nullable = false)
  private boolean renews;

  @Column(name = "due_date")
  private LocalDate dueDate;

  @Column(name = "requested_at", nullable = false, updatable = false)
  private Instant requestedAt;

  @Column(name = "enrolled_at")
  private Instant enrolledAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "decision_reason", length = 1000)
  private String decisionReason;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  /** The person was moved from the waitlist onto the course and has not been told yet. */
  @Column(name = "promoted_unseen", nullable = false)
  private boolean promotedUnseen;

  @Column(name = "last_lesson_id")
  private Long lastLessonId;

  @Version private long version;

  protected Enrolment() {}

  public Enrolment(
      long personId,
      long courseId,
      int courseVersion,
      int cycle,
      EnrolmentState initial,
      Instant now) {
    if (!initial.isLive()) {
      throw new IllegalArgumentException("An enrolment starts requested, waitlisted or enrolled");
    }
    this.personId = personId;
    this.courseId = courseId;
    this.courseVersion = courseVersion;
    this.cycle = cycle;
    this.requestedAt = now;
    moveTo(initial, now);
  }

  /** Sets the date by which the person should complete the course ({@code null}: none). */
  public void dueBy(java.time.LocalDate date) {
    this.dueDate = date;
  }

  private void moveTo(EnrolmentState next, Instant now) {
    this.state = next;
    this.live = next.isLive() ? Boolean.TRUE : null;
    if (next == EnrolmentState.ENROLLED && enrolledAt == null) {
      this.enrolledAt = now;
    }
    if (!next.isLive()) {
      this.endedAt = now;
    }
  }

  private void require(EnrolmentState expected, String action) {
    if (state != expected) {
      throw new IllegalStateException("Cannot " + action + " an enrolment that is " + state);
    }
  }

  /** A trainer or manager accepts a request: the person gets a seat, or joins the waitlist. */
  public void approve(long decider, boolean seatAvailable, Instant now) {
    require(EnrolmentState.REQUESTED, "approve");
    decidedBy = decider;
    decidedAt = now;
    moveTo(seatAvailable ? EnrolmentState.ENROLLED : EnrolmentState.WAITLISTED, now);
  }

  /** A trainer or manager turns a request down, saying why. */
  public void reject(long decider, String reason, Instant now) {
    require(EnrolmentState.REQUESTED, "reject");
    decidedBy = decider;
    decidedAt = now;
    decisionReason = reason;
    moveTo(EnrolmentState.REJECTED, now);
  }

  /** A seat freed up: the first on the waitlist gets it and is told on their next visit. */
  public void promoteFromWaitlist(Instant now) {
    require(EnrolmentState.WAITLISTED, "promote");
    promotedUnseen = true;
    moveTo(EnrolmentState.ENROLLED, now);
  }

  /** The person leaves the course (or the waitlist, or withdraws a request). */
  public void withdraw(Instant now) {
    if (!state.isLive()) {
      throw new IllegalStateException("Cannot withdraw an enrolment that is " + state);
    }
    moveTo(EnrolmentState.WITHDRAWN, now);
  }

  /** Every required item is done. */
  public void complete(Instant now) {
    require(EnrolmentState.ENROLLED, "complete");
    moveTo(EnrolmentState.COMPLETED, now);
  }

  /**
   * The person completed the course before: this enrolment renews it (what the course requires
   * starts again; only quiz attempts of this cycle count).
   */
  public void markRenewal() {
    this.renews = true;
  }

  public boolean isRenewal() {
    return renews;
  }

  /**
   * Puts the enrolment on another version of the course's content: when a place is given (the
   * version published then) or when a trainer moves learners to a newer version.
   */
  public void studyVersion(int version) {
    this.courseVersion = version;
  }

  public void acknowledgePromotion() {
    promotedUnseen = false;
  }

  public void resumeAt(long lessonId) {
    this.lastLessonId = lessonId;
  }

  public Long getId() {
    return id;
  }

  public long getPersonId() {
    return personId;
  }

  public long getCourseId() {
    return courseId;
  }

  public EnrolmentState getState() {
    return state;
  }

  public int getCycle() {
    return cycle;
  }

  public int getCourseVersion() {
    return courseVersion;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public Instant getEnrolledAt() {
    return enrolledAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public boolean isPromotedUnseen() {
    return promotedUnseen;
  }

  public LocalDate getDueDate() {
    return dueDate;
  }

  public Long getLastLessonId() {
    return lastLessonId;
  }
}

package org.upskill.web.course;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.upskill.assessment.boundary.QuizSummary;
import org.upskill.assessment.boundary.Quizzes;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.CourseDetail;
import org.upskill.enrolment.boundary.EnrolmentStatus;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.learning.boundary.Learning;
import org.upskill.learning.boundary.Progress;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * A course's page ({@code /courses/{code}}): what it teaches, its outline, seats left, and where
 * the person stands with the action that fits (enrol, join the waitlist, request a place, continue,
 * leave).
 */
@Named
@RequestScoped
public class CoursePage {

  @Inject CourseCatalog catalog;
  @Inject Enrolments enrolments;
  @Inject Learning learning;
  @Inject Quizzes quizzes;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private CourseDetail course;
  private EnrolmentStatus status = EnrolmentStatus.NOT_ENROLLED;
  private Progress progress = new Progress(0, 0);
  private long seatsTaken;
  private int resumeNumber = 1;
  private List<QuizSummary> quizList = List.of();
  private int publishedVersion;

  /** View action: loads the course, or answers 404. */
  public void load() {
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    course = code == null ? null : catalog.course(code).orElse(null);
    if (course == null) {
      viewer.refuse(404, "There is no course " + code + ".");
      return;
    }
    if (course.capacity() != null) {
      seatsTaken = enrolments.seatsTaken(course.id());
    }
    var personId = viewer.personId();
    if (personId != null) {
      status = enrolments.status(personId, course.id());
      if (status.canStudy() && status.courseVersion() != course.contentVersion()) {
        // Still on an earlier version: the outline, lesson numbers and quizzes of that one.
        publishedVersion = course.contentVersion();
        course = catalog.course(code, status.courseVersion()).orElse(course);
      }
      if (status.canStudy()) {
        progress = learning.progress(personId, course.id());
        resumeNumber = resumeNumber(status.lastLessonId());
      }
    }
    quizList =
        quizzes.ofCourse(status.canStudy() ? personId : null, course.id(), course.contentVersion());
  }

  /** Whether the viewer may set accommodations on this course's quizzes. */
  public boolean isMayAccommodate() {
    var who = viewer.signedIn();
    return who != null && !quizList.isEmpty() && quizzes.mayAccommodate(who.staff(), course.code());
  }

  /** The course's quizzes, with the viewer's standing when they are on the course. */
  public List<QuizSummary> getQuizzes() {
    return quizList;
  }

  private int resumeNumber(Long lastLessonId) {
    if (lastLessonId == null) {
      return 1;
    }
    return course.modules().stream()
        .flatMap(m -> m.lessons().stream())
        .filter(l -> l.id() == lastLessonId)
        .mapToInt(CourseDetail.LessonOutline::number)
        .findFirst()
        .orElse(1);
  }

  /**
   * The version published now when the person studies an earlier one (their outline is that
   * version's), otherwise 0.
   */
  public int getNewerVersion() {
    return publishedVersion;
  }

  public CourseDetail getCourse() {
    return course;
  }

  public EnrolmentStatus getStatus() {
    return status;
  }

  public Progress getProgress() {
    return progress;
  }

  public int getResumeNumber() {
    return resumeNumber;
  }

  /** Seats left, or -1 when the course has no limit. */
  public long getSeatsLeft() {
    return course.capacity() == null ? -1 : Math.max(0, course.capacity() - seatsTaken);
  }

  public boolean isFull() {
    return course.capacity() != null && getSeatsLeft() == 0;
  }

  /** The words for the person's state, as a tag. */
  public String getStateLabel() {
    return switch (status.state()) {
      case "requested" -> "Requested";
      case "waitlisted" -> "Waitlisted";
      case "enrolled" -> "Enrolled";
      case "completed" -> "Completed";
      default -> "Not enrolled";
    };
  }

  public String getEnrolLabel() {
    if ("approval".equals(course.enrolmentMode())) {
      return "Request a place";
    }
    return isFull() ? "Join the waitlist" : "Enrol on this course";
  }

  public boolean isSelfEnrolmentOpen() {
    return !"manual".equals(course.enrolmentMode());
  }
}

package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.CoursePublishing;
import org.upskill.catalog.boundary.TaughtCourse;
import org.upskill.catalog.control.CourseChanges;
import org.upskill.enrolment.boundary.VersionMoves;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * The versions of a course: what changed in one ({@code /teach/{code}/versions/{n}}), the
 * confirmation before discarding a draft version ({@code …/versions/{n}/discard}) and the one
 * before moving learners to the published version ({@code /teach/{code}/move-learners}).
 */
@Named
@RequestScoped
public class VersionPage {

  @Inject CourseAuthoring authoring;
  @Inject CoursePublishing publishing;
  @Inject VersionMoves versionMoves;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private TaughtCourse course;
  private int number;
  private List<CourseChanges.Change> changes = List.of();
  private List<VersionMoves.Behind> behind = List.of();

  /** View action of the "what changed" and discard pages. */
  public void loadVersion() {
    if (loadCourse()) {
      try {
        number = Integer.parseInt((String) request.getAttribute(PrettyUrlFilter.NUMBER));
        changes = publishing.changes(Authors.of(viewer), course.details().code(), number);
      } catch (Refusal refusal) {
        viewer.refuse(refusal);
        course = null;
      }
    }
  }

  /** View action of the page that moves learners. */
  public void loadBehind() {
    if (loadCourse()) {
      behind = versionMoves.behind(Authors.of(viewer), course.details().code());
    }
  }

  private boolean loadCourse() {
    var author = Authors.of(viewer);
    if (author == null) {
      return false;
    }
    try {
      course = authoring.course(author, (String) request.getAttribute(PrettyUrlFilter.CODE));
      return true;
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      return false;
    }
  }

  public TaughtCourse getCourse() {
    return course;
  }

  public int getNumber() {
    return number;
  }

  /** Whether the version shown is the draft (not published yet). */
  public boolean isDraft() {
    return course != null
        && course.draftVersion() != null
        && course.draftVersion() == number
        && "PUBLISHED".equals(course.status());
  }

  public List<CourseChanges.Change> getChanges() {
    return changes;
  }

  public List<VersionMoves.Behind> getBehind() {
    return behind;
  }

  /** How many learners are on earlier versions, all together. */
  public long getBehindTotal() {
    return behind.stream().mapToLong(VersionMoves.Behind::learners).sum();
  }
}

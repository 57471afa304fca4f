package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.CoursePublishing;
import org.upskill.catalog.boundary.CoursePublishing.Readiness;
import org.upskill.catalog.boundary.TaughtCourse;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * The confirmation before publishing ({@code /teach/{code}/publish}): what learners will see, or
 * what must be fixed first.
 */
@Named
@RequestScoped
public class PublishPage {

  @Inject CourseAuthoring courses;
  @Inject CoursePublishing publishing;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private TaughtCourse course;
  private Readiness readiness;

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    try {
      course = courses.course(author, code);
      readiness = publishing.readiness(author, code);
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      course = null;
    }
  }

  public TaughtCourse getCourse() {
    return course;
  }

  public Readiness getReadiness() {
    return readiness;
  }
}

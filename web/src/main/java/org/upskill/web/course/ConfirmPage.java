package org.upskill.web.course;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.CourseDetail;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * "Are you sure?" before enrolling ({@code /courses/{code}/enrol}) or leaving ({@code
 * /courses/{code}/leave}); the button posts the action.
 */
@Named
@RequestScoped
public class ConfirmPage {

  @Inject CourseCatalog catalog;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;
  @Inject CoursePage coursePage;

  private CourseDetail course;
  private String action;

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    action = (String) request.getAttribute(PrettyUrlFilter.NUMBER);
    coursePage.load();
    course = coursePage.getCourse();
  }

  public CourseDetail getCourse() {
    return course;
  }

  public boolean isLeaving() {
    return "leave".equals(action);
  }

  public String getAction() {
    return action;
  }
}

package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.web.platform.Viewer;

/** The courses a trainer may edit ({@code /teach}); admins see all. */
@Named
@RequestScoped
public class TeachPage {

  @Inject CourseAuthoring authoring;
  @Inject Viewer viewer;

  private List<CourseAuthoring.Line> courses;

  public void load() {
    var author = Authors.of(viewer);
    if (author != null) {
      courses = authoring.editable(author);
    }
  }

  public List<CourseAuthoring.Line> getCourses() {
    return courses;
  }
}

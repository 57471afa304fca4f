package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.TaughtCourse;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * A course's modules for its authors: the list with add, move, rename ({@code
 * /teach/{code}/modules/{n}}) and remove after confirmation ({@code …/{n}/remove}).
 */
@Named
@RequestScoped
public class ModulesPage {

  public static final String FORM = "module";

  @Inject CourseAuthoring authoring;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private TaughtCourse course;
  private List<CourseAuthoring.ModuleLine> modules;
  private CourseAuthoring.ModuleLine module;
  private Map<String, String> errors = Map.of();
  private Map<String, String> values = Map.of();

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    try {
      course = authoring.course(author, code);
      modules = authoring.modules(author, code);
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      return;
    }
    var number = (String) request.getAttribute(PrettyUrlFilter.NUMBER);
    if (number != null) {
      var position = Integer.parseInt(number);
      module = modules.stream().filter(m -> m.position() == position).findFirst().orElse(null);
      if (module == null) {
        viewer.refuse(404, code + " has no module " + position + ".");
        return;
      }
      values =
          Map.of(
              "title", module.title(), "summary", module.summary() == null ? "" : module.summary());
    }
    var kept = viewer.takeValues(FORM);
    if (!kept.isEmpty()) {
      values = kept;
    }
    errors = viewer.takeErrors(FORM);
  }

  public TaughtCourse getCourse() {
    return course;
  }

  /** Whether the content may change: a draft course, or the draft of a new version. */
  public boolean isDraft() {
    return course != null && course.contentEditable();
  }

  public List<CourseAuthoring.ModuleLine> getModules() {
    return modules;
  }

  public CourseAuthoring.ModuleLine getModule() {
    return module;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }
}

package org.upskill.web.quiz;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.assessment.boundary.OverrideView;
import org.upskill.assessment.boundary.QuizSummary;
import org.upskill.assessment.boundary.Quizzes;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * Accommodations on one quiz ({@code /courses/{code}/quizzes/{id}/overrides}) for the course's
 * owners, managers and admins: per-person overrides (extra attempts, more time, a later close) and,
 * for managers and admins, a person's standing extra time on every timed quiz.
 */
@Named
@RequestScoped
public class OverridesPage {

  public static final String FORM = "accommodation";

  @Inject Quizzes quizzes;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private QuizSummary quiz;
  private String courseCode;
  private List<OverrideView> overrides = List.of();
  private Map<String, String> errors = Map.of();
  private Map<String, String> values = Map.of();

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    var id = Long.parseLong((String) request.getAttribute(PrettyUrlFilter.NUMBER));
    try {
      if (!quizzes.courseCodeOf(id).equals(code)) {
        viewer.refuse(404, "There is no such quiz on " + code + ".");
        return;
      }
      if (!quizzes.mayAccommodate(viewer.signedIn().staff(), code)) {
        viewer.refuse(403, "Only the course's owners, managers and admins set accommodations.");
        return;
      }
      quiz = quizzes.summary(id);
      courseCode = code;
      overrides = quizzes.overrides(id);
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      return;
    }
    errors = viewer.takeErrors(FORM);
    values = viewer.takeValues(FORM);
  }

  public QuizSummary getQuiz() {
    return quiz;
  }

  public String getCourseCode() {
    return courseCode;
  }

  public List<OverrideView> getOverrides() {
    return overrides;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }

  /** Whether the viewer may set a person's standing extra time (managers and admins). */
  public boolean isCanSetExtraTime() {
    return viewer.hasRole("manager") || viewer.hasRole("admin");
  }
}

package org.upskill.web.quiz;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.assessment.boundary.QuizOverview;
import org.upskill.assessment.boundary.Quizzes;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.lesson.MarkdownRenderer;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * A quiz's page ({@code /courses/{code}/quizzes/{id}}): its settings, what applies to the learner,
 * their attempts and grade, and the button to start or continue.
 */
@Named
@RequestScoped
public class QuizPage {

  @Inject Quizzes quizzes;
  @Inject Viewer viewer;
  @Inject MarkdownRenderer markdown;
  @Inject HttpServletRequest request;

  private QuizOverview quiz;

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    var id = Long.parseLong((String) request.getAttribute(PrettyUrlFilter.NUMBER));
    try {
      quiz = quizzes.overview(viewer.personId(), id);
      if (!quiz.courseCode().equals(code)) {
        quiz = null;
        viewer.refuse(404, "There is no such quiz on " + code + ".");
      }
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
    }
  }

  public QuizOverview getQuiz() {
    return quiz;
  }

  public String getIntroHtml() {
    return quiz == null || quiz.intro() == null ? "" : markdown.toSafeHtml(quiz.intro());
  }

  /** The grading method in words. */
  public String getGradingText() {
    return switch (quiz.gradingMethod()) {
      case "HIGHEST" -> "Your highest score counts";
      case "LAST" -> "Your last attempt counts";
      case "FIRST" -> "Your first attempt counts";
      default -> "The average of your attempts counts";
    };
  }
}

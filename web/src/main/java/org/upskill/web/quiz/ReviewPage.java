package org.upskill.web.quiz;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.assessment.boundary.Quizzes;
import org.upskill.assessment.boundary.Review;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.lesson.MarkdownRenderer;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/** A submitted attempt's result and review ({@code /attempts/{id}/review}). */
@Named
@RequestScoped
public class ReviewPage {

  @Inject Quizzes quizzes;
  @Inject Viewer viewer;
  @Inject MarkdownRenderer markdown;
  @Inject HttpServletRequest request;

  private Review review;

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    var id = Long.parseLong((String) request.getAttribute(PrettyUrlFilter.CODE));
    try {
      review = quizzes.review(viewer.personId(), id);
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
    }
  }

  public Review getReview() {
    return review;
  }

  public String html(String text) {
    return markdown.toSafeInlineHtml(text);
  }
}

package org.upskill.web.quiz;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;
import org.upskill.assessment.boundary.AttemptView;
import org.upskill.assessment.boundary.QuestionView;
import org.upskill.assessment.boundary.Quizzes;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.lesson.MarkdownRenderer;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * An attempt in progress ({@code /attempts/{id}?page=n}) and its summary before submitting ({@code
 * /attempts/{id}/summary}). A submitted attempt sends the browser to its review.
 */
@Named
@RequestScoped
public class AttemptPage {

  @Inject Quizzes quizzes;
  @Inject Viewer viewer;
  @Inject MarkdownRenderer markdown;
  @Inject HttpServletRequest request;

  private AttemptView attempt;
  private int page = 1;

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    var id = Long.parseLong((String) request.getAttribute(PrettyUrlFilter.CODE));
    try {
      attempt = quizzes.attempt(viewer.personId(), id);
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      return;
    }
    if (!attempt.inProgress()) {
      Viewer.notice(
          request,
          "This attempt has been submitted"
              + (attempt.deadline() != null && !attempt.now().isBefore(attempt.deadline())
                  ? ": the time was up, so it was submitted with the answers saved before then."
                  : "."));
      redirect("/attempts/" + id + "/review");
      return;
    }
    try {
      page = Integer.parseInt(request.getParameter("page"));
    } catch (NumberFormatException e) {
      page = 1;
    }
    page = Math.max(1, Math.min(page, getPageCount()));
  }

  private void redirect(String path) {
    var context = FacesContext.getCurrentInstance();
    try {
      context.getExternalContext().redirect(request.getContextPath() + path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.responseComplete();
  }

  public AttemptView getAttempt() {
    return attempt;
  }

  public int getPage() {
    return page;
  }

  public int getPageCount() {
    return attempt.onePerPage() ? attempt.questions().size() : 1;
  }

  /** The questions on this page. */
  public List<QuestionView> getQuestions() {
    return attempt.onePerPage() ? List.of(attempt.questions().get(page - 1)) : attempt.questions();
  }

  /** The slots on this page, for the form (which answers it carries). */
  public String getSlots() {
    return getQuestions().stream()
        .map(q -> String.valueOf(q.slot()))
        .collect(Collectors.joining(","));
  }

  public String html(String text) {
    return markdown.toSafeInlineHtml(text);
  }

  /** The deadline as milliseconds since the epoch, for the countdown; 0 when untimed. */
  public long getDeadlineMillis() {
    return attempt.deadline() == null ? 0 : attempt.deadline().toEpochMilli();
  }

  public long getNowMillis() {
    return attempt.now().toEpochMilli();
  }

  /** For a matching question: the answer the learner chose for this prompt. */
  public String matched(QuestionView question, String promptId) {
    return question.answer().matches().getOrDefault(promptId, "");
  }

  /** For an ordering question without JavaScript: the position the learner gave this item. */
  public String position(QuestionView question, String itemId) {
    var sequence = question.answer().sequence();
    if (!sequence.isEmpty()) {
      var at = sequence.indexOf(itemId);
      return at < 0 ? "" : String.valueOf(at + 1);
    }
    return question.answer().matches().getOrDefault(itemId, "");
  }

  /** The numbers 1..n, for ordering positions. */
  public List<String> positions(QuestionView question) {
    return java.util.stream.IntStream.rangeClosed(1, question.options().size())
        .mapToObj(String::valueOf)
        .toList();
  }
}

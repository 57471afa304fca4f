package org.upskill.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.upskill.assessment.boundary.QuizAuthoring;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.security.SignedIn;
import org.upskill.web.teach.QuestionForm;
import org.upskill.web.teach.QuizBuilderPage;
import org.upskill.web.teach.QuizForm;

/**
 * The quiz builder's targets: create a quiz, save its settings, add a question or a random draw,
 * remove a slot. Role here, ownership in the boundary; bad input comes back with what was typed.
 */
@ApplicationScoped
public class QuizBuilderActions {

  @Inject CourseAuthoring courses;
  @Inject QuizAuthoring quizzes;

  void create(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = AuthoringActions.author(who);
    var code = AuthoringActions.code(request.getParameter("course"));
    var form = QuizForm.from(request);
    var errors = form.errors(courses.modules(author, code).size());
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, QuizBuilderPage.SETTINGS_FORM, errors, form.values());
      response.sendRedirect(request.getContextPath() + "/teach/" + code + "/quizzes/new");
      return;
    }
    var id = quizzes.create(author, code, form.settings());
    Viewer.notice(request, "Quiz “" + form.settings().title() + "” created. Now add questions.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/quizzes/" + id);
  }

  void update(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = AuthoringActions.author(who);
    var code = AuthoringActions.code(request.getParameter("course"));
    var quiz = number(request.getParameter("quiz"));
    var back = request.getContextPath() + "/teach/" + code + "/quizzes/" + quiz;
    var form = QuizForm.from(request);
    var errors = form.errors(courses.modules(author, code).size());
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, QuizBuilderPage.SETTINGS_FORM, errors, form.values());
      response.sendRedirect(back);
      return;
    }
    try {
      quizzes.update(author, code, quiz, form.settings(), number(request.getParameter("version")));
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.CONFLICT) {
        throw refusal;
      }
      Viewer.keepForm(
          request,
          QuizBuilderPage.SETTINGS_FORM,
          Map.of("title", refusal.getMessage()),
          form.values());
      response.sendRedirect(back);
      return;
    }
    Viewer.notice(request, "Quiz settings saved.");
    response.sendRedirect(back);
  }

  void addQuestion(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = AuthoringActions.author(who);
    var code = AuthoringActions.code(request.getParameter("course"));
    var quiz = number(request.getParameter("quiz"));
    var back = request.getContextPath() + "/teach/" + code + "/quizzes/" + quiz;
    var form = QuestionForm.from(request);
    var errors = form.errors();
    if (errors.isEmpty()) {
      try {
        quizzes.addQuestion(author, code, quiz, form.draft());
      } catch (Refusal refusal) {
        if (refusal.reason() != Refusal.Reason.CONFLICT) {
          throw refusal;
        }
        errors = Map.of("prompt", refusal.getMessage());
      }
    }
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, QuizBuilderPage.QUESTION_FORM, errors, form.values());
      response.sendRedirect(back + "/new-question");
      return;
    }
    Viewer.notice(request, "Question added.");
    response.sendRedirect(back + "#questions");
  }

  void addDraw(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = AuthoringActions.author(who);
    var code = AuthoringActions.code(request.getParameter("course"));
    var quiz = number(request.getParameter("quiz"));
    var back = request.getContextPath() + "/teach/" + code + "/quizzes/" + quiz;
    var category = request.getParameter("category");
    var count = request.getParameter("count") == null ? "" : request.getParameter("count").strip();
    var values = Map.of("category", category == null ? "" : category, "count", count);
    String error = null;
    if (category == null || !category.matches("\\d{1,12}")) {
      error = "Select a category";
    } else if (!count.matches("\\d{1,3}")) {
      error = "Enter how many questions to draw, as a number";
    } else {
      try {
        quizzes.addRandomDraw(
            author, code, quiz, Long.parseLong(category), Integer.parseInt(count));
      } catch (Refusal refusal) {
        if (refusal.reason() != Refusal.Reason.CONFLICT) {
          throw refusal;
        }
        error = refusal.getMessage();
      }
    }
    if (error != null) {
      Viewer.keepForm(
          request,
          QuizBuilderPage.DRAW_FORM,
          Map.of(error.startsWith("Select") ? "draw-category" : "count", error),
          values);
      response.sendRedirect(back + "#draw-heading");
      return;
    }
    Viewer.notice(request, "Random questions added.");
    response.sendRedirect(back + "#questions");
  }

  void removeSlot(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = AuthoringActions.code(request.getParameter("course"));
    var quiz = number(request.getParameter("quiz"));
    quizzes.removeSlot(
        AuthoringActions.author(who), code, quiz, (int) number(request.getParameter("slot")));
    Viewer.notice(request, "Question removed from the quiz. It stays in the course's bank.");
    response.sendRedirect(
        request.getContextPath() + "/teach/" + code + "/quizzes/" + quiz + "#questions");
  }

  private static long number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Refusal.notFound("This form is not one of ours: reload the page and try again.");
    }
  }
}

package org.upskill.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.LessonAuthoring;
import org.upskill.catalog.boundary.LessonAuthoring.LessonConflict;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.lesson.MarkdownRenderer;
import org.upskill.web.security.SignedIn;
import org.upskill.web.teach.LessonEditPage;
import org.upskill.web.teach.LessonForm;

/**
 * The lesson editor's targets: save (or, with the Preview button, keep what was typed and show it
 * rendered), the live preview for JavaScript, move and remove. Role here, ownership in the
 * boundary; bad input and conflicting saves come back with what was typed.
 */
@ApplicationScoped
public class LessonActions {

  @Inject CourseAuthoring courses;
  @Inject LessonAuthoring lessons;
  @Inject MarkdownRenderer markdown;
  @Inject Validator validator;

  void save(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = AuthoringActions.author(who);
    var code = AuthoringActions.code(request.getParameter("course"));
    var lessonId = lessonId(request, false);
    var module = lessonId == null ? AuthoringActions.position(request) : 0;
    var key = LessonEditPage.formKey(code, lessonId, module);
    var back =
        request.getContextPath()
            + "/teach/"
            + code
            + (lessonId == null ? "/modules/" + module + "/new-lesson" : "/lessons/" + lessonId);
    var form = LessonForm.from(request);
    var values = new LinkedHashMap<>(form.values());
    long version = 0;
    if (lessonId != null) {
      version = number(request.getParameter("version"));
      values.put("version", String.valueOf(version));
    }
    if ("preview".equals(request.getParameter("intent"))) {
      if (!courses.mayEdit(author, code)) {
        throw Refusal.forbidden("Only the course's owners and admins can change " + code + ".");
      }
      Viewer.keepForm(request, key, Map.of(), values);
      response.sendRedirect(back + "#preview-heading");
      return;
    }
    var errors = form.errors(validator);
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, key, errors, values);
      response.sendRedirect(back);
      return;
    }
    var draft = form.draft();
    if (lessonId == null) {
      lessons.add(author, code, module, draft);
      Viewer.notice(request, "Lesson “" + draft.title() + "” added to module " + module + ".");
    } else {
      try {
        lessons.update(author, code, lessonId, draft, version);
      } catch (LessonConflict conflict) {
        // Keep what this trainer typed, based now on the newer version, and show theirs.
        values.put("version", String.valueOf(conflict.current().version()));
        Viewer.keepForm(request, key, Map.of("conflict", conflict.getMessage()), values);
        request
            .getSession()
            .setAttribute(
                LessonEditPage.THEIRS + key, LessonForm.valuesOf(conflict.current().draft()));
        response.sendRedirect(back);
        return;
      }
      Viewer.notice(request, "Lesson “" + draft.title() + "” saved.");
    }
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules");
  }

  /**
   * The live preview: the Markdown typed so far as the learner's page would show it (rendered and
   * sanitised on the server, never in the browser).
   */
  void preview(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    AuthoringActions.author(who);
    var text = request.getParameter("markdown");
    if (text != null && text.length() > LessonForm.MAX_MARKDOWN) {
      response.sendError(
          HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
          "A lesson is " + LessonForm.MAX_MARKDOWN + " characters or fewer.");
      return;
    }
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(markdown.toSafeHtml(text));
  }

  void move(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = AuthoringActions.code(request.getParameter("course"));
    lessons.move(
        AuthoringActions.author(who),
        code,
        lessonId(request, true),
        "up".equals(request.getParameter("direction")));
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules");
  }

  void remove(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = AuthoringActions.code(request.getParameter("course"));
    var title = lessons.remove(AuthoringActions.author(who), code, lessonId(request, true));
    Viewer.notice(request, "Lesson “" + title + "” removed.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules");
  }

  private static Long lessonId(HttpServletRequest request, boolean required) {
    var value = request.getParameter("lesson");
    if (!required && (value == null || value.isEmpty())) {
      return null;
    }
    return number(value);
  }

  private static long number(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Refusal.notFound("This form is not one of ours: reload the page and try again.");
    }
  }
}

package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.LessonAuthoring;
import org.upskill.catalog.boundary.LessonAuthoring.AuthoredLesson;
import org.upskill.catalog.boundary.TaughtCourse;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.lesson.MarkdownRenderer;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * The lesson editor: a new lesson ({@code /teach/{code}/modules/{n}/new-lesson}) or an existing one
 * ({@code /teach/{code}/lessons/{id}}), and the removal confirmation ({@code …/{id}/remove}). The
 * preview beside the Markdown is rendered by the learner's renderer and sanitiser: without
 * JavaScript the Preview button refreshes it, with JavaScript it follows the typing.
 */
@Named
@RequestScoped
public class LessonEditPage {

  /** Session key of what someone else saved, after a conflicting save of this form. */
  public static final String THEIRS = LessonEditPage.class.getName() + ".theirs.";

  @Inject CourseAuthoring courses;
  @Inject LessonAuthoring lessons;
  @Inject MarkdownRenderer markdown;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private TaughtCourse course;
  private AuthoredLesson lesson;
  private int module;
  private String moduleTitle;
  private Map<String, String> values = Map.of();
  private Map<String, String> errors = Map.of();
  private Map<String, String> theirs;
  private String previewHtml = "";
  private Map<String, String> imageErrors = Map.of();
  private String imageSnippet;
  private String theirsHtml = "";

  /** The name under which a lesson form's errors and typed values are kept across a redirect. */
  public static String formKey(String code, Long lessonId, int module) {
    return lessonId == null ? "lesson-new-" + code + "-" + module : "lesson-" + lessonId;
  }

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    var number = Long.parseLong((String) request.getAttribute(PrettyUrlFilter.NUMBER));
    // Forwarded by PrettyUrlFilter: the address typed is the forward's original request URI.
    var address = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    var isNew = address != null && address.endsWith("/new-lesson");
    try {
      course = courses.course(author, code);
      if (isNew) {
        module = (int) number;
        moduleTitle = lessons.moduleTitle(author, code, module);
        values = new LinkedHashMap<>(Map.of("title", "", "markdown", "", "minutes", "10"));
        values.put("required", "yes");
      } else {
        lesson = lessons.lesson(author, code, number);
        module = lesson.module();
        moduleTitle = lesson.moduleTitle();
        values = LessonForm.valuesOf(lesson.draft());
      }
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      course = null;
      return;
    }
    var key = formKey(code, isNew ? null : lesson.id(), module);
    var kept = viewer.takeValues(key);
    if (!kept.isEmpty()) {
      values = kept;
    }
    errors = viewer.takeErrors(key);
    var session = request.getSession(false);
    if (session != null) {
      @SuppressWarnings("unchecked")
      var conflict = (Map<String, String>) session.getAttribute(THEIRS + key);
      theirs = conflict;
      session.removeAttribute(THEIRS + key);
    }
    imageErrors = viewer.takeErrors("media-" + key);
    if (session != null) {
      imageSnippet = (String) session.getAttribute(MediaUploadServlet.SNIPPET);
      session.removeAttribute(MediaUploadServlet.SNIPPET);
    }
    previewHtml = markdown.toSafeHtml(values.getOrDefault("markdown", ""));
    if (theirs != null) {
      theirsHtml = markdown.toSafeHtml(theirs.getOrDefault("markdown", ""));
    }
  }

  /** Why the last image upload was refused (field "image"), once. */
  public Map<String, String> getImageErrors() {
    return imageErrors;
  }

  /** The Markdown for the image just uploaded, once; otherwise {@code null}. */
  public String getImageSnippet() {
    return imageSnippet;
  }

  public TaughtCourse getCourse() {
    return course;
  }

  /** Whether the content may change: a draft course, or the draft of a new version. */
  public boolean isDraft() {
    return course != null && course.contentEditable();
  }

  public boolean isNew() {
    return lesson == null;
  }

  public AuthoredLesson getLesson() {
    return lesson;
  }

  public int getModule() {
    return module;
  }

  public String getModuleTitle() {
    return moduleTitle;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  /** After a conflicting save: the lesson as someone else saved it; otherwise {@code null}. */
  public Map<String, String> getTheirs() {
    return theirs;
  }

  /** Their version rendered as learners would see it. */
  public String getTheirsHtml() {
    return theirsHtml;
  }

  /** The lesson as typed, rendered and sanitised exactly as learners will see it. */
  public String getPreviewHtml() {
    return previewHtml;
  }

  /** The version the form is based on: the saved one, or the newer one after a conflict. */
  public long getVersion() {
    var kept = values.get("version");
    return kept != null ? Long.parseLong(kept) : lesson == null ? 0 : lesson.version();
  }
}

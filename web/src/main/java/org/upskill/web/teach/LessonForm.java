package org.upskill.web.teach;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.LessonDraft;

/**
 * The lesson form as typed: title, Markdown body, minutes and whether it is required, checked with
 * Bean Validation so that a mistake comes back with what was typed and a message per field.
 */
public class LessonForm {

  static final List<String> FIELDS = List.of("title", "markdown", "minutes");

  /** About 30,000 words: more than any lesson should be, far less than the column holds. */
  public static final int MAX_MARKDOWN = 200_000;

  @NotBlank(message = "Enter a title for the lesson")
  @Size(max = 200, message = "A lesson title is 200 characters or fewer")
  String title;

  @NotBlank(message = "Write the lesson")
  @Size(max = MAX_MARKDOWN, message = "A lesson is 200000 characters or fewer: split it in two")
  String markdown;

  @NotBlank(message = "Enter how long the lesson takes, in minutes")
  @Pattern(
      regexp = "\\s*(\\d{1,4})?\\s*",
      message = "Enter how long the lesson takes as a number of minutes")
  String minutes;

  boolean required;

  /** Reads the form's fields from a request; an unticked box is absent. */
  public static LessonForm from(HttpServletRequest request) {
    var form = new LessonForm();
    form.title = request.getParameter("title");
    form.markdown = request.getParameter("markdown");
    form.minutes = request.getParameter("minutes");
    form.required = "yes".equals(request.getParameter("required"));
    return form;
  }

  /** Field → message for every rule broken, in the form's order (empty when all is well). */
  public Map<String, String> errors(Validator validator) {
    var found = FormErrors.of(validator, this);
    if (!found.containsKey("minutes")) {
      var value = Integer.parseInt(minutes.strip());
      if (value < 1 || value > 600) {
        found.put("minutes", "A lesson takes from 1 to 600 minutes");
      }
    }
    return FormErrors.inOrder(found, FIELDS);
  }

  /** What was typed, to show again. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", title == null ? "" : title);
    values.put("markdown", markdown == null ? "" : markdown);
    values.put("minutes", minutes == null ? "" : minutes);
    values.put("required", required ? "yes" : "");
    return values;
  }

  /** The valid form as the boundary takes it; call only when {@link #errors} is empty. */
  public LessonDraft draft() {
    return new LessonDraft(
        title.strip(),
        // Browsers send a textarea's line breaks as CRLF; Markdown is kept with LF.
        markdown.replaceAll("\\r\\n?", "\n").stripTrailing(),
        Integer.parseInt(minutes.strip()),
        required);
  }

  /** The form filled from a lesson as saved. */
  public static Map<String, String> valuesOf(LessonDraft draft) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", draft.title());
    values.put("markdown", draft.markdown());
    values.put("minutes", String.valueOf(draft.minutes()));
    values.put("required", draft.required() ? "yes" : "");
    return values;
  }
}

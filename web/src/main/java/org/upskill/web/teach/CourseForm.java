package org.upskill.web.teach;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.CourseDraft;

/**
 * The course details form as typed: every field a string, checked with Bean Validation, so that a
 * mistake comes back with what the trainer typed and a message per field, in the page's order.
 */
public class CourseForm {

  public static final List<String> FIELDS =
      List.of(
          "code",
          "title",
          "summary",
          "outcomes",
          "level",
          "durationMinutes",
          "audience",
          "enrolmentMode",
          "capacity",
          "renewalMonths",
          "skills",
          "prerequisites");

  @NotBlank(message = "Enter a course code")
  @Pattern(
      regexp = "\\s*([A-Za-z0-9]+(-[A-Za-z0-9]+)*)?\\s*",
      message = "A course code is letters and numbers, with hyphens between them, like PY-CLIN")
  @Size(max = 20, message = "A course code is 20 characters or fewer")
  String code;

  @NotBlank(message = "Enter a title")
  @Size(max = 200, message = "A title is 200 characters or fewer")
  String title;

  @NotBlank(message = "Enter a summary")
  @Size(max = 1000, message = "A summary is 1000 characters or fewer")
  String summary;

  @Size(max = 5000, message = "What you will learn is 5000 characters or fewer")
  String outcomes;

  @NotNull(message = "Select a level")
  @Pattern(regexp = "INTRODUCTORY|INTERMEDIATE|ADVANCED", message = "Select a level")
  String level;

  @NotBlank(message = "Enter how long the course takes, in minutes")
  @Pattern(
      regexp = "\\s*(\\d{1,5})?\\s*",
      message = "Enter how long the course takes as a number of minutes")
  String durationMinutes;

  @NotNull(message = "Select who the course is for")
  @Pattern(regexp = "NHS_STAFF|TECH|BOTH", message = "Select who the course is for")
  String audience;

  @NotNull(message = "Select how people join")
  @Pattern(regexp = "SELF|APPROVAL|MANUAL", message = "Select how people join")
  String enrolmentMode;

  @Pattern(
      regexp = "\\s*(\\d{1,5})?\\s*",
      message = "Places must be a whole number, or empty for no limit")
  String capacity;

  @Pattern(
      regexp = "\\s*(\\d{1,3})?\\s*",
      message = "The renewal period must be a number of months, or empty")
  String renewalMonths;

  @Size(max = 1000, message = "Skills are 1000 characters or fewer")
  String skills;

  @Size(max = 500, message = "Prerequisites are 500 characters or fewer")
  @Pattern(
      regexp = "[\\sA-Za-z0-9,-]*",
      message = "Prerequisites are course codes separated by commas, like PY-CLIN, STATS-1")
  String prerequisites;

  /** Reads the form's fields from a request. */
  public static CourseForm from(HttpServletRequest request) {
    var form = new CourseForm();
    form.code = request.getParameter("code");
    form.title = request.getParameter("title");
    form.summary = request.getParameter("summary");
    form.outcomes = request.getParameter("outcomes");
    form.level = request.getParameter("level");
    form.durationMinutes = request.getParameter("durationMinutes");
    form.audience = request.getParameter("audience");
    form.enrolmentMode = request.getParameter("enrolmentMode");
    form.capacity = request.getParameter("capacity");
    form.renewalMonths = request.getParameter("renewalMonths");
    form.skills = request.getParameter("skills");
    form.prerequisites = request.getParameter("prerequisites");
    return form;
  }

  /** The same form for an existing course, whose code comes from the address, not the form. */
  public CourseForm forCourse(String existingCode) {
    this.code = existingCode;
    return this;
  }

  /** Field → message for every rule broken, in the form's order (empty when all is well). */
  public Map<String, String> errors(Validator validator) {
    var found = FormErrors.of(validator, this);
    if (!found.containsKey("durationMinutes")
        && durationMinutes != null
        && !durationMinutes.isBlank()) {
      var minutes = Integer.parseInt(durationMinutes.strip());
      if (minutes < 1 || minutes > 10_000) {
        found.put("durationMinutes", "A course takes from 1 to 10000 minutes");
      }
    }
    if (!found.containsKey("capacity")
        && capacity != null
        && !capacity.isBlank()
        && Integer.parseInt(capacity.strip()) < 1) {
      found.put("capacity", "A course with a limit has at least 1 place");
    }
    if (!found.containsKey("renewalMonths")
        && renewalMonths != null
        && !renewalMonths.isBlank()
        && Integer.parseInt(renewalMonths.strip()) < 1) {
      found.put("renewalMonths", "A renewal period is at least 1 month");
    }
    return FormErrors.inOrder(found, FIELDS);
  }

  /** What was typed, to show again. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("code", code == null ? "" : code);
    values.put("title", title == null ? "" : title);
    values.put("summary", summary == null ? "" : summary);
    values.put("outcomes", outcomes == null ? "" : outcomes);
    values.put("level", level == null ? "" : level);
    values.put("durationMinutes", durationMinutes == null ? "" : durationMinutes);
    values.put("audience", audience == null ? "" : audience);
    values.put("enrolmentMode", enrolmentMode == null ? "" : enrolmentMode);
    values.put("capacity", capacity == null ? "" : capacity);
    values.put("renewalMonths", renewalMonths == null ? "" : renewalMonths);
    values.put("skills", skills == null ? "" : skills);
    values.put("prerequisites", prerequisites == null ? "" : prerequisites);
    return values;
  }

  /** The valid form as the boundary takes it; call only when {@link #errors} is empty. */
  public CourseDraft draft() {
    return new CourseDraft(
        code.strip(),
        title.strip(),
        summary.strip(),
        outcomes == null
            ? List.of()
            : Arrays.stream(outcomes.split("\\R"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList(),
        level,
        Integer.parseInt(durationMinutes.strip()),
        audience,
        enrolmentMode,
        capacity == null || capacity.isBlank() ? null : Integer.valueOf(capacity.strip()),
        renewalMonths == null || renewalMonths.isBlank()
            ? null
            : Integer.valueOf(renewalMonths.strip()),
        commaSeparated(skills),
        commaSeparated(prerequisites));
  }

  /** The non-empty items of a comma-separated field, stripped. */
  static List<String> commaSeparated(String value) {
    return value == null
        ? List.of()
        : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** The form filled from a course's saved details. */
  public static Map<String, String> valuesOf(CourseDraft draft) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("code", draft.code());
    values.put("title", draft.title());
    values.put("summary", draft.summary());
    values.put("outcomes", String.join("\n", draft.outcomes()));
    values.put("level", draft.level());
    values.put("durationMinutes", String.valueOf(draft.durationMinutes()));
    values.put("audience", draft.audience());
    values.put("enrolmentMode", draft.enrolmentMode());
    values.put("capacity", draft.capacity() == null ? "" : draft.capacity().toString());
    values.put(
        "renewalMonths", draft.renewalMonths() == null ? "" : draft.renewalMonths().toString());
    values.put("skills", String.join(", ", draft.skills()));
    values.put("prerequisites", String.join(", ", draft.prerequisites()));
    return values;
  }
}

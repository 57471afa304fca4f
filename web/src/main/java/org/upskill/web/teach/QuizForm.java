package org.upskill.web.teach;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.upskill.assessment.boundary.QuizSettings;
import org.upskill.platform.control.DateBounds;

/**
 * A quiz's settings form as typed: every field a string, checked here so that a mistake comes back
 * with what was typed and a message per field, in the page's order.
 */
public class QuizForm {

  static final List<String> GRADINGS = List.of("HIGHEST", "LAST", "FIRST", "AVERAGE");
  static final Set<String> REVIEW = Set.of("RESPONSES", "CORRECT", "FEEDBACK");

  final Map<String, String> values = new LinkedHashMap<>();
  private final Set<String> afterSubmit = new TreeSet<>();
  private final Set<String> afterClose = new TreeSet<>();

  /** Reads the form's fields from a request; unticked boxes are absent. */
  public static QuizForm from(HttpServletRequest request) {
    var form = new QuizForm();
    for (var field :
        List.of(
            "title",
            "intro",
            "module",
            "timeLimitMinutes",
            "maxAttempts",
            "opensAt",
            "closesAt",
            "passPercent",
            "grading")) {
      var value = request.getParameter(field);
      form.values.put(field, value == null ? "" : value);
    }
    for (var box : List.of("shuffleQuestions", "shuffleOptions", "onePerPage", "required")) {
      form.values.put(box, "yes".equals(request.getParameter(box)) ? "yes" : "");
    }
    form.tick(request.getParameterValues("reviewAfterSubmit"), form.afterSubmit);
    form.tick(request.getParameterValues("reviewAfterClose"), form.afterClose);
    form.values.put("reviewAfterSubmit", String.join(",", form.afterSubmit));
    form.values.put("reviewAfterClose", String.join(",", form.afterClose));
    return form;
  }

  private void tick(String[] chosen, Set<String> into) {
    if (chosen != null) {
      Arrays.stream(chosen).filter(REVIEW::contains).forEach(into::add);
    }
  }

  /** Field → message for every rule broken, in the page's order (empty when all is well). */
  public Map<String, String> errors(int modules) {
    Map<String, String> errors = new LinkedHashMap<>();
    var title = values.get("title").strip();
    if (title.isEmpty()) {
      errors.put("title", "Enter a title for the quiz");
    } else if (title.length() > 200) {
      errors.put("title", "A quiz title is 200 characters or fewer");
    }
    if (values.get("intro").length() > 2000) {
      errors.put("intro", "The introduction is 2000 characters or fewer");
    }
    var module = values.get("module").strip();
    if (!module.isEmpty()
        && (!module.matches("\\d{1,3}")
            || Integer.parseInt(module) < 1
            || Integer.parseInt(module) > modules)) {
      errors.put("module", "Select a module of this course, or none");
    }
    whole(
        errors, "timeLimitMinutes", 1, 600, "The time limit is a number of minutes from 1 to 600");
    whole(errors, "maxAttempts", 1, 100, "Attempts allowed is a number from 1 to 100");
    var opens = moment(values.get("opensAt"));
    var closes = moment(values.get("closesAt"));
    if (opens == INVALID) {
      errors.put("opensAt", "Enter the opening date and time, like 2027-03-31 09:00");
    }
    if (closes == INVALID) {
      errors.put("closesAt", "Enter the closing date and time, like 2027-03-31 17:00");
    }
    if (opens != null
        && closes != null
        && opens != INVALID
        && closes != INVALID
        && !closes.isAfter(opens)) {
      errors.put("closesAt", "The quiz must close after it opens");
    }
    var pass = values.get("passPercent").strip();
    if (pass.isEmpty()) {
      errors.put("passPercent", "Enter the pass mark, as a percentage");
    } else if (!pass.matches("\\d{1,3}(\\.\\d{1,2})?")
        || new BigDecimal(pass).compareTo(BigDecimal.valueOf(100)) > 0) {
      errors.put("passPercent", "The pass mark is a percentage from 0 to 100");
    }
    if (!GRADINGS.contains(values.get("grading"))) {
      errors.put("grading", "Select how attempts are graded");
    }
    return errors;
  }

  static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Stands for a date and time that could not be read. */
  static final Instant INVALID = Instant.EPOCH;

  /**
   * A date and time as a browser's date-time field sends it ({@code 2027-03-31T17:00}) or as typed
   * ({@code 2027-03-31 17:00}), in UK time; {@code null} when empty.
   */
  static Instant moment(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      var instant = LocalDateTime.parse(value.strip().replace(' ', 'T')).atZone(LONDON).toInstant();
      return DateBounds.accepts(instant) ? instant : INVALID;
    } catch (DateTimeParseException e) {
      return INVALID;
    }
  }

  /** An instant as the date-time field shows it, in UK time. */
  static String field(Instant instant) {
    return instant == null
        ? ""
        : LocalDateTime.ofInstant(instant, LONDON)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .toString();
  }

  private void whole(Map<String, String> errors, String field, int min, int max, String message) {
    var value = values.get(field).strip();
    if (!value.isEmpty()
        && (!value.matches("\\d{1,4}")
            || Integer.parseInt(value) < min
            || Integer.parseInt(value) > max)) {
      errors.put(field, message);
    }
  }

  /** What was typed, to show again. */
  public Map<String, String> values() {
    return values;
  }

  /** The valid form as the boundary takes it; call only when {@link #errors} is empty. */
  public QuizSettings settings() {
    return new QuizSettings(
        values.get("title").strip(),
        values.get("intro").isBlank() ? null : values.get("intro").strip(),
        optional(values.get("module")),
        optional(values.get("timeLimitMinutes")),
        optional(values.get("maxAttempts")),
        moment(values.get("opensAt")),
        moment(values.get("closesAt")),
        new BigDecimal(values.get("passPercent").strip()),
        values.get("grading"),
        "yes".equals(values.get("shuffleQuestions")),
        "yes".equals(values.get("shuffleOptions")),
        "yes".equals(values.get("onePerPage")),
        "yes".equals(values.get("required")),
        Set.copyOf(afterSubmit),
        Set.copyOf(afterClose));
  }

  private static Integer optional(String value) {
    return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
  }

  /** The form filled from saved settings. */
  public static Map<String, String> valuesOf(QuizSettings settings) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", settings.title());
    values.put("intro", settings.intro() == null ? "" : settings.intro());
    values.put("module", settings.module() == null ? "" : settings.module().toString());
    values.put(
        "timeLimitMinutes",
        settings.timeLimitMinutes() == null ? "" : settings.timeLimitMinutes().toString());
    values.put(
        "maxAttempts", settings.maxAttempts() == null ? "" : settings.maxAttempts().toString());
    values.put("opensAt", field(settings.opensAt()));
    values.put("closesAt", field(settings.closesAt()));
    values.put("passPercent", settings.passPercent().stripTrailingZeros().toPlainString());
    values.put("grading", settings.grading());
    values.put("shuffleQuestions", settings.shuffleQuestions() ? "yes" : "");
    values.put("shuffleOptions", settings.shuffleOptions() ? "yes" : "");
    values.put("onePerPage", settings.onePerPage() ? "yes" : "");
    values.put("required", settings.required() ? "yes" : "");
    values.put("reviewAfterSubmit", String.join(",", new TreeSet<>(settings.reviewAfterSubmit())));
    values.put("reviewAfterClose", String.join(",", new TreeSet<>(settings.reviewAfterClose())));
    return values;
  }

  /** Defaults for a new quiz: 70 % to pass, highest attempt counts, responses and feedback. */
  public static Map<String, String> defaults() {
    return valuesOf(
        new QuizSettings(
            "",
            null,
            null,
            null,
            null,
            null,
            null,
            BigDecimal.valueOf(70),
            "HIGHEST",
            true,
            true,
            false,
            false,
            Set.of("RESPONSES", "FEEDBACK"),
            Set.of("RESPONSES", "CORRECT", "FEEDBACK")));
  }
}

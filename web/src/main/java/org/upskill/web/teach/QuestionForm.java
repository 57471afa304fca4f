package org.upskill.web.teach;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.upskill.assessment.boundary.QuestionDraft;

/**
 * The question form as typed. The parts of each type are written as lines, so that every type fits
 * one accessible form that works without JavaScript:
 *
 * <ul>
 *   <li>single / multiple choice: one option per line, {@code *} before each right one, optional
 *       feedback after {@code |};
 *   <li>true/false: which it is; numeric: answer, tolerance, unit;
 *   <li>short text: one accepted answer per line, case-sensitive or not, optional pattern;
 *   <li>ordering: the items in the right order, one per line;
 *   <li>matching: one {@code prompt = answer} pair per line.
 * </ul>
 */
public class QuestionForm {

  static final List<String> TYPES =
      List.of("single", "multiple", "truefalse", "numeric", "shorttext", "ordering", "matching");

  static final List<String> FIELDS =
      List.of(
          "category",
          "type",
          "prompt",
          "feedback",
          "points",
          "single-options",
          "multiple-options",
          "multiple-rule",
          "truefalse-answer",
          "numeric-answer",
          "numeric-tolerance",
          "numeric-unit",
          "shorttext-accepted",
          "shorttext-case",
          "shorttext-pattern",
          "ordering-items",
          "matching-pairs");

  private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,6})?");

  final Map<String, String> values = new LinkedHashMap<>();

  public static QuestionForm from(HttpServletRequest request) {
    var form = new QuestionForm();
    for (var field : FIELDS) {
      var value = request.getParameter(field);
      form.values.put(field, value == null ? "" : value.replaceAll("\\r\\n?", "\n"));
    }
    return form;
  }

  /** Defaults for a new question. */
  public static Map<String, String> defaults() {
    var form = new QuestionForm();
    FIELDS.forEach(f -> form.values.put(f, ""));
    form.values.put("category", "General");
    form.values.put("points", "1");
    form.values.put("multiple-rule", "PROPORTIONAL_WITH_PENALTY");
    form.values.put("numeric-tolerance", "0");
    return form.values;
  }

  public Map<String, String> values() {
    return values;
  }

  private String value(String field) {
    return values.getOrDefault(field, "").strip();
  }

  private List<String> lines(String field) {
    return values
        .getOrDefault(field, "")
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .toList();
  }

  /** Field → message for every rule broken, in the page's order (empty when all is well). */
  public Map<String, String> errors() {
    Map<String, String> errors = new LinkedHashMap<>();
    var category = value("category");
    if (category.isEmpty()) {
      errors.put("category", "Enter a category, such as the topic of the question");
    } else if (category.length() > 100) {
      errors.put("category", "A category name is 100 characters or fewer");
    }
    if (value("prompt").isEmpty()) {
      errors.put("prompt", "Enter the question");
    } else if (value("prompt").length() > 2000) {
      errors.put("prompt", "A question is 2000 characters or fewer");
    }
    var type = value("type");
    if (!TYPES.contains(type)) {
      errors.put("type", "Select the type of question");
    }
    if (value("feedback").length() > 2000) {
      errors.put("feedback", "Feedback is 2000 characters or fewer");
    }
    if (!value("points").matches("\\d{1,3}(\\.\\d{1,2})?")
        || new BigDecimal(value("points")).signum() <= 0) {
      errors.put("points", "Points is a number greater than 0, like 1 or 2.5");
    }
    switch (type) {
      case "single", "multiple" -> {
        var field = type + "-options";
        var options = lines(field);
        var right = options.stream().filter(o -> o.startsWith("*")).count();
        if (options.size() < 2) {
          errors.put(field, "Write at least 2 options, one per line");
        } else if (right == 0) {
          errors.put(field, "Mark the right option with * at the start of its line");
        } else if (type.equals("single") && right > 1) {
          errors.put(field, "Single choice has one right option: mark only one with *");
        } else if (options.stream().anyMatch(o -> optionText(o).isEmpty())) {
          errors.put(field, "Every option needs its text before any | feedback");
        }
      }
      case "truefalse" -> {
        if (!List.of("true", "false").contains(value("truefalse-answer"))) {
          errors.put("truefalse-answer", "Select whether the statement is true or false");
        }
      }
      case "numeric" -> {
        if (!NUMBER.matcher(value("numeric-answer")).matches()) {
          errors.put("numeric-answer", "Enter the right answer as a number, like 11 or 37.5");
        }
        if (!value("numeric-tolerance").isEmpty()
            && (!NUMBER.matcher(value("numeric-tolerance")).matches()
                || value("numeric-tolerance").startsWith("-"))) {
          errors.put("numeric-tolerance", "The tolerance is a number of 0 or more");
        }
      }
      case "shorttext" -> {
        if (lines("shorttext-accepted").isEmpty()) {
          errors.put("shorttext-accepted", "Write at least one accepted answer");
        }
        if (!value("shorttext-pattern").isEmpty()) {
          try {
            Pattern.compile(value("shorttext-pattern"));
          } catch (PatternSyntaxException e) {
            errors.put("shorttext-pattern", "The pattern is not a valid regular expression");
          }
        }
      }
      case "ordering" -> {
        if (lines("ordering-items").size() < 2) {
          errors.put("ordering-items", "Write at least 2 items, in the right order");
        }
      }
      case "matching" -> {
        var pairs = lines("matching-pairs");
        if (pairs.size() < 2) {
          errors.put(
              "matching-pairs", "Write at least 2 pairs, one per line, like Prompt = Answer");
        } else if (pairs.stream()
            .anyMatch(p -> p.indexOf('=') < 1 || p.substring(p.indexOf('=') + 1).isBlank())) {
          errors.put("matching-pairs", "Write each pair as Prompt = Answer");
        }
      }
      default -> {}
    }
    return errors;
  }

  private static String optionText(String line) {
    var text = line.startsWith("*") ? line.substring(1) : line;
    var bar = text.indexOf('|');
    return (bar < 0 ? text : text.substring(0, bar)).strip();
  }

  /** The valid form as the boundary takes it; call only when {@link #errors} is empty. */
  public QuestionDraft draft() {
    var type = value("type");
    JsonObjectBuilder definition = Json.createObjectBuilder();
    switch (type) {
      case "single", "multiple" -> {
        JsonArrayBuilder options = Json.createArrayBuilder();
        var id = 'a';
        for (var line : lines(type + "-options")) {
          var text = line.startsWith("*") ? line.substring(1) : line;
          var bar = text.indexOf('|');
          var option =
              Json.createObjectBuilder()
                  .add("id", String.valueOf(id++))
                  .add("text", (bar < 0 ? text : text.substring(0, bar)).strip())
                  .add("correct", line.startsWith("*"));
          if (bar >= 0 && !text.substring(bar + 1).isBlank()) {
            option.add("feedback", text.substring(bar + 1).strip());
          }
          options.add(option);
        }
        definition.add("options", options);
        if (type.equals("multiple")) {
          definition.add(
              "rule",
              "ALL_OR_NOTHING".equals(value("multiple-rule"))
                  ? "ALL_OR_NOTHING"
                  : "PROPORTIONAL_WITH_PENALTY");
        }
      }
      case "truefalse" -> definition.add("correct", "true".equals(value("truefalse-answer")));
      case "numeric" -> {
        definition.add("correct", value("numeric-answer"));
        definition.add(
            "tolerance", value("numeric-tolerance").isEmpty() ? "0" : value("numeric-tolerance"));
        if (!value("numeric-unit").isEmpty()) {
          definition.add("unit", value("numeric-unit"));
        }
      }
      case "shorttext" -> {
        definition.add("accepted", Json.createArrayBuilder(lines("shorttext-accepted")));
        definition.add("caseSensitive", "yes".equals(value("shorttext-case")));
        if (!value("shorttext-pattern").isEmpty()) {
          definition.add("pattern", value("shorttext-pattern"));
        }
      }
      case "ordering" -> {
        JsonArrayBuilder items = Json.createArrayBuilder();
        var number = 1;
        for (var line : lines("ordering-items")) {
          items.add(Json.createObjectBuilder().add("id", "i" + number++).add("text", line));
        }
        definition.add("items", items);
      }
      case "matching" -> {
        JsonArrayBuilder pairs = Json.createArrayBuilder();
        var number = 1;
        for (var line : lines("matching-pairs")) {
          var equals = line.indexOf('=');
          pairs.add(
              Json.createObjectBuilder()
                  .add("id", "p" + number++)
                  .add("prompt", line.substring(0, equals).strip())
                  .add("answer", line.substring(equals + 1).strip()));
        }
        definition.add("pairs", pairs);
      }
      default -> throw new IllegalStateException(type);
    }
    return new QuestionDraft(
        value("category"),
        type,
        value("prompt"),
        value("feedback").isEmpty() ? null : value("feedback"),
        new BigDecimal(value("points")),
        definition.build().toString());
  }
}

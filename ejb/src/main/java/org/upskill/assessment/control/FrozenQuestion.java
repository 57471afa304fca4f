package org.upskill.assessment.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.upskill.platform.control.Jsonp;

/**
 * A question as frozen into an attempt when it starts: the bank question's text and definition, and
 * the order in which its options (or items, or matching prompts) are shown to this learner.
 *
 * <p>The definition is JSON with the type's parts (the format of {@code demo/quizzes.json}):
 *
 * <ul>
 *   <li>{@code single}/{@code multiple}: {@code options: [{id, text, correct, feedback}]}, and for
 *       multiple a {@code rule} ({@link Question.PartialCredit});
 *   <li>{@code truefalse}: {@code correct}, {@code feedbackTrue}, {@code feedbackFalse};
 *   <li>{@code numeric}: {@code correct}, {@code tolerance}, optional {@code unit};
 *   <li>{@code shorttext}: {@code accepted}, {@code caseSensitive}, optional {@code pattern};
 *   <li>{@code ordering}: {@code items: [{id, text}]} in the right order, {@code rule};
 *   <li>{@code matching}: {@code pairs: [{id, prompt, answer}]}.
 * </ul>
 *
 * Only {@link #options()}, {@link #matchAnswers()} and {@link #unit()} are meant for a page before
 * the review: none of them says which answer is right.
 */
public record FrozenQuestion(
    long questionId,
    String type,
    String prompt,
    String feedback,
    BigDecimal points,
    JsonObject definition,
    List<String> order) {

  public static final String SINGLE = "single";
  public static final String MULTIPLE = "multiple";
  public static final String TRUE_FALSE = "truefalse";
  public static final String NUMERIC = "numeric";
  public static final String SHORT_TEXT = "shorttext";
  public static final String ORDERING = "ordering";
  public static final String MATCHING = "matching";

  public static final Set<String> TYPES =
      Set.of(SINGLE, MULTIPLE, TRUE_FALSE, NUMERIC, SHORT_TEXT, ORDERING, MATCHING);

  /** Something a learner chooses or arranges: an option, an item, or a prompt to match. */
  public record Choice(String id, String text) {}

  public FrozenQuestion {
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("Unknown question type " + type);
    }
    order = List.copyOf(order);
  }

  /**
   * Freezes a bank question for one attempt: options shuffled when {@code shuffleOptions}, ordering
   * items always shuffled (never shown in the right order when there is another), matching prompts
   * shuffled with the options.
   */
  public static FrozenQuestion freeze(
      long questionId,
      String type,
      String prompt,
      String feedback,
      BigDecimal points,
      String definitionJson,
      boolean shuffleOptions,
      Random random) {
    var definition = parse(definitionJson);
    var ids = new ArrayList<String>(idsInDefinition(type, definition));
    if (type.equals(ORDERING)) {
      var right = List.copyOf(ids);
      for (int tries = 0; tries < 10 && ids.equals(right); tries++) {
        Collections.shuffle(ids, random);
      }
    } else if (shuffleOptions) {
      Collections.shuffle(ids, random);
    }
    var frozen = new FrozenQuestion(questionId, type, prompt, feedback, points, definition, ids);
    frozen.grader(); // a broken definition fails when the quiz starts, not when it is graded
    return frozen;
  }

  private static List<String> idsInDefinition(String type, JsonObject definition) {
    return switch (type) {
      case SINGLE, MULTIPLE -> ids(definition, "options");
      case ORDERING -> ids(definition, "items");
      case MATCHING -> ids(definition, "pairs");
      default -> List.of();
    };
  }

  private static List<String> ids(JsonObject definition, String key) {
    return definition.getJsonArray(key).stream()
        .map(v -> v.asJsonObject().getString("id"))
        .toList();
  }

  /** The grading rule, built from the definition. */
  public Question grader() {
    return switch (type) {
      case SINGLE ->
          new Question.SingleChoice(
              Set.copyOf(ids(definition, "options")),
              rightOptions().stream().findFirst().orElse(""));
      case MULTIPLE ->
          new Question.MultipleChoice(
              Set.copyOf(ids(definition, "options")),
              rightOptions(),
              Question.PartialCredit.valueOf(
                  definition.getString("rule", "PROPORTIONAL_WITH_PENALTY")));
      case TRUE_FALSE -> new Question.TrueFalse(definition.getBoolean("correct"));
      case NUMERIC ->
          new Question.Numeric(
              new BigDecimal(definition.getString("correct")),
              new BigDecimal(definition.getString("tolerance", "0")));
      case SHORT_TEXT ->
          new Question.ShortText(
              strings(definition, "accepted"),
              definition.getBoolean("caseSensitive", false),
              definition.getBoolean("exactSpacing", false),
              !definition.containsKey("pattern") || definition.isNull("pattern")
                  ? null
                  : Pattern.compile(definition.getString("pattern")));
      case ORDERING ->
          new Question.Ordering(
              ids(definition, "items"),
              Question.OrderingCredit.valueOf(definition.getString("rule", "ALL_OR_NOTHING")));
      case MATCHING -> {
        Map<String, String> pairs = new HashMap<>();
        definition
            .getJsonArray("pairs")
            .forEach(
                v ->
                    pairs.put(
                        v.asJsonObject().getString("id"), v.asJsonObject().getString("answer")));
        yield new Question.Matching(pairs);
      }
      default -> throw new IllegalStateException(type);
    };
  }

  /**
   * Grades an answer. An ordering answer may come as a sequence, or as a position for each item
   * (the page without JavaScript): positions that are missing or repeated make it wrong.
   */
  public Mark grade(Answer answer) {
    if (type.equals(ORDERING) && answer.sequence().isEmpty() && !answer.matches().isEmpty()) {
      return grader().grade(Answer.sequence(sequenceFromPositions(answer.matches())));
    }
    return grader().grade(answer);
  }

  private String[] sequenceFromPositions(Map<String, String> positions) {
    var items = order.size();
    var sequence = new String[items];
    for (var id : order) {
      var position = positions.get(id);
      int at;
      try {
        at = position == null ? -1 : Integer.parseInt(position.strip()) - 1;
      } catch (NumberFormatException e) {
        at = -1;
      }
      if (at < 0 || at >= items || sequence[at] != null) {
        return new String[] {"(incomplete)"};
      }
      sequence[at] = id;
    }
    return sequence;
  }

  /** What the learner chooses from or arranges, in this attempt's order, without right answers. */
  public List<Choice> options() {
    var key =
        switch (type) {
          case SINGLE, MULTIPLE -> "options";
          case ORDERING -> "items";
          case MATCHING -> "pairs";
          default -> null;
        };
    if (key == null) {
      return List.of();
    }
    Map<String, String> texts = new LinkedHashMap<>();
    definition
        .getJsonArray(key)
        .forEach(
            v -> {
              var o = v.asJsonObject();
              texts.put(o.getString("id"), o.getString(type.equals(MATCHING) ? "prompt" : "text"));
            });
    return order.stream().map(id -> new Choice(id, texts.get(id))).toList();
  }

  /** For matching: the answers to choose from, in alphabetical order (which says nothing). */
  public List<String> matchAnswers() {
    if (!type.equals(MATCHING)) {
      return List.of();
    }
    var answers = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
    definition
        .getJsonArray("pairs")
        .forEach(v -> answers.add(v.asJsonObject().getString("answer")));
    return List.copyOf(answers);
  }

  /** For numeric questions: the unit shown next to the box, or {@code null}. */
  public String unit() {
    return type.equals(NUMERIC) ? definition.getString("unit", null) : null;
  }

  /** The feedback for what the learner chose: per option, or per true/false answer. */
  public List<String> feedbackFor(Answer answer) {
    var result = new ArrayList<String>();
    switch (type) {
      case SINGLE, MULTIPLE ->
          definition
              .getJsonArray("options")
              .forEach(
                  v -> {
                    var o = v.asJsonObject();
                    var text = o.getString("feedback", null);
                    if (answer.choices().contains(o.getString("id")) && text != null) {
                      result.add(text);
                    }
                  });
      case TRUE_FALSE -> {
        if ("true".equalsIgnoreCase(answer.text())) {
          addIfPresent(result, definition.getString("feedbackTrue", null));
        } else if ("false".equalsIgnoreCase(answer.text())) {
          addIfPresent(result, definition.getString("feedbackFalse", null));
        }
      }
      default -> {}
    }
    addIfPresent(result, feedback);
    return result;
  }

  private static void addIfPresent(List<String> list, String text) {
    if (text != null && !text.isBlank()) {
      list.add(text);
    }
  }

  /** The right answer in words, for a review that may show it. */
  public String rightAnswerText() {
    return switch (type) {
      case SINGLE, MULTIPLE ->
          String.join("; ", texts("options", o -> o.getBoolean("correct", false)));
      case TRUE_FALSE -> definition.getBoolean("correct") ? "True" : "False";
      case NUMERIC -> {
        var tolerance = new BigDecimal(definition.getString("tolerance", "0"));
        var unit = unit() == null ? "" : " " + unit();
        yield definition.getString("correct")
            + unit
            + (tolerance.signum() == 0 ? "" : " (± " + tolerance.toPlainString() + ")");
      }
      case SHORT_TEXT -> String.join(" or ", strings(definition, "accepted"));
      case ORDERING -> String.join(" → ", texts("items", o -> true));
      case MATCHING -> {
        var pairs = new ArrayList<String>();
        definition
            .getJsonArray("pairs")
            .forEach(
                v ->
                    pairs.add(
                        v.asJsonObject().getString("prompt")
                            + " → "
                            + v.asJsonObject().getString("answer")));
        yield String.join("; ", pairs);
      }
      default -> "";
    };
  }

  /** The learner's answer in words, for the review. */
  public String responseText(Answer answer) {
    if (answer.isBlank()) {
      return "Not answered";
    }
    return switch (type) {
      case SINGLE, MULTIPLE ->
          String.join(
              "; ",
              options().stream()
                  .filter(c -> answer.choices().contains(c.id()))
                  .map(Choice::text)
                  .toList());
      case TRUE_FALSE -> "true".equalsIgnoreCase(answer.text()) ? "True" : "False";
      case NUMERIC -> answer.text().strip() + (unit() == null ? "" : " " + unit());
      case SHORT_TEXT -> answer.text().strip();
      case ORDERING -> {
        var texts = new HashMap<String, String>();
        options().forEach(c -> texts.put(c.id(), c.text()));
        var sequence =
            answer.sequence().isEmpty()
                ? List.of(sequenceFromPositions(answer.matches()))
                : answer.sequence();
        yield String.join(
            " → ", sequence.stream().map(id -> texts.getOrDefault(id, "(incomplete)")).toList());
      }
      case MATCHING ->
          String.join(
              "; ",
              options().stream()
                  .map(c -> c.text() + " → " + answer.matches().getOrDefault(c.id(), "(none)"))
                  .toList());
      default -> "";
    };
  }

  private List<String> texts(String key, java.util.function.Predicate<JsonObject> which) {
    return definition.getJsonArray(key).stream()
        .map(JsonValue::asJsonObject)
        .filter(which)
        .map(o -> o.getString("text"))
        .toList();
  }

  private Set<String> rightOptions() {
    var right = new TreeSet<String>();
    definition
        .getJsonArray("options")
        .forEach(
            v -> {
              if (v.asJsonObject().getBoolean("correct", false)) {
                right.add(v.asJsonObject().getString("id"));
              }
            });
    return right;
  }

  private static List<String> strings(JsonObject json, String key) {
    var array = json.getJsonArray(key);
    return array == null
        ? List.of()
        : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  static JsonObject parse(String json) {
    try (var reader = Jsonp.reader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /** This frozen question as JSON, for the attempt's layout. */
  public JsonObject toJson() {
    var json =
        Jsonp.objectBuilder()
            .add("q", questionId)
            .add("type", type)
            .add("prompt", prompt)
            .add("points", points)
            .add("def", definition)
            .add("order", Jsonp.arrayBuilder(order));
    if (feedback != null) {
      json.add("feedback", feedback);
    }
    return json.build();
  }

  public static FrozenQuestion fromJson(JsonObject json) {
    return new FrozenQuestion(
        json.getJsonNumber("q").longValue(),
        json.getString("type"),
        json.getString("prompt"),
        json.getString("feedback", null),
        json.getJsonNumber("points").bigDecimalValue(),
        json.getJsonObject("def"),
        strings(json, "order"));
  }
}

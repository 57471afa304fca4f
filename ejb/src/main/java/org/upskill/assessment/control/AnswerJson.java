package org.upskill.assessment.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.upskill.platform.control.Jsonp;

/**
 * Answers as JSON (how responses are stored and how the API takes them), with limits that keep a
 * tampered or hostile answer small: at most 50 choices, items or pairs of 200 characters, and 2,000
 * characters of text.
 */
public final class AnswerJson {

  public static final int MAX_PARTS = 50;
  public static final int MAX_PART_LENGTH = 200;
  public static final int MAX_TEXT_LENGTH = 2000;

  private AnswerJson() {}

  public static String write(Answer answer) {
    var json = Jsonp.objectBuilder();
    if (!answer.choices().isEmpty()) {
      json.add("choices", Jsonp.arrayBuilder(answer.choices().stream().sorted().toList()));
    }
    if (answer.text() != null) {
      json.add("text", answer.text());
    }
    if (!answer.sequence().isEmpty()) {
      json.add("sequence", Jsonp.arrayBuilder(answer.sequence()));
    }
    if (!answer.matches().isEmpty()) {
      var matches = Jsonp.objectBuilder();
      answer.matches().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> matches.add(e.getKey(), e.getValue()));
      json.add("matches", matches);
    }
    return json.build().toString();
  }

  public static Answer read(String json) {
    try (var reader = Jsonp.reader(new StringReader(json))) {
      return read(reader.readObject());
    }
  }

  /**
   * Reads an answer from JSON.
   *
   * @throws IllegalArgumentException when it is not an answer or goes beyond the limits
   */
  public static Answer read(JsonObject json) {
    try {
      var choices = new HashSet<>(strings(json.get("choices")));
      var sequence = strings(json.get("sequence"));
      Map<String, String> matches = new HashMap<>();
      var matchValue = json.get("matches");
      if (matchValue != null && matchValue.getValueType() != JsonValue.ValueType.NULL) {
        matchValue
            .asJsonObject()
            .forEach((k, v) -> matches.put(limit(k), limit(((JsonString) v).getString())));
      }
      var textValue = json.get("text");
      var text =
          textValue == null || textValue.getValueType() == JsonValue.ValueType.NULL
              ? null
              : ((JsonString) textValue).getString();
      return requireWithinLimits(new Answer(choices, text, sequence, matches));
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException(
          "An answer is an object with choices, text, sequence or matches", e);
    }
  }

  /**
   * The answer itself when it keeps to the limits, wherever it came from (JSON or a form).
   *
   * @throws IllegalArgumentException saying which limit it breaks
   */
  public static Answer requireWithinLimits(Answer answer) {
    if (answer.text() != null && answer.text().length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException(
          "An answer's text must be " + MAX_TEXT_LENGTH + " characters or fewer");
    }
    if (answer.choices().size() > MAX_PARTS
        || answer.sequence().size() > MAX_PARTS
        || answer.matches().size() > MAX_PARTS) {
      throw new IllegalArgumentException("An answer has at most " + MAX_PARTS + " parts");
    }
    for (var part : answer.matches().entrySet()) {
      limit(part.getKey());
      limit(part.getValue());
    }
    answer.choices().forEach(AnswerJson::limit);
    answer.sequence().forEach(AnswerJson::limit);
    return answer;
  }

  private static List<String> strings(JsonValue value) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    return value.asJsonArray().stream().map(v -> limit(((JsonString) v).getString())).toList();
  }

  private static String limit(String part) {
    if (part.length() > MAX_PART_LENGTH) {
      throw new IllegalArgumentException(
          "A choice or match must be " + MAX_PART_LENGTH + " characters or fewer");
    }
    return part;
  }
}

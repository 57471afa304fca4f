package org.upskill.assessment.control;

import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.upskill.platform.control.Jsonp;

/** An attempt's frozen questions in order (slot 1 first), stored as one JSON array. */
public record Layout(List<FrozenQuestion> questions) {

  public Layout {
    questions = List.copyOf(questions);
  }

  public String toJson() {
    var array = Jsonp.arrayBuilder();
    questions.forEach(q -> array.add(q.toJson()));
    return array.build().toString();
  }

  public static Layout fromJson(String json) {
    try (var reader = Jsonp.reader(new StringReader(json))) {
      return new Layout(
          reader.readArray().stream()
              .map(JsonValue::asJsonObject)
              .map(FrozenQuestion::fromJson)
              .toList());
    }
  }

  /** The question in slot {@code slot} (from 1). */
  public FrozenQuestion slot(int slot) {
    return questions.get(slot - 1);
  }

  public int size() {
    return questions.size();
  }

  public BigDecimal maxScore() {
    return questions.stream().map(FrozenQuestion::points).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}

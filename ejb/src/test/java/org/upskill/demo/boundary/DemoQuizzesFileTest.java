package org.upskill.demo.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.upskill.assessment.control.Answer;
import org.upskill.assessment.control.FrozenQuestion;

/**
 * Every demo question can be frozen into an attempt, its right answer gets full marks and a wrong
 * one does not; each seed course has a quiz of at least ten questions with feedback.
 */
class DemoQuizzesFileTest {

  static JsonObject quizzes() throws IOException {
    try (var in = DemoContent.class.getClassLoader().getResourceAsStream(DemoContent.QUIZZES);
        var reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }

  /** The right answer to a demo question, built from its definition. */
  static Answer rightAnswer(JsonObject q) {
    return switch (q.getString("type")) {
      case "single", "multiple" ->
          new Answer(
              new HashSet<>(
                  q.getJsonArray("options").stream()
                      .map(JsonValue::asJsonObject)
                      .filter(o -> o.getBoolean("correct"))
                      .map(o -> o.getString("id"))
                      .toList()),
              null,
              List.of(),
              Map.of());
      case "truefalse" -> Answer.text(String.valueOf(q.getBoolean("correct")));
      case "numeric" -> Answer.text(q.getString("correct"));
      case "shorttext" -> Answer.text(q.getJsonArray("accepted").getString(0).toUpperCase());
      case "ordering" ->
          new Answer(
              Set.of(),
              null,
              q.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("id")).toList(),
              Map.of());
      case "matching" -> {
        Map<String, String> pairs = new HashMap<>();
        q.getJsonArray("pairs")
            .forEach(
                v ->
                    pairs.put(
                        v.asJsonObject().getString("id"), v.asJsonObject().getString("answer")));
        yield Answer.matches(pairs);
      }
      default -> throw new IllegalStateException(q.getString("type"));
    };
  }

  @Test
  void everyQuestionFreezesAndItsRightAnswerScoresFullMarks() throws IOException {
    int count = 0;
    for (var bank : quizzes().getJsonArray("banks")) {
      for (var category : bank.asJsonObject().getJsonArray("categories")) {
        for (var value : category.asJsonObject().getJsonArray("questions")) {
          var q = value.asJsonObject();
          var frozen =
              FrozenQuestion.freeze(
                  1,
                  q.getString("type"),
                  q.getString("prompt"),
                  q.getString("feedback"),
                  BigDecimal.ONE,
                  q.toString(),
                  true,
                  new Random(count));
          var key = q.getString("key");
          if (q.getString("type").equals("shorttext") && q.getBoolean("caseSensitive", false)) {
            continue;
          }
          assertTrue(frozen.grade(rightAnswer(q)).isFullyRight(), key + " right answer");
          assertFalse(frozen.grade(Answer.text("zzz-wrong")).isFullyRight(), key + " wrong");
          assertFalse(q.getString("feedback").isBlank(), key + " has feedback");
          count++;
        }
      }
    }
    assertTrue(count >= 30, "questions: " + count);
  }

  @Test
  void eachSeedCourseHasAQuizOfAtLeastTenQuestions() throws IOException {
    Map<String, Integer> questions = new HashMap<>();
    for (var value : quizzes().getJsonArray("quizzes")) {
      var quiz = value.asJsonObject();
      int n =
          quiz.getJsonArray("slots").stream()
              .map(JsonValue::asJsonObject)
              .mapToInt(s -> s.containsKey("draw") ? s.getInt("draw") : 1)
              .sum();
      questions.merge(quiz.getString("course"), n, Integer::sum);
    }
    assertEquals(Set.of("PY-CLIN", "GDPR-DS", "MI-ML"), questions.keySet());
    questions.forEach((course, n) -> assertTrue(n >= 10, course + " has " + n));
  }
}

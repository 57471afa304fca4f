package org.upskill.system.support;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The demo quizzes' questions (ejb/src/main/resources/demo/quizzes.json), found by their prompt, so
 * that a test can answer right or wrong on purpose.
 */
public final class DemoAnswers {

  private static final Map<String, JsonObject> BY_PROMPT = load();

  private DemoAnswers() {}

  private static Map<String, JsonObject> load() {
    var file = TestEnvironment.projectRoot().resolve("ejb/src/main/resources/demo/quizzes.json");
    try (var reader = Json.createReader(Files.newBufferedReader(file))) {
      Map<String, JsonObject> map = new HashMap<>();
      for (var bank : reader.readObject().getJsonArray("banks")) {
        for (var category : bank.asJsonObject().getJsonArray("categories")) {
          for (var q : category.asJsonObject().getJsonArray("questions")) {
            map.put(q.asJsonObject().getString("prompt"), q.asJsonObject());
          }
        }
      }
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The demo question with this prompt. */
  public static JsonObject question(String prompt) {
    var q = BY_PROMPT.get(prompt);
    if (q == null) {
      throw new IllegalArgumentException("No demo question reads: " + prompt);
    }
    return q;
  }

  /** The demo question whose prompt reads like this text on a page (Markdown code marks gone). */
  public static JsonObject questionShown(String visibleText) {
    var wanted = visible(visibleText);
    return BY_PROMPT.entrySet().stream()
        .filter(e -> visible(e.getKey()).equals(wanted))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo question reads: " + visibleText));
  }

  private static String visible(String text) {
    return text.replace("`", "").replaceAll("\\s+", " ").strip();
  }

  /** Every piece of text that only a review may show: right flags' texts aside, all feedback. */
  public static List<String> secrets(JsonObject q) {
    var secrets = new java.util.ArrayList<String>();
    secrets.add(q.getString("feedback"));
    for (var key : List.of("options")) {
      if (q.containsKey(key)) {
        q.getJsonArray(key).forEach(o -> secrets.add(o.asJsonObject().getString("feedback")));
      }
    }
    for (var key : List.of("feedbackTrue", "feedbackFalse")) {
      if (q.containsKey(key)) {
        secrets.add(q.getString(key));
      }
    }
    return secrets;
  }

  /** The right answer as the API takes it. */
  public static JsonObject right(JsonObject q) {
    return switch (q.getString("type")) {
      case "single", "multiple" -> {
        JsonArrayBuilder choices = Json.createArrayBuilder();
        q.getJsonArray("options").stream()
            .map(JsonValue::asJsonObject)
            .filter(o -> o.getBoolean("correct"))
            .forEach(o -> choices.add(o.getString("id")));
        yield Json.createObjectBuilder().add("choices", choices).build();
      }
      case "truefalse" ->
          Json.createObjectBuilder().add("text", String.valueOf(q.getBoolean("correct"))).build();
      case "numeric" -> Json.createObjectBuilder().add("text", q.getString("correct")).build();
      case "shorttext" ->
          Json.createObjectBuilder().add("text", q.getJsonArray("accepted").getString(0)).build();
      case "ordering" -> {
        JsonArrayBuilder sequence = Json.createArrayBuilder();
        q.getJsonArray("items").forEach(i -> sequence.add(i.asJsonObject().getString("id")));
        yield Json.createObjectBuilder().add("sequence", sequence).build();
      }
      case "matching" -> {
        var matches = Json.createObjectBuilder();
        q.getJsonArray("pairs")
            .forEach(
                p ->
                    matches.add(
                        p.asJsonObject().getString("id"), p.asJsonObject().getString("answer")));
        yield Json.createObjectBuilder().add("matches", matches).build();
      }
      default -> throw new IllegalStateException(q.getString("type"));
    };
  }

  /** A wrong answer of the right shape. */
  public static JsonObject wrong(JsonObject q) {
    return switch (q.getString("type")) {
      case "single", "multiple" -> {
        var choice =
            q.getJsonArray("options").stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> !o.getBoolean("correct"))
                .findFirst()
                .orElseThrow()
                .getString("id");
        yield Json.createObjectBuilder()
            .add("choices", Json.createArrayBuilder().add(choice))
            .build();
      }
      case "truefalse" ->
          Json.createObjectBuilder().add("text", String.valueOf(!q.getBoolean("correct"))).build();
      default -> Json.createObjectBuilder().add("text", "-999999 certainly wrong").build();
    };
  }

  /** Answers to every question of an attempt (from its API view): right ones, or wrong ones. */
  public static JsonObject answers(JsonObject attempt, boolean right) {
    var answers = Json.createObjectBuilder();
    for (var value : attempt.getJsonArray("questions")) {
      var view = value.asJsonObject();
      var q = question(view.getString("prompt"));
      answers.add(String.valueOf(view.getInt("slot")), right ? right(q) : wrong(q));
    }
    return answers.build();
  }

  /** Answers every question on the page, right or wrong, with the mouse and keyboard input. */
  public static void answerOnPage(WebDriver browser, boolean right) {
    for (var block : browser.findElements(By.className("upskill-question"))) {
      var slot = block.getAttribute("id").substring("question-".length());
      var q = questionShown(block.findElement(By.className("upskill-prompt")).getText());
      answer(browser, slot, q, right);
    }
  }

  static void answer(WebDriver browser, String slot, JsonObject q, boolean right) {
    var prefix = "q" + slot + "-";
    switch (q.getString("type")) {
      case "single", "multiple" -> {
        for (var option : q.getJsonArray("options")) {
          var o = option.asJsonObject();
          boolean pick = right ? o.getBoolean("correct") : !o.getBoolean("correct");
          if (pick) {
            browser
                .findElement(By.cssSelector("label[for='" + prefix + o.getString("id") + "']"))
                .click();
            if (!right) {
              break;
            }
          }
        }
      }
      case "truefalse" -> {
        var value = right == q.getBoolean("correct") ? "true" : "false";
        browser.findElement(By.cssSelector("label[for='" + prefix + value + "']")).click();
      }
      case "numeric", "shorttext" -> {
        var box = browser.findElement(By.id(prefix + "text"));
        box.clear();
        box.sendKeys(
            right
                ? (q.getString("type").equals("numeric")
                    ? q.getString("correct")
                    : q.getJsonArray("accepted").getString(0))
                : "-12345");
      }
      case "ordering" -> {
        var items = q.getJsonArray("items");
        for (int i = 0; i < items.size(); i++) {
          var position = right ? i + 1 : items.size() - i;
          new Select(browser.findElement(By.id(prefix + items.getJsonObject(i).getString("id"))))
              .selectByValue(String.valueOf(position));
        }
      }
      case "matching" -> {
        var pairs = q.getJsonArray("pairs");
        for (int i = 0; i < pairs.size(); i++) {
          var answer = pairs.getJsonObject(right ? i : (i + 1) % pairs.size()).getString("answer");
          new Select(browser.findElement(By.id(prefix + pairs.getJsonObject(i).getString("id"))))
              .selectByValue(answer);
        }
      }
      default -> throw new IllegalStateException(q.getString("type"));
    }
  }
}

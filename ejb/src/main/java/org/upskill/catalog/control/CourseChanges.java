package org.upskill.catalog.control;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.upskill.platform.control.Jsonp;

/**
 * What changed between two versions of a course, from their publication snapshots (the JSON that
 * {@code CoursePublishing} keeps for every version): the details, modules, lessons (matched by
 * their key, so a moved or renamed lesson is the same lesson) and quizzes, in plain words, with the
 * changed lines of each rewritten lesson.
 *
 * <p>Snapshots written before lessons and quizzes had keys carry their ids; the migration that
 * introduced the keys derived them from the ids ({@code L12}, {@code Q3}), and so does this class.
 */
public final class CourseChanges {

  /** A line of a lesson's Markdown in a difference: {@code '+'} added, {@code '-'} removed. */
  public record Line(char sign, String text) {}

  /** One change: where it is ("Details", "Module 2", "Lesson “…”", "Quiz “…”") and what it is. */
  public record Change(String where, String what, List<Line> lines) {
    Change(String where, String what) {
      this(where, what, List.of());
    }
  }

  /** At most this many changed lines are listed per lesson. */
  static final int MAX_LINES = 200;

  private CourseChanges() {}

  /** The changes from {@code before} to {@code after}, both snapshots as JSON text. */
  public static List<Change> between(String before, String after) {
    return between(parse(before), parse(after));
  }

  /** The changes from {@code before} to {@code after}. */
  public static List<Change> between(JsonObject before, JsonObject after) {
    var changes = new ArrayList<Change>();
    details(before, after, changes);
    modules(before, after, changes);
    lessons(before, after, changes);
    quizzes(before, after, changes);
    return changes;
  }

  private static JsonObject parse(String json) {
    try (var reader = Jsonp.reader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  // ------------------------------------------------------------------------------------ details

  private static final Map<String, String> DETAILS = new LinkedHashMap<>();

  static {
    DETAILS.put("title", "Title");
    DETAILS.put("summary", "Summary");
    DETAILS.put("outcomes", "What you will learn");
    DETAILS.put("level", "Level");
    DETAILS.put("durationMinutes", "Estimated duration (minutes)");
    DETAILS.put("audience", "Audience");
    DETAILS.put("enrolmentMode", "Enrolment");
  }

  private static void details(JsonObject before, JsonObject after, List<Change> changes) {
    DETAILS.forEach(
        (field, label) -> {
          var was = text(before.get(field));
          var now = text(after.get(field));
          if (was != null && now != null && !was.equals(now)) {
            changes.add(
                new Change(
                    "Details",
                    field.equals("summary") || field.equals("outcomes")
                        ? label + " changed."
                        : label + " changed from “" + was + "” to “" + now + "”."));
          }
        });
  }

  // ------------------------------------------------------------------------------------ modules

  private static void modules(JsonObject before, JsonObject after, List<Change> changes) {
    var was = before.getJsonArray("modules");
    var now = after.getJsonArray("modules");
    for (int i = 0; i < Math.max(was.size(), now.size()); i++) {
      var number = i + 1;
      if (i >= was.size()) {
        changes.add(
            new Change(
                "Module " + number, "Added: “" + now.getJsonObject(i).getString("title") + "”."));
      } else if (i >= now.size()) {
        changes.add(
            new Change(
                "Module " + number, "Removed: “" + was.getJsonObject(i).getString("title") + "”."));
      } else {
        var a = was.getJsonObject(i);
        var b = now.getJsonObject(i);
        if (!a.getString("title").equals(b.getString("title"))) {
          changes.add(
              new Change(
                  "Module " + number,
                  "Title changed from “"
                      + a.getString("title")
                      + "” to “"
                      + b.getString("title")
                      + "”."));
        }
        if (!a.getString("summary", "").equals(b.getString("summary", ""))) {
          changes.add(new Change("Module " + number, "Summary changed."));
        }
      }
    }
  }

  // ------------------------------------------------------------------------------------ lessons

  /** A lesson of a snapshot with the module it is in (1-based) and its place there. */
  private record Placed(int module, JsonObject lesson) {}

  private static Map<String, Placed> lessonsByKey(JsonObject snapshot) {
    Map<String, Placed> lessons = new LinkedHashMap<>();
    var modules = snapshot.getJsonArray("modules");
    for (int m = 0; m < modules.size(); m++) {
      for (var value : modules.getJsonObject(m).getJsonArray("lessons")) {
        var lesson = value.asJsonObject();
        lessons.put(key(lesson, "L"), new Placed(m + 1, lesson));
      }
    }
    return lessons;
  }

  private static void lessons(JsonObject before, JsonObject after, List<Change> changes) {
    var was = lessonsByKey(before);
    var now = lessonsByKey(after);
    now.forEach(
        (key, placed) -> {
          var lesson = placed.lesson();
          var where = "Lesson “" + lesson.getString("title") + "”";
          var old = was.get(key);
          if (old == null) {
            changes.add(new Change(where, "Added to module " + placed.module() + "."));
            return;
          }
          var a = old.lesson();
          if (!a.getString("title").equals(lesson.getString("title"))) {
            changes.add(new Change(where, "Renamed from “" + a.getString("title") + "”."));
          }
          if (old.module() != placed.module()
              || a.getInt("position") != lesson.getInt("position")) {
            changes.add(
                new Change(
                    where,
                    "Moved from module "
                        + old.module()
                        + ", place "
                        + a.getInt("position")
                        + " to module "
                        + placed.module()
                        + ", place "
                        + lesson.getInt("position")
                        + "."));
          }
          if (a.getInt("minutes") != lesson.getInt("minutes")) {
            changes.add(
                new Change(
                    where,
                    "Time changed from "
                        + a.getInt("minutes")
                        + " to "
                        + lesson.getInt("minutes")
                        + " minutes."));
          }
          if (a.getBoolean("required") != lesson.getBoolean("required")) {
            changes.add(
                new Change(
                    where,
                    lesson.getBoolean("required")
                        ? "Now required to complete the course."
                        : "No longer required to complete the course."));
          }
          var text = lines(a.getString("markdown"), lesson.getString("markdown"));
          if (!text.isEmpty()) {
            var added = text.stream().filter(l -> l.sign() == '+').count();
            var removed = text.stream().filter(l -> l.sign() == '-').count();
            changes.add(
                new Change(
                    where,
                    "Text changed: "
                        + added
                        + (added == 1 ? " line" : " lines")
                        + " added, "
                        + removed
                        + (removed == 1 ? " line" : " lines")
                        + " removed.",
                    text.size() > MAX_LINES ? text.subList(0, MAX_LINES) : text));
          }
        });
    was.forEach(
        (key, placed) -> {
          if (!now.containsKey(key)) {
            changes.add(
                new Change(
                    "Lesson “" + placed.lesson().getString("title") + "”",
                    "Removed from module " + placed.module() + "."));
          }
        });
  }

  /** The lines removed and added between two texts, in order. */
  static List<Line> lines(String before, String after) {
    if (before.equals(after)) {
      return List.of();
    }
    var was = before.lines().toList();
    var now = after.lines().toList();
    var result = new ArrayList<Line>();
    for (AbstractDelta<String> delta : DiffUtils.diff(was, now).getDeltas()) {
      delta.getSource().getLines().forEach(line -> result.add(new Line('-', line)));
      delta.getTarget().getLines().forEach(line -> result.add(new Line('+', line)));
    }
    return result;
  }

  // ------------------------------------------------------------------------------------ quizzes

  private static final Map<String, String> QUIZ_SETTINGS = new LinkedHashMap<>();

  static {
    QUIZ_SETTINGS.put("timeLimitMinutes", "Time limit (minutes)");
    QUIZ_SETTINGS.put("maxAttempts", "Attempts allowed");
    QUIZ_SETTINGS.put("passPercent", "Pass mark (%)");
    QUIZ_SETTINGS.put("grading", "Grade that counts");
    QUIZ_SETTINGS.put("questions", "Questions");
    QUIZ_SETTINGS.put("module", "Module");
  }

  private static Map<String, JsonObject> quizzesByKey(JsonObject snapshot) {
    Map<String, JsonObject> quizzes = new LinkedHashMap<>();
    var modules = snapshot.getJsonArray("modules");
    for (int m = 0; m < modules.size(); m++) {
      JsonArray list = modules.getJsonObject(m).getJsonArray("quizzes");
      if (list != null) {
        for (var value : list) {
          var quiz = value.asJsonObject();
          quizzes.put(key(quiz, "Q"), Jsonp.objectBuilder(quiz).add("module", m + 1).build());
        }
      }
    }
    return quizzes;
  }

  private static void quizzes(JsonObject before, JsonObject after, List<Change> changes) {
    var was = quizzesByKey(before);
    var now = quizzesByKey(after);
    now.forEach(
        (key, quiz) -> {
          var where = "Quiz “" + quiz.getString("title") + "”";
          var old = was.get(key);
          if (old == null) {
            changes.add(new Change(where, "Added to module " + quiz.getInt("module") + "."));
            return;
          }
          if (!old.getString("title").equals(quiz.getString("title"))) {
            changes.add(new Change(where, "Renamed from “" + old.getString("title") + "”."));
          }
          if (old.getBoolean("required") != quiz.getBoolean("required")) {
            changes.add(
                new Change(
                    where,
                    quiz.getBoolean("required")
                        ? "Now required to complete the course."
                        : "No longer required to complete the course."));
          }
          QUIZ_SETTINGS.forEach(
              (field, label) -> {
                if (old.containsKey(field) && quiz.containsKey(field)) {
                  var a = text(old.get(field));
                  var b = text(quiz.get(field));
                  if (!Objects.equals(a, b)) {
                    changes.add(
                        new Change(
                            where, label + " changed from " + shown(a) + " to " + shown(b) + "."));
                  }
                }
              });
        });
    was.forEach(
        (key, quiz) -> {
          if (!now.containsKey(key)) {
            changes.add(
                new Change(
                    "Quiz “" + quiz.getString("title") + "”",
                    "Removed from module " + quiz.getInt("module") + "."));
          }
        });
  }

  // ------------------------------------------------------------------------------------ helpers

  /** A lesson's or quiz's key; snapshots from before keys existed have only the id. */
  private static String key(JsonObject item, String prefix) {
    if (item.containsKey("key")) {
      return item.getString("key");
    }
    return prefix + item.getJsonNumber("id").longValue();
  }

  private static String text(JsonValue value) {
    if (value == null) {
      return null;
    }
    return switch (value.getValueType()) {
      case STRING -> ((jakarta.json.JsonString) value).getString();
      case NULL -> "";
      default -> value.toString();
    };
  }

  private static String shown(String value) {
    return value == null || value.isEmpty() ? "none" : value;
  }
}

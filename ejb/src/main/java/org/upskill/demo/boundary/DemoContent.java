package org.upskill.demo.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.assessment.entity.BankQuestion;
import org.upskill.assessment.entity.GradingMethod;
import org.upskill.assessment.entity.QuestionCategory;
import org.upskill.assessment.entity.Quiz;
import org.upskill.assessment.entity.ReviewOption;
import org.upskill.catalog.entity.Audience;
import org.upskill.catalog.entity.Course;
import org.upskill.catalog.entity.EnrolmentMode;
import org.upskill.catalog.entity.Level;
import org.upskill.catalog.entity.Pathway;
import org.upskill.catalog.entity.Skill;

/**
 * Loads the demo catalogue (skills, courses with their lessons, career pathways) into an empty
 * database when the application starts.
 *
 * <p>"Empty" means no course exists yet, so the content is loaded once and never twice: a restart,
 * a redeploy or a second node finds the courses and does nothing (a second node racing the first
 * fails on the unique course code and rolls back). Switch it off with {@code
 * UPSKILL_DEMO_CONTENT=false}.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class DemoContent {

  private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
  static final String CATALOGUE = "demo/catalog.json";
  static final String LESSONS = "demo/lessons/";
  static final String QUIZZES = "demo/quizzes.json";

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "upskill.demo-content", defaultValue = "true")
  boolean enabled;

  @PostConstruct
  void loadIntoEmptyDatabase() {
    if (!enabled) {
      LOG.info("Demo content is switched off (UPSKILL_DEMO_CONTENT=false)");
      return;
    }
    var courses = em.createQuery("select count(c) from Course c", Long.class).getSingleResult();
    if (courses > 0) {
      LOG.info(
          () -> "Demo content not loaded: the catalogue already holds " + courses + " course(s)");
    } else {
      var loaded = load(Instant.now());
      LOG.info(() -> "Demo content loaded: " + loaded + " course(s)");
    }
    // Quizzes came later than the catalogue: a database from before them gets them once too.
    var quizzes = em.createQuery("select count(q) from Quiz q", Long.class).getSingleResult();
    if (quizzes == 0) {
      var loaded = loadQuizzes();
      LOG.info(() -> "Demo quizzes loaded: " + loaded);
    }
  }

  /** Persists the demo question banks and quizzes for the demo courses that exist. */
  int loadQuizzes() {
    JsonObject json;
    try (var in = resource(QUIZZES);
        var reader = Json.createReader(in)) {
      json = reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Course> courses = new HashMap<>();
    em.createQuery("select c from Course c", Course.class)
        .getResultList()
        .forEach(c -> courses.put(c.getCode(), c));
    Map<String, QuestionCategory> categories = new HashMap<>();
    Map<String, BankQuestion> questions = new HashMap<>();
    for (var bankValue : json.getJsonArray("banks")) {
      var bank = bankValue.asJsonObject();
      var course = courses.get(bank.getString("course"));
      if (course == null) {
        continue;
      }
      for (var categoryValue : bank.getJsonArray("categories")) {
        var categoryJson = categoryValue.asJsonObject();
        var category = new QuestionCategory(course.getId(), categoryJson.getString("name"));
        em.persist(category);
        em.flush();
        categories.put(course.getCode() + "/" + category.getName(), category);
        for (var questionValue : categoryJson.getJsonArray("questions")) {
          var q = questionValue.asJsonObject();
          var definition = Json.createObjectBuilder(q);
          for (var common : List.of("key", "type", "prompt", "points", "feedback")) {
            definition.remove(common);
          }
          var question =
              new BankQuestion(
                  category.getId(),
                  q.getString("key"),
                  q.getString("type"),
                  q.getString("prompt"),
                  q.getString("feedback", null),
                  q.getJsonNumber("points") == null
                      ? java.math.BigDecimal.ONE
                      : q.getJsonNumber("points").bigDecimalValue(),
                  definition.build().toString());
          em.persist(question);
          questions.put(question.getKey(), question);
        }
      }
    }
    em.flush();
    int loaded = 0;
    for (var quizValue : json.getJsonArray("quizzes")) {
      var q = quizValue.asJsonObject();
      var course = courses.get(q.getString("course"));
      if (course == null) {
        continue;
      }
      var modulePosition = optionalInt(q, "module");
      Long moduleId =
          modulePosition == null ? null : course.getModules().get(modulePosition - 1).getId();
      var quiz =
          new Quiz(course.getId(), moduleId, q.getString("title"), q.getString("intro", null));
      var minutes = optionalInt(q, "timeLimitMinutes");
      quiz.configure(
          minutes == null ? null : java.time.Duration.ofMinutes(minutes),
          null,
          null,
          optionalInt(q, "maxAttempts"),
          q.getJsonNumber("passPercent").bigDecimalValue(),
          GradingMethod.valueOf(q.getString("grading")),
          q.getBoolean("shuffleQuestions", true),
          q.getBoolean("shuffleOptions", true),
          q.getBoolean("onePerPage", false),
          q.getBoolean("required", false),
          reviewOptions(q, "reviewAfterSubmit"),
          reviewOptions(q, "reviewAfterClose"));
      for (var slotValue : q.getJsonArray("slots")) {
        var slot = slotValue.asJsonObject();
        if (slot.containsKey("question")) {
          quiz.addFixedQuestion(
              required(questions, slot.getString("question"), "question").getId());
        } else {
          var category =
              required(categories, course.getCode() + "/" + slot.getString("category"), "category");
          quiz.addRandomDraw(category.getId(), slot.getInt("draw"));
        }
      }
      em.persist(quiz);
      loaded++;
    }
    em.flush();
    return loaded;
  }

  private static java.util.Set<ReviewOption> reviewOptions(JsonObject json, String key) {
    var set = java.util.EnumSet.noneOf(ReviewOption.class);
    strings(json, key).forEach(name -> set.add(ReviewOption.valueOf(name)));
    return set;
  }

  /** Persists the demo catalogue and answers how many courses it held. */
  int load(Instant now) {
    var catalogue = readCatalogue();
    Map<String, Skill> skills = new HashMap<>();
    for (var value : catalogue.getJsonArray("skills")) {
      var json = value.asJsonObject();
      var skill = new Skill(json.getString("code"), json.getString("name"));
      em.persist(skill);
      skills.put(skill.getCode(), skill);
    }
    Map<String, Course> courses = new HashMap<>();
    var courseList = catalogue.getJsonArray("courses");
    for (var value : courseList) {
      var course = course(value.asJsonObject(), skills, now);
      em.persist(course);
      courses.put(course.getCode(), course);
    }
    for (var value : courseList) {
      var json = value.asJsonObject();
      for (var code : strings(json, "prerequisites")) {
        courses.get(json.getString("code")).addPrerequisite(required(courses, code, "course"));
      }
    }
    for (var value : catalogue.getJsonArray("pathways")) {
      var json = value.asJsonObject();
      var pathway =
          new Pathway(
              json.getString("code"),
              json.getString("title"),
              json.getString("summary"),
              json.getString("description"));
      strings(json, "skills").forEach(code -> pathway.addSkill(required(skills, code, "skill")));
      strings(json, "courses")
          .forEach(code -> pathway.addCourse(required(courses, code, "course")));
      em.persist(pathway);
    }
    em.flush();
    return courses.size();
  }

  private Course course(JsonObject json, Map<String, Skill> skills, Instant now) {
    var course =
        new Course(
            json.getString("code"),
            json.getString("title"),
            json.getString("summary"),
            Level.valueOf(json.getString("level").toUpperCase(Locale.ROOT)),
            json.getInt("durationMinutes"),
            Audience.valueOf(json.getString("audience")),
            EnrolmentMode.valueOf(json.getString("enrolmentMode")),
            now);
    course.setOutcomes(strings(json, "outcomes"));
    strings(json, "skills").forEach(code -> course.addSkill(required(skills, code, "skill")));
    course.limitPlaces(optionalInt(json, "capacity"));
    course.renewEvery(optionalInt(json, "renewalMonths"));
    for (var moduleValue : json.getJsonArray("modules")) {
      var moduleJson = moduleValue.asJsonObject();
      var module =
          course.addModule(moduleJson.getString("title"), moduleJson.getString("summary", null));
      for (var lessonValue : moduleJson.getJsonArray("lessons")) {
        var lesson = lessonValue.asJsonObject();
        module.addLesson(
            lesson.getString("title"),
            lessonText(lesson.getString("file")),
            lesson.getInt("minutes"));
      }
    }
    course.publish(now);
    return course;
  }

  private static JsonObject readCatalogue() {
    try (var in = resource(CATALOGUE);
        var reader = Json.createReader(in)) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lessonText(String file) {
    if (file.contains("..")) {
      throw new IllegalArgumentException("Lesson file outside the demo folder: " + file);
    }
    try (var in = resource(LESSONS + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    var in = DemoContent.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("Demo content is missing " + name);
    }
    return in;
  }

  private static List<String> strings(JsonObject json, String key) {
    var array = json.getJsonArray(key);
    return array == null
        ? List.of()
        : array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static Integer optionalInt(JsonObject json, String key) {
    var value = json.get(key);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : json.getInt(key);
  }

  private static <T> T required(Map<String, T> known, String code, String what) {
    var found = known.get(code);
    if (found == null) {
      throw new IllegalStateException("Demo content names an unknown " + what + ": " + code);
    }
    return found;
  }
}

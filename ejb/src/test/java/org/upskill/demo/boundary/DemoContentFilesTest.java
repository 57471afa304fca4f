package org.upskill.demo.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo catalogue is consistent before it ever reaches a database. */
class DemoContentFilesTest {

  private static JsonObject catalogue() throws IOException {
    try (var in = DemoContent.class.getClassLoader().getResourceAsStream(DemoContent.CATALOGUE);
        var reader = Json.createReader(in)) {
      return reader.readObject();
    }
  }

  private static List<String> strings(JsonObject json, String key) {
    return json.getJsonArray(key).getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  @Test
  void theSeedsCoursesArePresentWithAtLeastThreeModules() throws IOException {
    var courses = new HashSet<String>();
    for (var value : catalogue().getJsonArray("courses")) {
      var course = value.asJsonObject();
      courses.add(course.getString("code"));
      if (Set.of("PY-CLIN", "GDPR-DS", "MI-ML").contains(course.getString("code"))) {
        assertTrue(
            course.getJsonArray("modules").size() >= 3,
            course.getString("code") + " has at least three modules");
      }
    }
    assertTrue(courses.containsAll(Set.of("PY-CLIN", "GDPR-DS", "MI-ML")), courses.toString());
  }

  @Test
  void everyLessonFileExistsAndHasRealText() throws IOException {
    for (var value : catalogue().getJsonArray("courses")) {
      for (var module : value.asJsonObject().getJsonArray("modules")) {
        for (var lesson : module.asJsonObject().getJsonArray("lessons")) {
          var file = lesson.asJsonObject().getString("file");
          try (var in =
              DemoContent.class.getClassLoader().getResourceAsStream(DemoContent.LESSONS + file)) {
            assertNotNull(in, "lesson file " + file);
            var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.split("\\s+").length >= 200, file + " is a real lesson, not a stub");
          }
        }
      }
    }
  }

  @Test
  void everyPathwayLeadsThroughKnownCoursesAndSkills() throws IOException {
    var catalogue = catalogue();
    var courses = new HashSet<String>();
    catalogue.getJsonArray("courses").forEach(c -> courses.add(c.asJsonObject().getString("code")));
    var skills = new HashSet<String>();
    catalogue.getJsonArray("skills").forEach(s -> skills.add(s.asJsonObject().getString("code")));
    var pathways = new HashSet<String>();
    for (var value : catalogue.getJsonArray("pathways")) {
      var pathway = value.asJsonObject();
      pathways.add(pathway.getString("code"));
      assertTrue(courses.containsAll(strings(pathway, "courses")), pathway.getString("code"));
      assertTrue(skills.containsAll(strings(pathway, "skills")), pathway.getString("code"));
    }
    assertEquals(
        Set.of(
            "ai-research-scientist",
            "data-scientist",
            "ml-engineer",
            "clinical-informatician",
            "ai-implementation-specialist"),
        pathways,
        "one pathway per role in the seed");
  }
}

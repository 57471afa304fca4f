package org.upskill.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseChangesTest {

  private static String snapshot(String title, String modules) {
    return """
        {"code":"T-1","version":1,"title":"%s","summary":"S","outcomes":["a"],"level":"BEGINNER",
         "durationMinutes":60,"audience":"ALL","enrolmentMode":"SELF","modules":[%s]}"""
        .formatted(title, modules);
  }

  private static String lesson(String key, int position, String title, String markdown) {
    return """
        {"id":1,"key":"%s","position":%d,"title":"%s","minutes":10,"required":true,"markdown":"%s"}"""
        .formatted(key, position, title, markdown);
  }

  private static String module(String title, String lessons, String quizzes) {
    return """
        {"position":1,"title":"%s","summary":"","lessons":[%s],"quizzes":[%s]}"""
        .formatted(title, lessons, quizzes);
  }

  private static List<String> texts(List<CourseChanges.Change> changes) {
    return changes.stream().map(c -> c.where() + ": " + c.what()).toList();
  }

  @Test
  void sameSnapshotHasNoChanges() {
    var s = snapshot("T", module("M", lesson("k1", 1, "L", "one\\ntwo"), ""));
    assertEquals(List.of(), CourseChanges.between(s, s));
  }

  @Test
  void lessonsAreMatchedByKeyThroughRenameAndMove() {
    var before =
        snapshot(
            "T",
            module(
                    "M1",
                    lesson("k1", 1, "Intro", "a\\nb\\nc") + "," + lesson("k2", 2, "Gone", "x"),
                    "")
                + ","
                + module("M2", "", ""));
    var after =
        snapshot(
            "T2",
            module("M1", lesson("k3", 1, "New one", "n"), "")
                + ","
                + module("M2", lesson("k1", 1, "Introduction", "a\\nB\\nc\\nd"), ""));
    var changes = texts(CourseChanges.between(before, after));
    assertTrue(changes.contains("Details: Title changed from “T” to “T2”."), changes::toString);
    assertTrue(changes.contains("Lesson “Introduction”: Renamed from “Intro”."), changes::toString);
    assertTrue(
        changes.contains(
            "Lesson “Introduction”: Moved from module 1, place 1 to module 2, place 1."),
        changes::toString);
    assertTrue(
        changes.contains("Lesson “Introduction”: Text changed: 2 lines added, 1 line removed."),
        changes::toString);
    assertTrue(changes.contains("Lesson “New one”: Added to module 1."), changes::toString);
    assertTrue(changes.contains("Lesson “Gone”: Removed from module 1."), changes::toString);
    var text =
        CourseChanges.between(before, after).stream()
            .filter(c -> c.what().startsWith("Text changed"))
            .findFirst()
            .orElseThrow()
            .lines();
    assertEquals(
        List.of(
            new CourseChanges.Line('-', "b"),
            new CourseChanges.Line('+', "B"),
            new CourseChanges.Line('+', "d")),
        text);
  }

  @Test
  void snapshotsWithoutKeysMatchByTheKeysTheMigrationDerived() {
    var before =
        snapshot(
            "T",
            module(
                "M",
                """
                {"id":12,"position":1,"title":"Old","minutes":10,"required":true,"markdown":"x"}""",
                """
                {"id":3,"title":"Check","required":true}"""));
    var after =
        snapshot(
            "T",
            module(
                "M",
                lesson("L12", 1, "Old", "x"),
                """
                {"id":9,"key":"Q3","title":"Check","required":false,"passPercent":"80"}"""));
    assertEquals(
        List.of("Quiz “Check”: No longer required to complete the course."),
        texts(CourseChanges.between(before, after)));
  }

  @Test
  void quizSettingsAndModulesAreCompared() {
    var quiz =
        """
        {"id":1,"key":"q","title":"Check","required":true,"timeLimitMinutes":"%s","maxAttempts":"",
         "passPercent":"70","grading":"highest","questions":"%s"}""";
    var before = snapshot("T", module("M", "", quiz.formatted("", "3")));
    var after =
        snapshot(
            "T", module("Renamed", "", quiz.formatted("20", "5")) + "," + module("Extra", "", ""));
    assertEquals(
        List.of(
            "Module 1: Title changed from “M” to “Renamed”.",
            "Module 2: Added: “Extra”.",
            "Quiz “Check”: Time limit (minutes) changed from none to 20.",
            "Quiz “Check”: Questions changed from 3 to 5."),
        texts(CourseChanges.between(before, after)));
  }

  @Test
  void aLongRewriteListsAtMostTheLimit() {
    var many = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      many.append("line ").append(i).append("\\n");
    }
    var before = snapshot("T", module("M", lesson("k", 1, "L", "start"), ""));
    var after = snapshot("T", module("M", lesson("k", 1, "L", many.toString()), ""));
    var change = CourseChanges.between(before, after).get(0);
    assertEquals(CourseChanges.MAX_LINES, change.lines().size());
    assertEquals("Text changed: 300 lines added, 1 line removed.", change.what());
  }
}

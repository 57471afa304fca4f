package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;

/**
 * New versions of a published course (issue 5): a trainer starts version 2 as a draft copy while
 * learners go on with version 1, sees what changed, publishes it; a learner who joins then gets
 * version 2, learners already on the course stay on version 1 (and a completion there records
 * version 1) until the trainer moves them, and their progress follows them; a draft version can be
 * discarded; someone who does not own the course can do none of it. axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
class CourseVersionsBrowserIT extends BrowserTest {

  @Override
  protected String screenshotPrefix() {
    return "versions";
  }

  /** Opens lesson {@code number} as the signed-in learner and answers its text. */
  String lessonText(String code, int number) {
    browser.get(url("/courses/" + code + "/lessons/" + number));
    return browser.findElement(By.id("lesson-body")).getText();
  }

  static long lessonId(String code, int version, int module, int position) throws Exception {
    return TestDatabase.number(
        "select l.id from lesson l join course_module m on m.id = l.module_id"
            + " join course c on c.id = m.course_id where c.code = ? and m.course_version = ?"
            + " and m.position = ? and l.position = ?",
        code,
        version,
        module,
        position);
  }

  static String enrolmentOf(String username, String code, String column) throws Exception {
    return TestDatabase.text(
        "select e."
            + column
            + " from enrolment e join person p on p.id = e.person_id"
            + " join course c on c.id = e.course_id where p.username = ? and c.code = ?"
            + " order by e.id desc limit 1",
        username,
        code);
  }

  @Test
  void learnersStayOnTheirVersionUntilMovedAndTheirProgressFollows() throws Exception {
    var people =
        KeycloakUsers.create("cv" + (System.currentTimeMillis() % 1_000_000), 3, "learner");
    for (var person : people) {
      assertEquals(200, QuizApi.onTestServer().me(person.token()).statusCode());
    }
    var early = people.get(0); // on version 1, moved to version 2 later
    var finisher = people.get(1); // completes version 1 while version 2 is written
    var late = people.get(2); // joins after version 2 is published

    // Version 1: one module, two lessons
    signIn("trainer", "/teach");
    var code = Teaching.newCode('V');
    Teaching.createCourse(browser, wait, code, "Versions " + code, "A course that changes.");
    Teaching.addModule(browser, wait, code, "Basics");
    Teaching.addLesson(browser, wait, code, 1, "Consent", "Version one says consent.");
    Teaching.addLesson(browser, wait, code, 1, "Old lesson", "This lesson goes away.");
    // and a quiz (assessment's part of the version): without a question it stops publishing
    var quizV1 = Teaching.addQuiz(browser, wait, code, "Check consent", 1);
    browser.get(url("/teach/" + code + "/publish"));
    assertTrue(
        browser
            .findElement(By.id("publish-problems"))
            .getText()
            .contains("The quiz “Check consent” has no questions."),
        browser.getPageSource());
    browser.get(url("/teach/" + code + "/quizzes/" + quizV1));
    Teaching.addQuestion(
        browser,
        wait,
        "single",
        "Who may read a patient's record?",
        "single-options",
        "* The care team | Yes.\nAnyone in the trust");
    browser.get(url("/teach/" + code + "/publish"));
    assertEquals("1", browser.findElement(By.id("publish-quizzes")).getText());
    Teaching.publish(browser, wait, code);
    var quizKey = TestDatabase.text("select quiz_key from quiz where id = ?", Long.valueOf(quizV1));
    assertTrue(
        TestDatabase.text(
                "select p.content from course_publication p join course c on c.id = p.course_id"
                    + " where c.code = ? and p.version_no = 1",
                code)
            .contains("\"key\":\"" + quizKey + "\""),
        "version 1's snapshot keeps its quiz");

    // Two learners start on version 1; one completes it
    signIn(early.username(), "/my-learning");
    enrol(code);
    completeLesson(code, 1);
    signIn(finisher.username(), "/my-learning");
    enrol(code);
    completeLesson(code, 1);

    // The trainer starts version 2: a draft copy, while learners go on with version 1
    signIn("trainer", "/teach/" + code);
    assertTrue(
        browser.findElement(By.id("published-version")).getText().contains("version 1"),
        "the details page says which version learners study");
    checkPage("01-published");
    browser.findElement(By.id("start-version")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-version-note")));
    assertTrue(browser.findElement(By.id("draft-version-note")).getText().contains("version 2"));
    checkPage("02-draft-modules");

    // A lesson of version 1 cannot be edited any more: only the draft's copy
    var oldFirst = lessonId(code, 1, 1, 1);
    var newFirst = lessonId(code, 2, 1, 1);
    browser.get(url("/teach/" + code + "/lessons/" + oldFirst));
    assertTrue(browser.getTitle().startsWith("Page not found"), browser.getTitle());

    // Rewrite lesson 1, remove lesson 2, add a new one, rename the module
    browser.get(url("/teach/" + code + "/lessons/" + newFirst));
    Teaching.type(browser, "markdown", "Version two says consent, and explains opt-outs.");
    browser.findElement(By.id("save-lesson")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    browser.get(url("/teach/" + code + "/lessons/" + lessonId(code, 2, 1, 2) + "/remove"));
    browser.findElement(By.id("confirm-remove")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    Teaching.addLesson(browser, wait, code, 1, "Opt-outs", "The national data opt-out.");

    // Version 1 is untouched meanwhile: the learner still reads what was published
    signIn(finisher.username(), "/my-learning");
    assertEquals("Version one says consent.", lessonText(code, 1));
    completeLesson(code, 2);
    assertAll(
        () -> assertEquals("COMPLETED", enrolmentOf(finisher.username(), code, "state")),
        () ->
            assertEquals(
                "1",
                TestDatabase.text(
                    "select cc.course_version from course_completion cc"
                        + " join person p on p.id = cc.person_id"
                        + " join course c on c.id = cc.course_id where p.username = ?"
                        + " and c.code = ?",
                    finisher.username(),
                    code)));

    // What changed so far, then publish version 2
    signIn("trainer", "/teach/" + code);
    browser.findElement(By.id("draft-changes")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("changes")));
    var changes = browser.findElement(By.id("changes")).getText();
    assertAll(
        () -> assertTrue(changes.contains("Text changed: 1 line added, 1 line removed."), changes),
        () -> assertTrue(changes.contains("Old lesson"), changes),
        () -> assertTrue(changes.contains("Removed from module 1."), changes),
        () -> assertTrue(changes.contains("Opt-outs"), changes),
        () -> assertTrue(changes.contains("Added to module 1."), changes));
    checkPage("03-what-changed");
    browser.get(url("/teach/" + code + "/publish"));
    assertEquals(
        "Publish version 2 of " + code + "?",
        browser.findElement(By.id("publish-title")).getText());
    checkPage("04-publish-v2");
    Teaching.publish(browser, wait, code, 2);
    assertTrue(browser.findElement(By.id("changes-2")).isDisplayed());

    // A learner who joins now gets version 2
    signIn(late.username(), "/my-learning");
    enrol(code);
    assertEquals("Version two says consent, and explains opt-outs.", lessonText(code, 1));
    assertEquals("The national data opt-out.", lessonText(code, 2));
    assertEquals("2", enrolmentOf(late.username(), code, "course_version"));

    // The learner who started on version 1 stays there, and is told a newer one exists
    signIn(early.username(), "/my-learning");
    browser.get(url("/courses/" + code));
    assertTrue(browser.findElement(By.id("course-version-note")).getText().contains("version 1"));
    checkPage("05-learner-on-v1");
    assertEquals("Version one says consent.", lessonText(code, 1));
    assertEquals("1", enrolmentOf(early.username(), code, "course_version"));

    // Version 2 has its own copy of the quiz (same key); the early learner passed version 1's
    var quizV2 =
        TestDatabase.number(
            "select q.id from quiz q join course c on c.id = q.course_id"
                + " where c.code = ? and q.course_version = 2 and q.quiz_key = ?",
            code,
            quizKey);
    assertNotEquals(Long.parseLong(quizV1), quizV2);
    assertEquals(
        1,
        TestDatabase.update(
            "insert into quiz_grade (quiz_id, person_id, attempts_submitted, grade_percent,"
                + " passed, first_passed_at, updated_at)"
                + " select ?, id, 1, 100, true, now(6), now(6) from person where username = ?",
            Long.parseLong(quizV1),
            early.username()));

    // The trainer moves them; lesson 1 (the same lesson) stays completed, the quiz stays passed
    signIn("trainer", "/teach/" + code);
    assertTrue(
        browser.findElement(By.id("learners-behind")).getText().contains("1 learner is still"));
    browser.findElement(By.id("move-learners-link")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm-move")));
    assertEquals(
        "Move 1 learner to version 2?", browser.findElement(By.id("confirm-title")).getText());
    checkPage("06-move-learners");
    browser.findElement(By.id("confirm-move")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    assertEquals("2", enrolmentOf(early.username(), code, "course_version"));
    assertEquals(0, browser.findElements(By.id("learners-behind")).size());
    assertEquals(
        1,
        TestDatabase.number(
            "select count(*) from quiz_grade g join person p on p.id = g.person_id"
                + " where g.quiz_id = ? and p.username = ? and g.passed = true",
            quizV2,
            early.username()),
        "the grade followed the learner to version 2's quiz");

    signIn(early.username(), "/my-learning");
    browser.get(url("/courses/" + code));
    assertEquals(0, browser.findElements(By.id("course-version-note")).size());
    assertTrue(
        browser.findElement(By.id("course-progress")).getText().contains("1"),
        browser.findElement(By.id("course-progress")).getText());
    assertEquals("Version two says consent, and explains opt-outs.", lessonText(code, 1));
    assertEquals(0, browser.findElements(By.id("complete")).size(), "lesson 1 is still done");
    completeLesson(code, 2);
    assertEquals("COMPLETED", enrolmentOf(early.username(), code, "state"));
    assertEquals(
        "2",
        TestDatabase.text(
            "select cc.course_version from course_completion cc join person p on p.id ="
                + " cc.person_id join course c on c.id = cc.course_id where p.username = ?"
                + " and c.code = ?",
            early.username(),
            code));

    // A third version can be started and discarded; version 2 is untouched
    signIn("trainer", "/teach/" + code);
    browser.findElement(By.id("start-version")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-version-note")));
    browser.get(url("/teach/" + code + "/versions/3/discard"));
    checkPage("07-discard");
    browser.findElement(By.id("confirm-discard")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("start-version")));
    assertAll(
        () ->
            assertEquals(
                0,
                TestDatabase.number(
                    "select count(*) from course_module m join course c on c.id = m.course_id"
                        + " where c.code = ? and m.course_version = 3",
                    code)),
        () ->
            assertEquals(
                0,
                TestDatabase.number(
                    "select count(*) from quiz q join course c on c.id = q.course_id"
                        + " where c.code = ? and q.course_version = 3",
                    code),
                "the discarded version's quiz copy is gone"),
        () ->
            assertEquals(
                2,
                TestDatabase.number(
                    "select count(*) from lesson l join course_module m on m.id = l.module_id"
                        + " join course c on c.id = m.course_id"
                        + " where c.code = ? and m.course_version = 2",
                    code)),
        () ->
            assertEquals(
                "2", TestDatabase.text("select content_version from course where code = ?", code)));

    // Someone who does not own the course can do none of this, by address or by a forged form
    signIn(late.username(), "/my-learning");
    browser.get(url("/teach/" + code + "/versions/2"));
    assertTrue(browser.getTitle().startsWith("You cannot do this"), browser.getTitle());
    browser.get(url("/courses/PY-CLIN/enrol")); // any page with a form and its token
    assertAll(
        () ->
            assertEquals(
                403L, forgedPost("course-version-start", java.util.Map.of("course", code))),
        () ->
            assertEquals(
                403L, forgedPost("course-move-learners", java.util.Map.of("course", code))),
        () ->
            assertEquals(
                403L, forgedPost("course-version-discard", java.util.Map.of("course", code))));
    assertEquals(
        "",
        TestDatabase.text("select coalesce(draft_version, '') from course where code = ?", code));
  }
}

package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.upskill.system.support.Browser;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.DemoAnswers;
import org.upskill.system.support.Eventually;
import org.upskill.system.support.HrApi;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.KeycloakUsers.Learner;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.Tokens;

/**
 * Learners take the demo quizzes in Chromium: pass the practice quiz and see its full review; fail
 * the required GDPR assessment with the keyboard alone, then use up its attempts; let the timer run
 * out; and fail to reach someone else's attempt by address or by a tampered form. Every quiz page
 * is checked with axe-core, and no page before the review carries a right answer or feedback.
 */
@ExtendWith(ArquillianExtension.class)
class QuizBrowserIT extends BrowserTest {

  @Override
  protected String screenshotPrefix() {
    return "quiz";
  }

  /** A new learner enrolled on the courses, signed in, looking at the course page. */
  Learner signedInLearnerOn(String prefix, String... courses) {
    var learner = KeycloakUsers.create(prefix + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    assertEquals(200, QuizApi.onTestServer().me(learner.token()).statusCode());
    var hr = Tokens.forHrDemoClient();
    for (var course : courses) {
      assertEquals(201, HrApi.enrol(hr, learner.email(), course).statusCode());
    }
    signInWithTheLinkOn(courses[0], learner.username());
    return learner;
  }

  /**
   * From a signed-out browser: opens a course's page, signs in with its own Sign in link and waits
   * until Keycloak has sent the browser back to that page.
   */
  void signInWithTheLinkOn(String course, String username) {
    browser.get(url("/courses/" + course));
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlContains("/realms/upskill/protocol/openid-connect/auth"));
    Browser.signInOnKeycloak(browser, username);
    wait.until(ExpectedConditions.urlContains("/courses/" + course));
  }

  /** No right answer and no feedback of the questions on this page is in its HTML. */
  void assertNoSecretsOnPage() {
    var html = browser.getPageSource();
    for (var flag : List.of("\"correct\"", "correct=", "data-correct")) {
      assertFalse(html.contains(flag), "no right-answer flag in the page: " + flag);
    }
    for (var prompt : browser.findElements(By.className("upskill-prompt"))) {
      var q = DemoAnswers.questionShown(prompt.getText());
      for (var secret : DemoAnswers.secrets(q)) {
        var words = secret.replace("`", "");
        assertFalse(
            html.contains(words.substring(0, Math.min(60, words.length()))), "leaked: " + secret);
      }
    }
  }

  /** Answers every question on the page, right or wrong, with the mouse and keyboard input. */
  void answerQuestionsOnPage(boolean right) {
    DemoAnswers.answerOnPage(browser, right);
  }

  void startFromCoursePage(String course) throws Exception {
    browser.get(url("/courses/" + course));
    browser.findElement(By.id("quiz-" + QuizApi.quizOf(course))).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-title")));
  }

  @Test
  void aLearnerPassesThePracticeQuizAndItsReviewShowsEverything() throws Exception {
    signedInLearnerOn("qbpass", "PY-CLIN");
    startFromCoursePage("PY-CLIN");
    checkPage("01-quiz-page");
    browser.findElement(By.id("start-attempt")).click();

    // All questions on one page, with nothing on it that gives the answers away
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
    assertTrue(browser.findElements(By.className("upskill-question")).size() >= 10);
    assertNoSecretsOnPage();
    checkPage("02-attempt");
    var attempt = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/attempts/(\\d+).*", "$1"));
    var questions = browser.findElements(By.className("upskill-question")).size();
    answerQuestionsOnPage(true);

    // Without moving on, the answers reach the server (the page autosaves 5 s after a change; the
    // limit only bounds the wait on a busy machine)
    Eventually.until(
        "every answer autosaved",
        Duration.ofSeconds(60),
        () ->
            TestDatabase.number(
                    "select count(*) from attempt_response where attempt_id = ?", attempt)
                == questions);
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("save-status"), "Answers saved at"));
    browser.findElement(By.id("finish")).click();

    // The summary counts the answers; submitting shows the result
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-title")));
    assertEquals(
        questions,
        browser.findElements(By.cssSelector("#answers .govuk-summary-list__row")).size());
    assertEquals(
        "You have answered " + questions + " of " + questions + " questions.",
        browser.findElement(By.id("answered-count")).getText());
    checkPage("03-summary");
    browser.findElement(By.id("submit-attempt")).click();

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
    assertAll(
        () -> assertEquals("You passed", browser.findElement(By.id("result-title")).getText()),
        () -> assertEquals("100.00%", browser.findElement(By.id("result-percent")).getText()),
        // PY-CLIN's review after submitting: responses, right answers and feedback
        () -> assertFalse(browser.findElements(By.id("right-1")).isEmpty(), "right answers shown"),
        () -> assertFalse(browser.findElements(By.id("feedback-1")).isEmpty(), "feedback shown"),
        () -> assertFalse(browser.findElements(By.id("response-1")).isEmpty(), "responses shown"));
    checkPage("04-review");

    // The course page shows the quiz as passed
    browser.get(url("/courses/PY-CLIN"));
    assertEquals(
        "Passed", browser.findElement(By.id("quiz-state-" + QuizApi.quizOf("PY-CLIN"))).getText());
  }

  @Test
  void withTheKeyboardAloneALearnerFailsTheRequiredQuizThenUsesUpTheAttempts() throws Exception {
    signedInLearnerOn("qbkeys", "GDPR-DS");
    var quiz = QuizApi.quizOf("GDPR-DS");
    browser.get(url("/courses/GDPR-DS/quizzes/" + quiz));
    assertTrue(browser.findElement(By.id("time-limit")).getText().contains("20 minutes"));

    // Keyboard only: Tab to the start button and press Enter
    Browser.tabToId(browser, "start-attempt");
    Browser.press(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
    assertTrue(browser.findElement(By.id("deadline")).getText().contains("Submit by"));
    checkPage("05-one-question-per-page");
    assertEquals(1, browser.findElements(By.className("upskill-question")).size());
    assertNoSecretsOnPage();

    // Answer the first question from the keyboard: Tab into it and choose with Space or typing
    var first =
        browser.findElement(
            By.cssSelector(".upskill-question input:not([type=hidden]), .upskill-question select"));
    Browser.tabTo(browser, "the first answer control", e -> e.equals(first), 40, false);
    if ("text".equals(first.getAttribute("type"))) {
      Browser.press(browser, "-1");
    } else if ("select".equals(first.getTagName())) {
      Browser.press(browser, Keys.ARROW_DOWN);
    } else {
      Browser.press(browser, Keys.SPACE);
    }
    // Then move through every page with "Save and next question", to the end
    var pages = Integer.parseInt(browser.getTitle().replaceAll(".* of (\\d+).*", "$1"));
    for (int page = 1; page < pages; page++) {
      Browser.tabToId(browser, "next");
      Browser.press(browser, Keys.ENTER);
      wait.until(ExpectedConditions.titleContains("question " + (page + 1) + " of"));
    }
    Browser.tabToId(browser, "finish");
    Browser.press(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-title")));
    Browser.tabToId(browser, "submit-attempt");
    Browser.press(browser, Keys.ENTER);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
    assertEquals(
        "You did not pass this time", browser.findElement(By.id("result-title")).getText());
    // GDPR-DS shows responses and feedback after submitting, not the right answers
    assertFalse(browser.findElements(By.id("response-1")).isEmpty(), "responses shown");
    assertTrue(browser.findElements(By.id("right-1")).isEmpty(), "right answers not shown");
    checkPage("06-review-without-answers");

    // Attempts two and three, answered wrongly with the mouse
    for (int attempt = 2; attempt <= 3; attempt++) {
      browser.get(url("/courses/GDPR-DS/quizzes/" + quiz));
      browser.findElement(By.id("start-attempt")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
      answerQuestionsOnPage(false);
      browser.findElement(By.id("go-" + pages)).click();
      wait.until(ExpectedConditions.titleContains("question " + pages + " of"));
      browser.findElement(By.id("finish")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-attempt"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
    }
    browser.get(url("/courses/GDPR-DS/quizzes/" + quiz));
    assertEquals(
        "You have used all 3 of your attempts.",
        browser.findElement(By.id("cannot-start")).getText());
    assertTrue(browser.findElements(By.id("start-attempt")).isEmpty(), "no start button");
    assertEquals(3, browser.findElements(By.cssSelector("#attempts tbody tr")).size());
    checkPage("07-attempts-used-up");
  }

  @Test
  void whenTheTimeRunsOutThePageSubmitsAndTheSavedAnswerCounts() throws Exception {
    signedInLearnerOn("qbtime", "PY-CLIN");
    var quiz = QuizApiIT.timedQuiz(62);
    browser.get(url("/courses/PY-CLIN/quizzes/" + quiz));
    browser.findElement(By.id("start-attempt")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("countdown")));
    assertTrue(browser.findElement(By.id("countdown")).getText().startsWith("Time left:"));
    assertTrue(browser.findElement(By.id("deadline")).getText().contains("Submit by"));
    answerQuestionsOnPage(true);

    // A minute before the end, screen readers hear it from the live region
    var announcer = browser.findElement(By.id("timer-announcer"));
    assertEquals("assertive", announcer.getDomAttribute("aria-live"));
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.textToBePresentInElement(announcer, "1 minute left."));

    // Nobody presses anything: at the deadline the page submits itself
    new WebDriverWait(browser, Duration.ofSeconds(90))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
    assertAll(
        () -> assertEquals("You passed", browser.findElement(By.id("result-title")).getText()),
        () ->
            assertTrue(
                browser
                    .findElement(By.id("submitted-when"))
                    .getText()
                    .contains("when the time ran out"),
                browser.findElement(By.id("submitted-when")).getText()));
    checkPage("08-timed-out");
  }

  @Test
  void someoneElsesAttemptCannotBeOpenedOrChanged() throws Exception {
    var owner = KeycloakUsers.create("qbown" + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    var api = QuizApi.onTestServer();
    api.me(owner.token());
    HrApi.enrol(Tokens.forHrDemoClient(), owner.email(), "PY-CLIN");
    var started = api.start(owner.token(), QuizApi.quizOf("PY-CLIN"));
    var attempt = org.upskill.system.support.Http.json(started).getJsonNumber("id").longValue();

    signedInLearnerOn("qbidor", "PY-CLIN");
    for (var path :
        List.of(
            "/attempts/" + attempt,
            "/attempts/" + attempt + "/summary",
            "/attempts/" + attempt + "/review")) {
      browser.get(url(path));
      assertTrue(browser.getTitle().startsWith("Page not found"), path + ": " + browser.getTitle());
    }

    // A tampered form: the intruder's own valid form, pointed at the owner's attempt
    startFromCoursePage("PY-CLIN");
    browser.findElement(By.id("start-attempt")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
    var status =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "const form = new FormData(document.getElementById('attempt-form'));"
                    + "form.set('attempt', arguments[0]); form.set('sequence', '0');"
                    + "form.set('slots', '1'); form.set('t1', 'shorttext'); form.set('q1', 'tampered');"
                    + "fetch(document.getElementById('attempt-form').action, {method: 'POST',"
                    + " body: new URLSearchParams(form), headers: {'Accept': 'application/json'}})"
                    + ".then(r => done(r.status));",
                String.valueOf(attempt));
    assertEquals(404L, status);
    assertEquals(
        0L,
        TestDatabase.number("select count(*) from attempt_response where attempt_id = ?", attempt),
        "nothing was saved into the owner's attempt");
  }

  @Test
  void anAdminGivesExtraTimeAndAnAttemptAndTheLearnerSeesWhatApplies() throws Exception {
    var learner =
        KeycloakUsers.create("qbacc" + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    var api = QuizApi.onTestServer();
    api.me(learner.token());
    HrApi.enrol(Tokens.forHrDemoClient(), learner.email(), "GDPR-DS");
    var quiz = QuizApi.quizOf("GDPR-DS");

    // The admin opens the quiz's accommodations from the course page
    signInWithTheLinkOn("GDPR-DS", "admin");
    browser.findElement(By.id("accommodations-" + quiz)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accommodation-form")));
    checkPage("09-accommodations");

    // A mistake is explained and what was typed is kept
    browser.findElement(By.id("extraTime")).sendKeys("50");
    browser.findElement(By.id("extraAttempts")).clear();
    browser.findElement(By.id("extraAttempts")).sendKeys("lots");
    browser.findElement(By.id("save-accommodation")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    var summary = browser.findElement(By.id("error-summary")).getText();
    assertTrue(summary.contains("Enter the person"), summary);
    assertTrue(summary.contains("Extra attempts must be a whole number"), summary);
    assertEquals("50", browser.findElement(By.id("extraTime")).getDomProperty("value"));
    assertTrue(browser.getTitle().startsWith("Error:"), browser.getTitle());
    checkPage("10-accommodations-errors");

    browser.findElement(By.id("person")).sendKeys(learner.email());
    browser.findElement(By.id("extraAttempts")).clear();
    browser.findElement(By.id("extraAttempts")).sendKeys("1");
    browser.findElement(By.id("save-accommodation")).click();
    wait.until(
        ExpectedConditions.presenceOfElementLocated(By.id("override-" + learner.username())));
    assertTrue(
        browser.findElement(By.id("override-" + learner.username())).getText().contains("50%"));

    // The learner sees what applies to them: 20 minutes become 30, three attempts become four
    var overview = org.upskill.system.support.Http.json(api.quiz(learner.token(), quiz));
    assertAll(
        () -> assertEquals("PT30M", overview.getString("yourTimeLimit")),
        () -> assertEquals(4, overview.getInt("attemptsAllowed")),
        () -> assertEquals(50, overview.getInt("extraTimePercent")));
    signIn(learner.username(), "/courses/GDPR-DS/quizzes/" + quiz);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accommodations")));
    var applies = browser.findElement(By.id("accommodations")).getText();
    assertTrue(applies.contains("50% extra time on every timed quiz"), applies);
    assertTrue(applies.contains("An extra attempt on this quiz"), applies);
    assertTrue(browser.findElement(By.id("time-limit")).getText().contains("30 minutes for you"));
    checkPage("11-what-applies-to-you");

    // And starting now gives a deadline 30 minutes away
    browser.findElement(By.id("start-attempt")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
    var minutes =
        TestDatabase.number(
            "select timestampdiff(MINUTE, started_at, deadline_at) from quiz_attempt a"
                + " join person p on p.id = a.person_id where p.username = ?",
            learner.username());
    assertEquals(30L, minutes);
  }

  @Test
  void theImagingAssessmentShowsTheScoreOnlyAndItsLastAttemptCounts() throws Exception {
    var learner =
        KeycloakUsers.create("qbimg" + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    QuizApi.onTestServer().me(learner.token());
    // Medical-imaging ML needs approval: given a place approved
    var requested = HrApi.enrol(Tokens.forHrDemoClient(), learner.email(), "MI-ML");
    var enrolment = org.upskill.system.support.Http.json(requested).getJsonNumber("id").longValue();
    try (var connection = TestDatabase.connect();
        var statement =
            connection.prepareStatement(
                "update enrolment set state = 'ENROLLED', enrolled_at = now(6) where id = ?")) {
      statement.setLong(1, enrolment);
      assertEquals(1, statement.executeUpdate());
    }
    signInWithTheLinkOn("MI-ML", learner.username());
    startFromCoursePage("MI-ML");
    assertTrue(
        browser.findElement(By.id("quiz-settings")).getText().contains("Your last attempt counts"));

    // A right first attempt, then a wrong second one: the last one counts
    for (var right : List.of(true, false)) {
      browser.findElement(By.id("start-attempt")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
      assertNoSecretsOnPage();
      answerQuestionsOnPage(right);
      browser.findElement(By.id("finish")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-attempt"))).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
      // Score only: no question, response, right answer or feedback
      assertEquals(
          right ? "You passed" : "You did not pass this time",
          browser.findElement(By.id("result-title")).getText());
      assertTrue(browser.findElements(By.className("upskill-review-question")).isEmpty());
      assertFalse(browser.findElement(By.id("score-only")).getText().isBlank());
      browser.findElement(By.id("back-to-quiz")).click();
      wait.until(ExpectedConditions.presenceOfElementLocated(By.id("quiz-title")));
    }
    checkPage("12-score-only-quiz");
    assertEquals("Not passed yet", browser.findElement(By.id("quiz-result")).getText());
    assertEquals(
        "You have used all 2 of your attempts.",
        browser.findElement(By.id("cannot-start")).getText());
  }
}

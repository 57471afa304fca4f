package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;

/**
 * Bulk enrolment from a CSV file (issue 5): good and bad rows are checked and shown before anything
 * happens, an abandoned check enrols nobody, applying enrols the good rows once (a second apply
 * changes nothing), the report says what happened to every row, and only its uploader sees it. A
 * file of 10,000 rows goes through, with the time each step took printed. axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
class BulkEnrolmentBrowserIT extends BrowserTest {

  @Override
  protected String screenshotPrefix() {
    return "bulk";
  }

  /** Checking or applying a file of 10,000 rows may take longer than the usual wait. */
  WebDriverWait bigFileWait() {
    return new WebDriverWait(browser, Duration.ofSeconds(120));
  }

  /** As the signed-in trainer: a published course with one lesson. */
  String publishedCourse(char letter) {
    var code = Teaching.newCode(letter);
    Teaching.createCourse(browser, wait, code, "Bulk " + code, "For bulk enrolment.");
    Teaching.addModule(browser, wait, code, "Only module");
    Teaching.addLesson(browser, wait, code, 1, "Only lesson", "Read this.");
    Teaching.publish(browser, wait, code);
    return code;
  }

  /** Uploads a file through the page's form (with its progress bar) and waits for the check. */
  void upload(Path file) {
    browser.get(url("/teach/bulk-enrolments"));
    browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
    browser.findElement(By.id("upload")).click();
    bigFileWait()
        .until(
            ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("batch-title")),
                ExpectedConditions.presenceOfElementLocated(By.id("error-summary"))));
    var refused = browser.findElements(By.id("error-summary"));
    assertTrue(refused.isEmpty(), () -> "refused: " + refused.get(0).getText());
  }

  long enrolments(String code) throws Exception {
    return TestDatabase.number(
        "select count(*) from enrolment e join course c on c.id = e.course_id where c.code = ?",
        code);
  }

  String problemOn(int line) {
    return browser.findElement(By.id("line-" + line)).getText();
  }

  @Test
  void goodRowsAreEnrolledOnceAndBadRowsAreExplainedBeforeAnythingHappens() throws Exception {
    var users = KeycloakUsers.create("bk" + (System.currentTimeMillis() % 1_000_000), 3, "learner");
    for (var user : users) {
      assertEquals(200, QuizApi.onTestServer().me(user.token()).statusCode());
    }
    signIn("trainer", "/teach");
    var code = publishedCourse('B');

    // A file that is not CSV with the right columns is refused whole, with the reason
    var wrong = Files.createTempFile("wrong", ".csv");
    Files.writeString(wrong, "name,when\nPriya,today\n");
    browser.get(url("/teach/bulk-enrolments"));
    browser.findElement(By.id("file")).sendKeys(wrong.toAbsolutePath().toString());
    browser.findElement(By.id("upload")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertTrue(
        browser.findElement(By.id("error-summary")).getText().contains("must name the columns"));
    checkPage("01-file-refused");

    var file = Files.createTempFile("enrol", ".csv");
    Files.writeString(
        file,
        "email,staff_number,course,due_date\n"
            + users.get(0).email()
            + ",,"
            + code
            + ",2027-06-30\n"
            + ","
            + users.get(1).staffNumber()
            + ","
            + code.toLowerCase()
            + ",\n"
            + "nobody-"
            + code
            + "@example.org,,"
            + code
            + ",\n"
            + users.get(0).email()
            + ",,PY-CLIN,\n"
            + users.get(0).email()
            + ",,NOPE-1,\n"
            + users.get(0).email()
            + ",,"
            + code
            + ",31/12/2027\n"
            + users.get(0).email().toUpperCase()
            + ",,"
            + code
            + ",\n"
            + users.get(2).email()
            + ",,"
            + code
            + ",\n"
            + "nobody-"
            + code
            + "@example.org,,PY-CLIN,\n");
    upload(file);
    assertAll(
        () -> assertEquals("9", browser.findElement(By.id("batch-rows")).getText()),
        () -> assertEquals("3", browser.findElement(By.id("batch-valid")).getText()),
        () -> assertEquals("6", browser.findElement(By.id("batch-problems")).getText()),
        () -> assertTrue(problemOn(4).contains("Nobody with this email"), problemOn(4)),
        () -> assertTrue(problemOn(5).contains("you do not own it"), problemOn(5)),
        () -> assertTrue(problemOn(6).contains("There is no course NOPE-1"), problemOn(6)),
        () -> assertTrue(problemOn(7).contains("not a date"), problemOn(7)),
        () -> assertTrue(problemOn(8).contains("Repeats line 2"), problemOn(8)),
        // Someone else's course: the same answer for nobody as for a person who exists (line 5)
        () -> assertTrue(problemOn(10).contains("you do not own it"), problemOn(10)));
    checkPage("02-check");
    var batchUrl = browser.getCurrentUrl();

    // Nothing has happened yet: the check enrols nobody, and abandoning it changes nothing
    assertEquals(0, enrolments(code));
    browser.findElement(By.id("abandon")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("upload-form")));
    assertEquals(0, enrolments(code));

    // Applying enrols the three good rows, with the due date
    browser.get(batchUrl);
    browser.findElement(By.id("apply")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    assertEquals("Enrolment file applied", browser.findElement(By.id("batch-title")).getText());
    assertEquals("3", browser.findElement(By.id("batch-valid")).getText());
    checkPage("03-applied");
    assertEquals(3, enrolments(code));
    assertEquals(
        "2027-06-30",
        TestDatabase.text(
            "select e.due_date from enrolment e join person p on p.id = e.person_id"
                + " join course c on c.id = e.course_id where p.email = ? and c.code = ?",
            users.get(0).email(),
            code));

    // The report has every row; a second apply (a replayed form) changes nothing
    var report =
        (String)
            ((JavascriptExecutor) browser)
                .executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                        + "fetch(document.getElementById('batch-report').href)"
                        + ".then(r => r.text()).then(done);");
    assertAll(
        () -> assertTrue(report.startsWith("line,person,course,due_date,problem,outcome"), report),
        () ->
            assertTrue(
                report.contains("2," + users.get(0).email() + "," + code + ",2027-06-30,,enrolled"),
                report),
        () -> assertTrue(report.contains("Repeats line 2"), report),
        () -> assertEquals(10, report.strip().lines().count(), report));
    browser.get(url("/teach/bulk-enrolments")); // a page with a form, for its token
    var replay = forgedPost("bulk-enrol-apply", Map.of("batch", batchUrl.replaceAll(".*/", "")));
    assertTrue(replay < 400, "replayed: " + replay);
    assertEquals(3, enrolments(code));

    // Another trainer cannot see the file or its report
    var other =
        KeycloakUsers.create("bo" + (System.currentTimeMillis() % 1_000_000), 1, "trainer").get(0);
    signIn(other.username(), "/teach");
    browser.get(batchUrl);
    assertTrue(browser.getTitle().startsWith("Page not found"), browser.getTitle());
  }

  @Test
  void aFileOfTenThousandRowsIsCheckedAndAppliedInOneGo() throws Exception {
    signIn("trainer", "/teach");
    var code = publishedCourse('T');
    var tag = code.toLowerCase();
    // 10,000 people who have "signed in" (rows straight into the test database)
    try (var connection = TestDatabase.connect();
        var insert =
            connection.prepareStatement(
                "insert into person (subject, username, display_name, email, first_seen_at,"
                    + " last_seen_at) values (?, ?, ?, ?, current_timestamp(6),"
                    + " current_timestamp(6))")) {
      connection.setAutoCommit(false);
      for (int i = 0; i < 10_000; i++) {
        insert.setString(1, "bulk-" + tag + "-" + i);
        insert.setString(2, "bulk-" + tag + "-" + i);
        insert.setString(3, "Bulk Person " + i);
        insert.setString(4, "bulk-" + tag + "-" + i + "@example.org");
        insert.addBatch();
      }
      insert.executeBatch();
      connection.commit();
    }
    var file = Files.createTempFile("ten-thousand", ".csv");
    var text = new StringBuilder("email,course,due_date\n");
    for (int i = 0; i < 10_000; i++) {
      text.append("bulk-")
          .append(tag)
          .append('-')
          .append(i)
          .append("@example.org,")
          .append(code)
          .append(",2027-12-31\n");
    }
    Files.writeString(file, text);

    var started = System.nanoTime();
    upload(file);
    var checked = System.nanoTime();
    assertEquals("10000", browser.findElement(By.id("batch-valid")).getText());
    browser.findElement(By.id("apply")).click();
    bigFileWait()
        .until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    var applied = System.nanoTime();
    assertEquals(10_000, enrolments(code));
    System.out.printf(
        "BULK ENROLMENT 10,000 rows (%d KB): upload and check %d ms, apply %d ms%n",
        Files.size(file) / 1024, (checked - started) / 1_000_000, (applied - checked) / 1_000_000);
  }
}

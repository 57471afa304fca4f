package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.Browser;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.HrApi;
import org.upskill.system.support.Http;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.Tokens;

/**
 * A trainer decides requests for a place on a course that needs approval: a rejection without a
 * reason shows the GOV.UK error summary and changes nothing; with a reason it is recorded; an
 * approval gives the learner a seat.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalBrowserIT extends BrowserTest {

  @Override
  protected String screenshotPrefix() {
    return "approvals";
  }

  private static long request(String staffNumber) {
    var placed = enrol(staffNumber, "MI-ML");
    assertEquals("requested", placed.state());
    return placed.id();
  }

  @Test
  void aTrainerRejectsWithAReasonAndApproves() throws Exception {
    // Given two requests for a place on Medical-imaging ML (approval needed)
    var tag = "APR-" + (System.currentTimeMillis() % 100_000);
    try (var connection = TestDatabase.connect();
        var statement = connection.createStatement()) {
      for (int i = 0; i < 2; i++) {
        statement.executeUpdate(
            "insert into person (subject, username, display_name, staff_number, first_seen_at,"
                + " last_seen_at) values ('"
                + tag
                + i
                + "', '"
                + tag
                + i
                + "', 'Applicant "
                + tag
                + " "
                + i
                + "', '"
                + tag
                + i
                + "', now(6), now(6))");
      }
    }
    var toReject = request(tag + "0");
    var toApprove = request(tag + "1");

    // When the trainer signs in and opens the approvals page
    signIn("trainer", "/approvals");
    assertTrue(
        browser.findElement(By.id("request-" + toReject)).getText().contains("Applicant " + tag),
        "the request is listed");
    assertEquals("", Browser.accessibilityViolations(browser), "approvals page accessibility");

    // And rejects without a reason
    browser.findElement(By.id("reject-" + toReject)).click();

    // Then the error summary says what to do, and nothing changed
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertTrue(
        browser.findElement(By.id("error-summary")).getText().contains("Enter a reason"),
        "the error summary asks for a reason");
    assertTrue(
        browser.getTitle().startsWith("Error:"),
        "the page title starts with Error: " + browser.getTitle());
    checkPage("error");
    assertEquals(
        "REQUESTED", TestDatabase.text("select state from enrolment where id = ?", toReject));

    // When the reason is longer than the record keeps
    var tooLong = "Too long. ".repeat(101);
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1]",
            browser.findElement(By.id("reason-" + toReject)),
            tooLong);
    var page = browser.findElement(By.tagName("html"));
    browser.findElement(By.id("reject-" + toReject)).click();
    waitUntilReplaced(page);

    // Then the error is beside the field and in the summary, and what was typed is kept
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertTrue(
        browser.findElement(By.id("error-summary")).getText().contains("1000 characters or fewer"),
        browser.findElement(By.id("error-summary")).getText());
    assertTrue(
        browser
            .findElement(By.id("reason-" + toReject + "-error"))
            .getText()
            .contains("1000 characters or fewer"),
        "the message is beside the field");
    assertEquals(
        tooLong,
        browser.findElement(By.id("reason-" + toReject)).getDomProperty("value"),
        "the reason is kept as it was typed");
    checkPage("error-too-long");
    assertEquals(
        "REQUESTED", TestDatabase.text("select state from enrolment where id = ?", toReject));

    // When the trainer gives a reason
    var field = browser.findElement(By.id("reason-" + toReject));
    field.clear();
    field.sendKeys("Please complete Python for clinicians first");
    browser.findElement(By.id("reject-" + toReject)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));

    // And approves the other request
    browser.findElement(By.id("approve-" + toApprove)).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    Browser.screenshot(browser, "approvals");

    // Then the rejection keeps its reason and the approval gave a seat
    assertEquals(
        "REJECTED|Please complete Python for clinicians first",
        TestDatabase.text(
            "select concat(state, '|', decision_reason) from enrolment where id = ?", toReject));
    assertEquals(
        "ENROLLED", TestDatabase.text("select state from enrolment where id = ?", toApprove));
    // ... and both decisions are in the audit log, by whom, about whom, before and after
    assertEquals(
        "enrolment.rejected|REJECTED",
        TestDatabase.text(
            "select concat(a.action, '|', json_value(a.after_value, '$.state'))"
                + " from audit_entry a join enrolment e on e.person_id = a.person_id"
                + " where a.subject_type = 'enrolment' and a.subject_id = ? and e.id = ?"
                + " and a.actor_id is not null",
            String.valueOf(toReject),
            toReject));
    assertEquals(
        "enrolment.approved|REQUESTED|ENROLLED",
        TestDatabase.text(
            "select concat(action, '|', json_value(before_value, '$.state'), '|',"
                + " json_value(after_value, '$.state')) from audit_entry"
                + " where subject_type = 'enrolment' and subject_id = ?",
            String.valueOf(toApprove)));
  }

  @Test
  void aLearnerMovedOffTheWaitlistIsToldOnceOnTheirNextVisit() throws Exception {
    // Given tech has signed in once (so Upskill knows them) and a one-seat course is taken
    signIn("tech", "/my-learning");
    var course = "ONE-" + (System.currentTimeMillis() % 100_000);
    try (var connection = TestDatabase.connect();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "insert into course (code, title, summary, level, duration_minutes, audience,"
              + " enrolment_mode, capacity, status, content_version, created_at, updated_at)"
              + " values ('"
              + course
              + "', 'One seat "
              + course
              + "', 'One seat', 'INTRODUCTORY', 30, 'BOTH', 'SELF', 1, 'PUBLISHED', 1,"
              + " now(6), now(6))");
      statement.executeUpdate(
          "insert into person (subject, username, display_name, staff_number, first_seen_at,"
              + " last_seen_at) values ('"
              + course
              + "', '"
              + course
              + "', 'Seat holder', '"
              + course
              + "', now(6), now(6))");
    }
    var seatHolder = enrol(course, course);
    assertEquals("enrolled", seatHolder.state());
    var tech = enrol("tom.becker@example.org", course);
    assertEquals("waitlisted", tech.state());

    // When the seat holder leaves
    var left = HrApi.withdraw(Tokens.forHrDemoClient(), seatHolder.id());
    assertEquals(204, left.statusCode(), left.body());

    // Then tech is told on their next visit, once
    browser.get(url("/my-learning"));
    assertTrue(
        browser.findElement(By.id("promotion")).getText().contains("One seat " + course),
        "My learning says a place became free");
    assertEquals("", Browser.accessibilityViolations(browser), "My learning with a notice");
    Browser.screenshot(browser, "my-learning-promoted");
    browser.get(url("/my-learning"));
    assertTrue(browser.findElements(By.id("promotion")).isEmpty(), "the notice is shown only once");
  }

  private record Placed(long id, String state) {}

  private static Placed enrol(String person, String course) {
    var response = HrApi.enrol(Tokens.forHrDemoClient(), person, course);
    assertEquals(201, response.statusCode(), response.body());
    var json = Http.json(response);
    return new Placed(json.getJsonNumber("id").longValue(), json.getString("state"));
  }

  @Test
  void signingInFromACoursePageComesBackToIt() {
    var coursePage = url("/courses/GDPR-DS");
    browser.get(coursePage);

    browser.findElement(By.id("sign-in-to-enrol")).click();
    wait.until(ExpectedConditions.urlContains("/realms/upskill/protocol/openid-connect/auth"));
    Browser.signInOnKeycloak(browser, "manager");

    wait.until(ExpectedConditions.urlToBe(coursePage));
    assertTrue(
        browser.findElement(By.id("signed-in-as")).getText().contains("James Clarke"),
        "back on the course page, signed in");
  }

  @Test
  void aLearnerCannotOpenTheApprovalsPage() {
    signIn("learner", "/approvals");

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("problem-title")));
    assertEquals("You cannot do this", browser.findElement(By.id("problem-title")).getText());

    // Nor can a learner post its forms: a postback is answered like the page
    browser.get(url("/profile")); // a page with a form, for its token
    assertEquals(
        403L,
        forgedPostTo(
            "/approvals",
            java.util.Map.of("jakarta.faces.ViewState", "stateless", "approve-1", "Approve")));
  }
}

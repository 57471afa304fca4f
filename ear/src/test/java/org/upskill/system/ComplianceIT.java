package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.Eventually;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * Compliance (issue 8) end to end, on the real server, Keycloak, MariaDB, Chromium and an SMTP
 * server (GreenMail) the test starts: an admin defines a requirement after a form with mistakes;
 * the people it applies to are enrolled when it is due (those known at once, a newcomer at
 * sign-in); a completion makes one compliant in the completing transaction; a manager exempts
 * another; days pass (dates moved back in the database) and the daily run makes one due soon and
 * one overdue and emails them (the overdue notice even to someone who opted out; the reminder only
 * once they opt back in) and the manager a digest; the manager's dashboard (axe-core: 0 violations)
 * shows the share compliant, the trend chart and its table, the forecast, the filtered matrix and
 * its CSV; a manager of another organisation, a learner and a non-admin are refused everywhere; HR
 * systems read the matrix through the API.
 */
@ExtendWith(ArquillianExtension.class)
class ComplianceIT extends BrowserTest {

  static final ZoneId UK = ZoneId.of("Europe/London");
  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  static GreenMail smtp;

  @BeforeAll
  static void startSmtp() {
    smtp = new GreenMail(new ServerSetup(TestEnvironment.smtpPort(), "127.0.0.1", "smtp"));
    smtp.start();
  }

  @AfterAll
  static void stopSmtp() {
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Override
  protected String screenshotPrefix() {
    return "compliance";
  }

  static long personId(String username) throws Exception {
    return TestDatabase.number("select id from person where username = ?", username);
  }

  static String status(String username, long requirement, String column) throws Exception {
    return TestDatabase.text(
        "select coalesce(max(s."
            + column
            + "), 'none') from compliance_status s join person p on p.id = s.person_id"
            + " where p.username = ? and s.requirement_id = ?",
        username,
        requirement);
  }

  /** Messages received so far for one address. */
  static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equalsIgnoreCase(address));
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  /**
   * Makes today's daily compliance run happen again (the test server looks every 2 seconds) and
   * waits until it has sent to these addresses and has ended.
   */
  static void runTheDailyJob(String... expectedRecipients) throws Exception {
    var before = new java.util.HashMap<String, Integer>();
    for (var r : expectedRecipients) {
      before.put(r, mailTo(r).size());
    }
    runAgain();
    Eventually.until(
        "the daily run to send to " + before.keySet(),
        Duration.ofMinutes(2),
        () ->
            dailyRunClaimed()
                && before.entrySet().stream()
                    .allMatch(e -> mailTo(e.getKey()).size() > e.getValue()));
    // Whatever else of the same run, sent after these: the clock claims no run while one is going
    // on, so once a second run of the day is claimed the first has sent everything it was going to
    // (and the second, on the same day and data, has nothing to send that was not sent).
    runAgain();
    Eventually.until("the daily run to end", Duration.ofMinutes(2), ComplianceIT::dailyRunClaimed);
  }

  private static void runAgain() throws Exception {
    TestDatabase.update(
        "update scheduled_job set last_run_on = null where name = 'compliance-daily'");
  }

  private static boolean dailyRunClaimed() throws Exception {
    return TestDatabase.number(
            "select count(*) from scheduled_job where name = 'compliance-daily'"
                + " and last_run_on is not null")
        == 1;
  }

  HttpResponse<String> asSignedIn(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", sessionCookie()).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aRequirementEnrolsRemindsAndShowsItsPeopleToTheirManagerOnly() throws Exception {
    var suffix = System.currentTimeMillis() % 1_000_000;
    var organisation = "Compliance Trust " + suffix;
    var staffGroup = "Theatres " + suffix;
    var people =
        KeycloakUsers.createInOrganisation("cp" + suffix, 3, organisation, staffGroup, "learner");
    var manager =
        KeycloakUsers.createInOrganisation(
                "cm" + suffix, 1, organisation, "Management", "learner", "manager")
            .get(0);
    var first = people.get(0);
    var second = people.get(1);
    var newcomer = people.get(2);
    // Two of them (and their manager) have used Upskill before; the third signs in later
    for (var known : List.of(first, second, manager)) {
      assertEquals(200, QuizApi.onTestServer().me(known.token()).statusCode());
    }

    // A trainer's one-lesson course
    signIn("trainer", "/teach");
    var code = Teaching.newCode('G');
    var title = "Data security " + code;
    Teaching.createCourse(browser, wait, code, title, "Every year.");
    Teaching.addModule(browser, wait, code, "Data security");
    Teaching.addLesson(browser, wait, code, 1, "Keep data safe", "Lock your screen.");
    Teaching.publish(browser, wait, code);

    // The admin's form: mistakes are named and what was typed is kept
    signIn("admin", "/admin/requirements");
    checkPage("01-requirements");
    click(By.id("add-requirement"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("requirement-form")));
    checkPage("02-new-requirement");
    Teaching.type(browser, "course", "NOPE-404");
    browser.findElement(By.cssSelector("label[for='renewal-1']")).click();
    Teaching.type(browser, "anchorDay", "31");
    Teaching.type(browser, "anchorMonth", "4");
    click(By.id("save-requirement"));
    var summary =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.className("govuk-error-summary")));
    assertTrue(summary.getText().contains("Enter a name for the requirement"), summary.getText());
    assertTrue(browser.getTitle().startsWith("Error:"), browser.getTitle());
    assertEquals("NOPE-404", browser.findElement(By.id("course")).getAttribute("value"));
    checkPage("03-requirement-errors");
    var name = "Information governance " + suffix;
    Teaching.type(browser, "name", name);
    Teaching.type(browser, "anchorDay", "29");
    Teaching.type(browser, "anchorMonth", "2");
    var withErrors = browser.findElement(By.tagName("html"));
    click(By.id("save-requirement"));
    waitUntilReplaced(withErrors); // the page before had an error summary too
    summary =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.className("govuk-error-summary")));
    assertTrue(summary.getText().contains("There is no course NOPE-404"), summary.getText());
    Teaching.type(browser, "course", code);
    Teaching.type(browser, "staffGroup", staffGroup);
    browser.findElement(By.cssSelector("label[for='renewal-0']")).click();
    Teaching.type(browser, "months", "12");
    Teaching.type(browser, "graceDays", "14");
    Teaching.type(browser, "newcomerDueDays", "30");
    var saved = clickForNotice("save-requirement");
    assertTrue(saved.contains("2 people were enrolled"), saved);
    var requirement = TestDatabase.number("select id from requirement where name = ?", name);
    var today = LocalDate.now(UK);
    assertAll(
        () -> assertEquals("not_started", status(first.username(), requirement, "status")),
        () -> assertEquals("not_started", status(second.username(), requirement, "status")),
        () ->
            assertEquals(
                today.plusDays(30).toString(), status(first.username(), requirement, "due_date")),
        () -> assertEquals("none", status(manager.username(), requirement, "status")),
        () ->
            assertEquals(
                today.plusDays(30).toString(),
                TestDatabase.text(
                    "select e.due_date from enrolment e join course c on c.id = e.course_id"
                        + " where c.code = ? and e.person_id = ? and e.live = true",
                    code,
                    personId(first.username())),
                "enrolled automatically, due by the requirement's date"));

    // A newcomer is enrolled at their first sign-in
    signIn(newcomer.username(), "/my-learning");
    assertTrue(
        browser.findElement(By.className("upskill-notice")).getText().contains(title),
        browser.findElement(By.className("upskill-notice")).getText());
    assertEquals("not_started", status(newcomer.username(), requirement, "status"));
    // ... who opts out of optional emails on their profile
    browser.get(url("/profile"));
    checkPage("04-profile");
    browser.findElement(By.cssSelector("label[for='opt-out']")).click();
    assertTrue(clickForNotice("save-emails").contains("only the emails about overdue"));

    // Completing the course makes the first compliant at once, valid for 12 months
    signIn(first.username(), "/my-learning");
    completeLesson(code, 1);
    assertAll(
        () -> assertEquals("compliant", status(first.username(), requirement, "status")),
        () ->
            assertEquals(
                today.plusMonths(12).toString(),
                status(first.username(), requirement, "valid_until")));
    browser.get(url("/profile"));
    browser.findElement(By.cssSelector("label[for='opt-out']")).click();
    clickForNotice("save-emails");

    // The manager exempts the second, after being told a reason is needed
    signIn(manager.username(), "/manage/compliance");
    browser.get(url("/manage/compliance/people/" + personId(second.username())));
    checkPage("05-person");
    click(By.id("exempt-" + requirement));
    summary =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.className("govuk-error-summary")));
    assertTrue(summary.getText().contains("Enter why this person is exempt"), summary.getText());
    Teaching.type(browser, "reason-" + requirement, "Holds an equivalent NHS Digital certificate");
    assertTrue(clickForNotice("exempt-" + requirement).contains("Exemption recorded"));
    assertEquals("exempt", status(second.username(), requirement, "status"));

    // Days pass: the first's completion runs out in 5 days, the newcomer's 30 days are over
    var completed = today.plusDays(5).minusMonths(12).atTime(12, 0);
    TestDatabase.update(
        "update course_completion set completed_at = ? where person_id = ?",
        completed,
        personId(first.username()));
    TestDatabase.update(
        "update compliance_status set applies_since = ? where person_id = ?",
        today.minusDays(40),
        personId(newcomer.username()));
    runTheDailyJob(newcomer.email(), manager.email());
    assertAll(
        () -> assertEquals("due_soon", status(first.username(), requirement, "status")),
        () -> assertEquals("overdue", status(newcomer.username(), requirement, "status")),
        () -> assertEquals("exempt", status(second.username(), requirement, "status")));
    var overdue = mailTo(newcomer.email());
    var digest = mailTo(manager.email());
    assertAll(
        () -> assertEquals(1, overdue.size(), "the overdue notice, though they opted out"),
        () -> assertEquals("Overdue: " + name, overdue.get(0).getSubject()),
        () ->
            assertTrue(
                GreenMailUtil.getBody(overdue.get(0)).contains("/courses/" + code),
                GreenMailUtil.getBody(overdue.get(0))),
        () -> assertEquals(1, digest.size()),
        () ->
            assertEquals(
                "Weekly compliance digest for " + organisation + ": 1 overdue, 1 due soon",
                digest.get(0).getSubject()),
        () ->
            assertTrue(
                GreenMailUtil.getBody(digest.get(0)).contains(name + ": 50% compliant"),
                GreenMailUtil.getBody(digest.get(0))),
        () -> assertEquals(0, mailTo(first.email()).size(), "opted out of reminders"),
        () -> assertEquals(0, mailTo(second.email()).size(), "exempt"));
    assertEquals(
        1,
        TestDatabase.number(
            "select count(*) from enrolment e join course c on c.id = e.course_id"
                + " where c.code = ? and e.person_id = ? and e.live = true and e.renews = true",
            code,
            personId(first.username())),
        "due soon: enrolled again to renew");
    // Opted back in: the reminder goes at the next run, and nothing goes twice
    TestDatabase.update(
        "update person set email_opt_out = false where id = ?", personId(first.username()));
    runTheDailyJob(first.email());
    var reminder = mailTo(first.email());
    assertAll(
        () -> assertEquals(1, reminder.size()),
        () -> assertTrue(reminder.get(0).getSubject().endsWith(": " + name)),
        () -> assertTrue(reminder.get(0).getSubject().startsWith("Renew by ")),
        () ->
            assertTrue(
                GreenMailUtil.getBody(reminder.get(0)).contains("(in 5 days)"),
                GreenMailUtil.getBody(reminder.get(0))),
        () -> assertEquals(1, mailTo(newcomer.email()).size(), "not sent twice"),
        () -> assertEquals(1, mailTo(manager.email()).size(), "one digest a week"));
    assertTrue(
        TestDatabase.number(
                "select count(*) from outbox_event where event_type = 'compliance.changed'"
                    + " and aggregate_id = ?",
                String.valueOf(personId(first.username())))
            >= 3,
        "not started → compliant → due soon, each an event");

    // The manager's dashboard
    browser.get(url("/manage/compliance"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary")));
    assertEquals(organisation, browser.findElement(By.id("organisation-name")).getText());
    assertTrue(
        browser.findElement(By.id("summary-" + requirement)).getText().contains("50%"),
        browser.findElement(By.id("summary-" + requirement)).getText());
    assertEquals("1", browser.findElement(By.id("forecast-30")).getText());
    assertTrue(browser.findElement(By.id("trend-table")).getText().contains("Today"));
    wait.until(
        ExpectedConditions.attributeToBe(By.id("trend-chart-container"), "data-drawn", "true"));
    assertEquals(3, browser.findElements(By.cssSelector("#matrix tbody tr")).size());
    checkPage("06-dashboard");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("status")))
        .selectByValue("overdue");
    click(By.id("apply-filters"));
    wait.until(ExpectedConditions.urlContains("status=overdue"));
    var rows = browser.findElements(By.cssSelector("#matrix tbody tr"));
    assertEquals(1, rows.size());
    assertEquals("person-" + personId(newcomer.username()), rows.get(0).getAttribute("id"));
    var csv = asSignedIn("/manage/compliance.csv");
    assertEquals(200, csv.statusCode());
    var lines = csv.body().strip().split("\r?\n");
    assertAll(
        () -> assertTrue(lines[0].startsWith("Name,Staff number,Email"), lines[0]),
        () -> assertEquals(4, lines.length, csv.body()),
        () -> assertTrue(csv.body().contains(",due_soon,"), csv.body()),
        () -> assertTrue(csv.body().contains("Holds an equivalent NHS Digital certificate")));

    // HR systems read the matrix
    var hr = Tokens.forHrDemoClient();
    var encoded = URLEncoder.encode(organisation, StandardCharsets.UTF_8);
    var page = Http.get(url("/api/v1/compliance?organisation=" + encoded + "&limit=2"), hr);
    assertEquals(200, page.statusCode(), page.body());
    var json = Http.json(page);
    assertTrue(json.getBoolean("hasMore"));
    assertTrue(page.headers().firstValue("Link").orElse("").contains("rel=\"next\""));
    var rest =
        Http.json(
            Http.get(
                url(
                    "/api/v1/compliance?organisation="
                        + encoded
                        + "&limit=2&cursor="
                        + json.getString("nextCursor")),
                hr));
    Set<String> statuses = new HashSet<>();
    json.getJsonArray("items").forEach(i -> statuses.add(i.asJsonObject().getString("status")));
    rest.getJsonArray("items").forEach(i -> statuses.add(i.asJsonObject().getString("status")));
    assertEquals(Set.of("due_soon", "exempt", "overdue"), statuses);
    assertFalse(rest.getBoolean("hasMore"));
    // ... and every change of status, in commit order, resuming from a cursor
    var changes =
        Http.json(Http.get(url("/api/v1/compliance/changes?organisation=" + encoded), hr));
    var firstsChanges =
        changes.getJsonArray("items").stream()
            .map(jakarta.json.JsonValue::asJsonObject)
            .filter(c -> c.getString("staffNumber").equals(first.staffNumber()))
            .toList();
    assertEquals(
        List.of("not_started", "compliant", "due_soon"),
        firstsChanges.stream().map(c -> c.getString("status")).toList());
    assertTrue(
        firstsChanges.get(0).getJsonNumber("sequence").longValue()
            < firstsChanges.get(2).getJsonNumber("sequence").longValue());
    var after =
        Http.json(
            Http.get(
                url(
                    "/api/v1/compliance/changes?organisation="
                        + encoded
                        + "&cursor="
                        + changes.getString("nextCursor")),
                hr));
    assertEquals(0, after.getJsonArray("items").size(), "nothing new since");
    var bad = Http.get(url("/api/v1/compliance?status=late"), hr);
    assertEquals(400, bad.statusCode());
    assertEquals(
        "status", Http.json(bad).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(
        404, Http.get(url("/api/v1/compliance?organisation=Nowhere%20Trust"), hr).statusCode());

    // A manager of another organisation sees none of it
    var theirs = personId(first.username());
    var organisationId =
        TestDatabase.number("select id from organisation where name = ?", organisation);
    signIn("manager", "/manage/compliance");
    browser.get(url("/profile")); // a page with a form, whose token the forged posts carry
    assertAll(
        () -> assertEquals(404, asSignedIn("/manage/compliance/people/" + theirs).statusCode()),
        () ->
            assertEquals(
                403, asSignedIn("/manage/compliance?organisation=" + organisationId).statusCode()),
        () ->
            assertEquals(
                403,
                asSignedIn("/manage/compliance.csv?organisation=" + organisationId).statusCode()),
        () ->
            assertFalse(
                asSignedIn("/manage/compliance.csv").body().contains(first.email()),
                "their own CSV has nobody of the other organisation"),
        () ->
            assertEquals(
                404,
                forgedPost(
                    "exemption-end",
                    Map.of(
                        "person",
                        "" + personId(second.username()),
                        "requirement",
                        "" + requirement))),
        () -> assertEquals(403, asSignedIn("/admin/requirements").statusCode()),
        () ->
            assertEquals(
                403,
                forgedPost(
                    "requirement-remove", Map.of("requirement", String.valueOf(requirement)))));
    assertEquals("exempt", status(second.username(), requirement, "status"));
    // ... and a learner sees no compliance at all
    signIn(first.username(), "/my-learning");
    assertAll(
        () -> assertEquals(403, asSignedIn("/manage/compliance").statusCode()),
        () -> assertEquals(403, asSignedIn("/manage/compliance.csv").statusCode()),
        () -> assertEquals(403, asSignedIn("/admin/requirements/" + requirement).statusCode()));

    // A revoked certificate no longer counts: the status is recomputed in the revoking transaction
    var certificate =
        TestDatabase.text(
            "select code from certificate where person_id = ? order by id desc limit 1",
            personId(first.username()));
    signIn("admin", "/admin/certificates");
    browser.get(url("/admin/certificates?code=" + certificate));
    Teaching.type(browser, "reason", "Completed by someone else on their account.");
    assertTrue(clickForNotice("revoke").contains("Certificate revoked"));
    assertAll(
        () -> assertEquals("not_started", status(first.username(), requirement, "status")),
        () -> assertEquals("none", status(first.username(), requirement, "completed_on")));

    // The admin removes the requirement after its confirmation page
    browser.get(url("/admin/requirements/" + requirement + "/remove"));
    checkPage("07-remove-requirement");
    assertTrue(clickForNotice("confirm").contains("removed"));
    assertEquals(
        0, TestDatabase.number("select count(*) from requirement where id = ?", requirement));
  }
}

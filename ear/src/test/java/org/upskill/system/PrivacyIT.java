package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.DemoAnswers;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * Privacy, audit and administration (issue 9), on the real server, Keycloak, MariaDB and Chromium:
 * a learner downloads everything about them and nothing about anyone else; an admin erases them
 * after a confirmation page, and then no table holds their name, email or staff number while their
 * completion, attempts and certificate still count and verify ("holder withheld") and the HR feed
 * says "erased"; retention's dry run changes nothing and its run deletes old answers and erases the
 * inactive; the audit log records it all, and no statement — through any page or straight to the
 * database — changes an entry; admin pages pass axe-core and refuse everyone else.
 */
@ExtendWith(ArquillianExtension.class)
class PrivacyIT extends BrowserTest {

  static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  static final List<String> ADMIN_PAGES =
      List.of(
          "/admin",
          "/admin/people",
          "/admin/organisations",
          "/admin/requirements",
          "/admin/audit",
          "/admin/audit.csv",
          "/admin/retention",
          "/admin/certificates",
          "/admin/webhooks");

  @Override
  protected String screenshotPrefix() {
    return "privacy";
  }

  HttpResponse<byte[]> asSignedIn(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", sessionCookie()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static long personId(String username) throws SQLException {
    return TestDatabase.number("select id from person where username = ?", username);
  }

  /** Every audit entry as it is now: id → its columns. */
  static Map<Long, String> auditRows() throws SQLException {
    var rows = new LinkedHashMap<Long, String>();
    try (var connection = TestDatabase.connect();
        var statement = connection.createStatement();
        var result =
            statement.executeQuery(
                "select id, occurred_at, actor_id, actor_client, action, person_id, subject_type,"
                    + " subject_id, before_value, after_value from audit_entry order by id")) {
      while (result.next()) {
        var line = new StringBuilder();
        for (int i = 2; i <= 10; i++) {
          line.append(result.getString(i)).append('|');
        }
        rows.put(result.getLong(1), line.toString());
      }
    }
    return rows;
  }

  /** Text columns of the whole schema that contain a value: "table.column" of each. */
  static List<String> columnsHolding(String value) throws SQLException {
    var hits = new ArrayList<String>();
    try (var connection = TestDatabase.connect()) {
      var columns = new ArrayList<String[]>();
      try (var statement =
          connection.prepareStatement(
              "select TABLE_NAME, COLUMN_NAME from information_schema.COLUMNS"
                  + " where TABLE_SCHEMA = ? and DATA_TYPE in"
                  + " ('char', 'varchar', 'text', 'mediumtext', 'longtext', 'tinytext')")) {
        statement.setString(1, TestEnvironment.databaseName());
        try (var result = statement.executeQuery()) {
          while (result.next()) {
            columns.add(new String[] {result.getString(1), result.getString(2)});
          }
        }
      }
      for (var c : columns) {
        try (var statement =
            connection.prepareStatement(
                "select count(*) from `" + c[0] + "` where `" + c[1] + "` like ?")) {
          statement.setString(1, "%" + value + "%");
          try (var result = statement.executeQuery()) {
            result.next();
            if (result.getLong(1) > 0) {
              hits.add(c[0] + "." + c[1]);
            }
          }
        }
      }
    }
    return hits;
  }

  static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    var files = new LinkedHashMap<String, byte[]>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  /** Enrols on the demo Python course and submits one attempt of its quiz. */
  static void takeTheQuiz(String hr, KeycloakUsers.Learner learner) throws Exception {
    var api = QuizApi.onTestServer();
    assertEquals(201, api.enrol(hr, learner.staffNumber(), "PY-CLIN").statusCode());
    var token = learner.token();
    var started = api.start(token, QuizApi.quizOf("PY-CLIN"));
    assertEquals(201, started.statusCode(), started.body());
    var attempt = Http.json(started);
    var id = attempt.getJsonNumber("id").longValue();
    assertEquals(200, api.save(token, id, 0, DemoAnswers.answers(attempt, true)).statusCode());
    assertEquals(200, api.submit(token, id, 1).statusCode());
  }

  @Test
  void exportErasureRetentionAndTheAuditLog() throws Exception {
    var before = auditRows();
    var suffix = System.currentTimeMillis() % 1_000_000;
    var organisation = "Privacy Trust " + suffix;
    var alice =
        KeycloakUsers.createNamed("pa" + suffix, "Quennell" + suffix, organisation, "learner");
    var bob =
        KeycloakUsers.createNamed("pb" + suffix, "Ravenscroft" + suffix, organisation, "learner");
    var carol =
        KeycloakUsers.createNamed("pc" + suffix, "Sitwell" + suffix, organisation, "learner");
    var hr = Tokens.forHrDemoClient();
    for (var person : List.of(alice, bob, carol)) {
      assertEquals(200, QuizApi.onTestServer().me(person.token()).statusCode());
    }
    var aliceName = "Test Quennell" + suffix;
    // The HR system enrols Alice with an idempotency key (its stored answer quotes her ids)
    var keyed =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/enrolments")))
                .header("Authorization", "Bearer " + hr)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"person\":\"" + alice.email() + "\",\"course\":\"STATS-CLIN\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(201, keyed.statusCode(), keyed.body());
    takeTheQuiz(hr, alice);
    takeTheQuiz(hr, bob);

    // Alice completes a one-lesson course: a certificate
    signIn("trainer", "/teach");
    var code = Teaching.newCode('P');
    Teaching.createCourse(browser, wait, code, "Privacy basics " + code, "One lesson.");
    Teaching.addModule(browser, wait, code, "Privacy");
    Teaching.addLesson(browser, wait, code, 1, "Your rights", "Ask for your data.");
    Teaching.publish(browser, wait, code);
    signIn(alice.username(), "/my-learning");
    enrol(code);
    completeLesson(code, 1);
    var certificate =
        TestDatabase.text(
            "select code from certificate where person_id = ?", personId(alice.username()));

    // An admin gives her extra time (audited), through the admin console
    signIn("admin", "/admin");
    checkPage("01-admin-home");
    browser.get(url("/admin/people?q=" + alice.username()));
    checkPage("02-admin-people");
    click(By.linkText(aliceName));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("extra-time-form")));
    assertTrue(browser.findElement(By.id("roles")).getText().contains("learner"));
    checkPage("03-admin-person");
    Teaching.type(browser, "percent", "250");
    click(By.id("save-extra-time"));
    var summary =
        wait.until(
            ExpectedConditions.presenceOfElementLocated(By.className("govuk-error-summary")));
    assertTrue(summary.getText().contains("from 0 to 200"), summary.getText());
    assertEquals("250", browser.findElement(By.id("percent")).getAttribute("value"));
    Teaching.type(browser, "percent", "25");
    assertTrue(clickForNotice("save-extra-time").contains("25%"));
    browser.get(url("/admin/organisations"));
    assertTrue(browser.findElement(By.id("organisations")).getText().contains(organisation));
    checkPage("04-admin-organisations");

    // Alice downloads her data: everything about her, nothing about Bob
    signIn(alice.username(), "/profile");
    checkPage("05-profile");
    var zip = asSignedIn("/profile/export.zip");
    assertEquals(200, zip.statusCode());
    assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
    var files = unzip(zip.body());
    var text = new String(files.get("upskill-data.json"), StandardCharsets.UTF_8);
    JsonObject data;
    try (var reader = Json.createReader(new StringReader(text))) {
      data = reader.readObject();
    }
    assertAll(
        () -> assertEquals(alice.email(), data.getJsonObject("profile").getString("email")),
        () -> assertEquals(25, data.getJsonObject("profile").getInt("extraTimePercent")),
        () ->
            assertTrue(
                text.contains("STATS-CLIN") && text.contains("PY-CLIN") && text.contains(code)),
        () -> assertFalse(data.getJsonArray("quizAttempts").isEmpty()),
        () ->
            assertFalse(
                data.getJsonArray("quizAttempts")
                    .getJsonObject(0)
                    .getJsonArray("answers")
                    .isEmpty()),
        () -> assertFalse(data.getJsonArray("lessonProgress").isEmpty()),
        () ->
            assertEquals(
                certificate,
                data.getJsonArray("certificates").getJsonObject(0).getString("verificationCode")),
        () ->
            assertTrue(
                data.getJsonArray("auditEntriesAboutYou").stream()
                    .anyMatch(
                        e ->
                            e.asJsonObject()
                                .getString("action")
                                .equals("accommodation.extra-time"))),
        () ->
            assertTrue(
                files.keySet().stream()
                    .anyMatch(f -> f.startsWith("certificates/") && f.endsWith(".pdf")),
                files.keySet().toString()),
        () -> assertFalse(text.contains(bob.email()), "nothing of Bob"),
        () -> assertFalse(text.contains(bob.staffNumber()), "nothing of Bob"),
        () -> assertFalse(text.contains("Ravenscroft"), "nothing of Bob"));
    // ... and the admin console is not hers
    for (var page : ADMIN_PAGES) {
      assertEquals(403, asSignedIn(page).statusCode(), page);
    }
    // ... nor are its forms (Faces postbacks to their pages), with or without a view state
    var bobsPage = "/admin/people/" + personId(bob.username());
    var forms =
        Map.of(
            bobsPage,
            Map.of(
                "extra-time-form",
                "extra-time-form",
                "percent",
                "50",
                "save-extra-time",
                "Save extra time"),
            bobsPage + "/erase",
            Map.of("confirm-form", "confirm-form", "confirm", "Yes"),
            "/admin/retention",
            Map.of("retention-form", "retention-form", "apply-retention", "Apply"));
    for (var form : forms.entrySet()) {
      assertEquals(403L, forgedPostTo(form.getKey(), form.getValue()), form.getKey());
      var postback = new java.util.HashMap<>(form.getValue());
      postback.put("jakarta.faces.ViewState", "stateless");
      assertEquals(403L, forgedPostTo(form.getKey(), postback), form.getKey() + " (postback)");
    }
    assertEquals(
        0,
        TestDatabase.number(
            "select extra_time_percent from person where username = ?", bob.username()),
        "Bob's extra time is as it was");

    // The admin erases her, after a confirmation page
    var aliceId = personId(alice.username());
    var completions =
        TestDatabase.number("select count(*) from course_completion where person_id = ?", aliceId);
    var responses =
        TestDatabase.number(
            "select count(*) from attempt_response r join quiz_attempt a on a.id = r.attempt_id"
                + " where a.person_id = ?",
            aliceId);
    signIn("admin", "/admin/people");
    browser.get(url("/admin/people/" + aliceId));
    click(By.id("erase"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    assertTrue(browser.getPageSource().contains("Keycloak"), "says the account is Keycloak's");
    checkPage("06-erase-confirm");
    assertTrue(clickForNotice("confirm").contains("Erased"));
    assertTrue(browser.findElement(By.id("erased")).isDisplayed());
    assertAll(
        () -> assertEquals(List.of(), columnsHolding(aliceName), "her name"),
        () -> assertEquals(List.of(), columnsHolding(alice.email()), "her email"),
        () -> assertEquals(List.of(), columnsHolding(alice.staffNumber()), "her staff number"),
        () -> assertFalse(columnsHolding(bob.email()).isEmpty(), "the scan finds what is there"),
        () ->
            assertEquals(
                completions,
                TestDatabase.number(
                    "select count(*) from course_completion where person_id = ?", aliceId)),
        () ->
            assertEquals(
                responses,
                TestDatabase.number(
                    "select count(*) from attempt_response r join quiz_attempt a"
                        + " on a.id = r.attempt_id where a.person_id = ?",
                    aliceId),
                "item analysis keeps her answers, under the pseudonym"),
        () ->
            assertEquals(
                1,
                TestDatabase.number(
                    "select count(*) from outbox_event where event_type = 'person.erased'"
                        + " and aggregate_id = ?",
                    String.valueOf(aliceId))));
    var verification = Http.json(Http.get(url("/api/v1/verifications/" + certificate)));
    assertAll(
        () -> assertEquals("valid", verification.getString("status")),
        () -> assertTrue(verification.getBoolean("holderWithheld")),
        () ->
            assertFalse(
                verification.containsKey("holderName") && !verification.isNull("holderName")));
    var feed =
        Http.json(Http.get(url("/api/v1/completions?person=" + aliceId + "&limit=1000"), hr));
    var types =
        feed.getJsonArray("items").stream().map(i -> i.asJsonObject().getString("type")).toList();
    assertEquals("erased", types.get(types.size() - 1), types.toString());

    // Retention: a dry run changes nothing; applying deletes Bob's old answers, erases Carol
    var bobAttempt =
        TestDatabase.number(
            "select max(id) from quiz_attempt where person_id = ?", personId(bob.username()));
    TestDatabase.update(
        "update quiz_attempt set started_at = ? where id = ?",
        LocalDateTime.now().minusYears(2),
        bobAttempt);
    TestDatabase.update(
        "update person set last_seen_at = ? where id = ?",
        LocalDateTime.now().minusYears(3),
        personId(carol.username()));
    var carolId = personId(carol.username());
    var bobsAnswers =
        TestDatabase.number(
            "select count(*) from attempt_response where attempt_id = ?", bobAttempt);
    assertTrue(bobsAnswers > 0);
    browser.get(url("/admin/retention"));
    checkPage("07-retention");
    assertTrue(
        Long.parseLong(browser.findElement(By.id("dry-run-responses")).getText()) >= bobsAnswers);
    assertTrue(
        browser.findElement(By.id("inactive-people")).getText().contains("Sitwell" + suffix));
    assertEquals(
        bobsAnswers,
        TestDatabase.number(
            "select count(*) from attempt_response where attempt_id = ?", bobAttempt),
        "the dry run deleted nothing");
    assertTrue(clickForNotice("apply-retention").contains("Retention applied"));
    assertAll(
        () ->
            assertEquals(
                0,
                TestDatabase.number(
                    "select count(*) from attempt_response where attempt_id = ?", bobAttempt)),
        () ->
            assertEquals(
                1,
                TestDatabase.number(
                    "select count(*) from quiz_attempt where id = ? and score is not null",
                    bobAttempt),
                "the attempt and its score stay"),
        () ->
            assertEquals(
                1,
                TestDatabase.number(
                    "select count(*) from person where id = ? and erased_at is not null", carolId),
                "inactive for three years: erased"));

    // The audit log: what happened, searchable, exported; earlier entries untouched
    browser.get(url("/admin/audit"));
    assertTrue(browser.findElement(By.id("audit")).getText().contains("retention.applied"));
    browser.get(url("/admin/audit?action=person.erased"));
    checkPage("08-audit");
    assertTrue(browser.findElement(By.id("audit")).getText().contains("Erased person " + aliceId));
    var malformed =
        new String(asSignedIn("/admin/audit?from=yesterday").body(), StandardCharsets.UTF_8);
    assertTrue(
        malformed.contains("govuk-error-summary") && malformed.contains("year-month-day"),
        "a malformed date is named: " + malformed.substring(0, Math.min(3000, malformed.length())));
    var csv =
        new String(
            asSignedIn("/admin/audit.csv?action=accommodation.extra-time").body(),
            StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("Id,When (UTC),Who"), csv);
    assertTrue(csv.contains("extraTimePercent"), csv);
    var after = auditRows();
    before.forEach((id, row) -> assertEquals(row, after.get(id), "audit entry " + id + " changed"));
    for (var action : List.of("accommodation.extra-time", "person.erased", "retention.applied")) {
      assertTrue(after.values().stream().anyMatch(r -> r.contains("|" + action + "|")), action);
    }
    // ... and the database itself refuses to change or remove an entry
    var last = TestDatabase.number("select max(id) from audit_entry");
    var update =
        assertThrows(
            SQLException.class,
            () ->
                TestDatabase.update("update audit_entry set action = 'forged' where id = ?", last));
    assertTrue(update.getMessage().contains("append-only"), update.getMessage());
    assertThrows(
        SQLException.class,
        () -> TestDatabase.update("delete from audit_entry where id = ?", last));
    assertEquals(after.get(last), auditRows().get(last));

    // The privacy notice and the accessibility statement, for everyone
    signOut();
    for (var page : List.of("/privacy", "/accessibility")) {
      browser.get(url(page));
      checkPage("09" + page.replace('/', '-'));
    }
    browser.get(url("/"));
    assertTrue(browser.findElement(By.id("footer-privacy")).isDisplayed());
  }
}

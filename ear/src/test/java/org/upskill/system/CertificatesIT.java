package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.upskill.system.support.ApiContract;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.Eventually;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;

/**
 * Certificates (issue 6): issued with the completion; the PDF says the right things and its QR code
 * opens the verification page; the signed Open Badge verifies with the published key and fails when
 * one character changes; a stranger verifies a code in the browser and through the API (valid,
 * expired, revoked, unknown); the clock expires certificates past their date; an admin revokes one
 * with a reason; a renewal supersedes the old certificate; 30 unknown codes in a minute from one
 * client are refused with 429 and Retry-After. axe-core on every page.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CertificatesIT extends BrowserTest {

  static final HttpClient CLIENT = HttpClient.newHttpClient();

  @Override
  protected String screenshotPrefix() {
    return "certificates";
  }

  /** As the trainer: a published course of one lesson whose certificates last 12 months. */
  String renewableCourse() {
    signIn("trainer", "/teach");
    var code = Teaching.newCode('C');
    Teaching.createCourse(browser, wait, code, "Information governance " + code, "Annual.");
    Teaching.type(browser, "renewalMonths", "12");
    browser.findElement(By.id("save-course")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.className("upskill-notice")));
    Teaching.addModule(browser, wait, code, "Data security");
    Teaching.addLesson(browser, wait, code, 1, "Keep data safe", "Lock your screen.");
    Teaching.publish(browser, wait, code);
    return code;
  }

  /** A new learner who completes the course; answers their username. */
  KeycloakUsers.Learner completes(String code, String prefix) {
    var learner =
        KeycloakUsers.create(prefix + (System.currentTimeMillis() % 1_000_000), 1, "learner")
            .get(0);
    signIn(learner.username(), "/my-learning");
    enrol(code);
    completeLesson(code, 1);
    return learner;
  }

  static String certificateOf(String username, String code, String column) throws Exception {
    return TestDatabase.text(
        "select c."
            + column
            + " from certificate c join person p on p.id = c.person_id where p.username = ?"
            + " and c.course_code = ? order by c.id desc limit 1",
        username,
        code);
  }

  static long events(String type, String certificateId) throws Exception {
    return TestDatabase.number(
        "select count(*) from outbox_event where event_type = ? and aggregate_type = 'certificate'"
            + " and aggregate_id = ?",
        type,
        certificateId);
  }

  HttpResponse<byte[]> download(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url(path))).header("Cookie", sessionCookie()).build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<String> verifyApi(String code) {
    return ApiContract.checked(Http.get(url("/api/v1/verifications/" + code)));
  }

  static HttpResponse<String> postCredential(String token) throws Exception {
    return ApiContract.checked(
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url("/api/v1/credentials/verify")))
                .header("Content-Type", "application/jwt")
                .POST(HttpRequest.BodyPublishers.ofString(token))
                .build(),
            HttpResponse.BodyHandlers.ofString()));
  }

  @Test
  @Order(1)
  void issuedOnCompletionDownloadedAndVerifiedByAStranger() throws Exception {
    var code = renewableCourse();
    var learner = completes(code, "ca");

    // Issued in the completion's transaction, with the version completed and a 12-month expiry
    var id = certificateOf(learner.username(), code, "id");
    var verification = certificateOf(learner.username(), code, "code");
    assertAll(
        () -> assertEquals("VALID", certificateOf(learner.username(), code, "state")),
        () -> assertEquals("1", certificateOf(learner.username(), code, "course_version")),
        () -> assertEquals(16, verification.length()),
        () -> assertEquals(1, events("certificate.issued", id)),
        () ->
            assertEquals(
                TestDatabase.text(
                    "select cc.id from course_completion cc join person p on p.id = cc.person_id"
                        + " join course c on c.id = cc.course_id where p.username = ?"
                        + " and c.code = ?",
                    learner.username(),
                    code),
                certificateOf(learner.username(), code, "completion_id")));

    // My certificates: the certificate, when it expires, the downloads
    browser.get(url("/my-certificates"));
    var row = browser.findElement(By.id("certificate-" + id));
    assertTrue(row.getText().contains("Information governance " + code), row.getText());
    var validUntil = LocalDate.now(ZoneId.of("Europe/London")).plusMonths(12);
    assertTrue(
        browser.findElement(By.id("remaining-" + id)).getText().startsWith("Expires in 36"),
        browser.findElement(By.id("remaining-" + id)).getText());
    checkPage("01-my-certificates");

    // The PDF: the right words, fonts embedded, and a QR code that opens the verification page
    var pdf = download("/certificates/" + id + ".pdf");
    assertEquals(200, pdf.statusCode());
    assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
    var verifyUrl = url("/verify/" + verification);
    try (var document = Loader.loadPDF(pdf.body())) {
      var text = new PDFTextStripper().getText(document);
      var display =
          verification.substring(0, 4)
              + "-"
              + verification.substring(4, 8)
              + "-"
              + verification.substring(8, 12)
              + "-"
              + verification.substring(12);
      assertAll(
          () -> assertTrue(text.contains("Test Learner 1"), text),
          () -> assertTrue(text.contains("Information governance " + code), text),
          () -> assertTrue(text.contains("Course version 1, completed on"), text),
          () -> assertTrue(text.contains("Valid until " + format(validUntil)), text),
          () -> assertTrue(text.contains(display), text),
          () -> assertTrue(text.contains("Upskill"), text));
      var image = new PDFRenderer(document).renderImageWithDPI(0, 150);
      var qr =
          new QRCodeReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
      assertEquals(verifyUrl, qr.getText());
    }

    // The signed credential verifies with the published key, and not once a character changes
    var jwt = new String(download("/certificates/" + id + ".jwt").body()).strip();
    var jwks = JWKSet.parse(Http.get(url("/api/v1/issuer/jwks.json")).body());
    var jws = JWSObject.parse(jwt);
    var key = jwks.getKeyByKeyId(jws.getHeader().getKeyID()).toRSAKey();
    assertTrue(jws.verify(new RSASSAVerifier(key)), "signature with the published key");
    assertTrue(jws.getPayload().toString().contains("\"OpenBadgeCredential\""));
    var chars = jwt.toCharArray();
    var at = jwt.indexOf('.') + 20;
    chars[at] = chars[at] == 'A' ? 'B' : 'A';
    var tampered = new String(chars);
    assertFalse(JWSObject.parse(tampered).verify(new RSASSAVerifier(key)), "tampered");
    var checked = Http.json(postCredential(jwt));
    assertAll(
        () -> assertTrue(checked.getBoolean("valid"), checked.toString()),
        () -> assertEquals("valid", checked.getString("status")),
        () -> assertEquals(verification, checked.getString("verificationCode")));
    var refused = Http.json(postCredential(tampered));
    assertFalse(refused.getBoolean("signatureValid"), refused.toString());
    assertFalse(refused.getBoolean("valid"));
    // Another learner cannot download it: it does not exist for them
    var other = KeycloakUsers.create("cx" + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    signIn(other.username(), "/my-certificates");
    assertEquals(404, download("/certificates/" + id + ".pdf").statusCode());
    assertEquals(404, download("/certificates/" + id + ".jwt").statusCode());
    assertTrue(browser.findElement(By.id("no-certificates")).isDisplayed());

    // A stranger scans the QR code: valid, with the holder, course and dates, nothing more
    signOut();
    browser.get(verifyUrl);
    assertAll(
        () ->
            assertEquals(
                "Valid certificate", browser.findElement(By.id("result-status")).getText()),
        () -> assertEquals("Test Learner 1", browser.findElement(By.id("holder")).getText()),
        () -> assertEquals(format(validUntil), browser.findElement(By.id("valid-until")).getText()),
        () -> assertFalse(browser.getPageSource().contains(learner.email())),
        () -> assertFalse(browser.getPageSource().contains(learner.staffNumber())));
    checkPage("02-stranger-valid");
    // …and types a wrong code
    Teaching.type(browser, "code", "7KQ2-M9XD-4HTA-0PZE");
    browser.findElement(By.id("check")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertTrue(browser.getTitle().startsWith("Not found"), browser.getTitle());
    checkPage("03-stranger-unknown");
    // (typed in lower case with spaces, a real code is still found)
    Teaching.type(browser, "code", verification.toLowerCase().replaceAll("(.{4})", "$1 "));
    browser.findElement(By.id("check")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("holder")));

    // The API says the same, with nothing personal beyond the name
    var api = verifyApi(verification);
    assertEquals(200, api.statusCode());
    var body = Http.json(api);
    assertAll(
        () -> assertEquals("valid", body.getString("status")),
        () -> assertEquals("Test Learner 1", body.getString("holderName")),
        () -> assertEquals(validUntil.toString(), body.getString("validUntil")),
        () -> assertFalse(api.body().contains(learner.email())),
        () -> assertFalse(api.body().contains("@")));
    var unknown = verifyApi("0000-0000-0000-0000");
    assertEquals(404, unknown.statusCode());
    assertTrue(
        unknown
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
  }

  @Test
  @Order(2)
  void expiredRevokedAndRenewed() throws Exception {
    var code = renewableCourse();
    var expiring = completes(code, "ce");
    var revoked = completes(code, "cr");
    var renewing = completes(code, "cn");

    // Expiry: once its date has passed verification says expired at once, and the clock marks it
    // expired with an event
    var expiringId = certificateOf(expiring.username(), code, "id");
    TestDatabase.update(
        "update certificate set expires_at = ? where id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)),
        Long.parseLong(expiringId));
    assertEquals(
        "expired",
        Http.json(verifyApi(certificateOf(expiring.username(), code, "code"))).getString("status"));
    // the test server's certificate clock runs every 2 s
    Eventually.until(
        "the clock to mark the certificate expired",
        Duration.ofMinutes(2),
        () -> "EXPIRED".equals(certificateOf(expiring.username(), code, "state")));
    assertEquals(1, events("certificate.expired", expiringId));
    signIn(expiring.username(), "/my-certificates");
    assertTrue(
        browser.findElement(By.id("remaining-" + expiringId)).getText().startsWith("Expired"));
    assertTrue(browser.findElement(By.id("renew-" + expiringId)).isDisplayed(), "renew offered");

    // Revocation: only an admin, with a reason; verification then says revoked
    var revokedCode = certificateOf(revoked.username(), code, "code");
    var revokedId = certificateOf(revoked.username(), code, "id");
    browser.get(url("/admin/certificates?code=" + revokedCode));
    assertTrue(browser.getTitle().startsWith("You cannot do this"), browser.getTitle());
    browser.get(url("/admin/webhooks"));
    assertTrue(browser.getTitle().startsWith("You cannot do this"), browser.getTitle());
    browser.get(url("/courses/PY-CLIN/enrol"));
    var forged =
        forgedPost("certificate-revoke", java.util.Map.of("code", revokedCode, "reason", "forged"));
    assertEquals(403L, forged);
    signIn("admin", "/admin/webhooks");
    assertTrue(browser.getTitle().startsWith("Webhooks"), browser.getTitle());
    checkPage("04-admin-webhooks");
    browser.get(url("/admin/certificates"));
    checkPage("04-admin-find");
    Teaching.type(browser, "code", revokedCode);
    browser.findElement(By.id("find")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("revoke-form")));
    browser.findElement(By.id("revoke")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
    assertTrue(
        browser.findElement(By.id("error-summary")).getText().contains("Enter why"),
        "a reason is required");
    checkPage("05-admin-revoke-error");
    Teaching.type(browser, "reason", "Completed by someone else on their account.");
    assertTrue(clickForNotice("revoke").contains("Certificate revoked"));
    assertEquals("Revoked", browser.findElement(By.id("status")).getText());
    var revokedBody = Http.json(verifyApi(revokedCode));
    assertAll(
        () -> assertEquals("revoked", revokedBody.getString("status")),
        () ->
            assertEquals(
                LocalDate.now(ZoneId.of("Europe/London")).toString(),
                revokedBody.getString("revokedOn")),
        () -> assertEquals(1, events("certificate.revoked", revokedId)),
        () ->
            assertEquals(
                "Completed by someone else on their account.",
                certificateOf(revoked.username(), code, "revoke_reason")));
    signOut();
    browser.get(url("/verify/" + revokedCode));
    assertEquals("Revoked certificate", browser.findElement(By.id("result-status")).getText());
    checkPage("06-stranger-revoked");

    // Renewal: the learner takes the course again (the lesson is to do again) and the new
    // certificate supersedes the old one; both stay in their list
    var oldId = certificateOf(renewing.username(), code, "id");
    var oldCode = certificateOf(renewing.username(), code, "code");
    signIn(renewing.username(), "/my-learning");
    browser.get(url("/courses/" + code));
    browser.findElement(By.id("renew")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confirm")));
    browser.findElement(By.id("confirm")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("continue")));
    browser.get(url("/courses/" + code + "/lessons/1"));
    assertTrue(browser.findElement(By.id("complete")).isDisplayed(), "the lesson is to do again");
    completeLesson(code, 1);
    var newId = certificateOf(renewing.username(), code, "id");
    assertNotEquals(oldId, newId);
    assertAll(
        () ->
            assertEquals(
                "SUPERSEDED",
                TestDatabase.text("select state from certificate where id = ?", oldId)),
        () ->
            assertEquals(
                newId,
                TestDatabase.text("select superseded_by from certificate where id = ?", oldId)),
        () -> assertEquals(1, events("certificate.renewed", newId)),
        () -> assertTrue(Http.json(verifyApi(oldCode)).getBoolean("superseded")));
    // The HR transcript says the same: two completions, the old certificate renewed
    var hr = org.upskill.system.support.Tokens.forHrDemoClient();
    var transcript = Http.get(url("/api/v1/people/" + renewing.staffNumber() + "/transcript"), hr);
    assertEquals(200, transcript.statusCode(), transcript.body());
    var record = Http.json(transcript);
    assertAll(
        () -> assertEquals(2, record.getJsonArray("completions").size()),
        () -> assertEquals(2, record.getJsonArray("enrolments").size()),
        () -> assertEquals(2, record.getJsonArray("certificates").size()),
        () ->
            assertTrue(
                record.getJsonArray("certificates").getJsonObject(0).getBoolean("superseded")),
        () -> assertEquals(renewing.email(), record.getString("email")));
    assertEquals(
        404, Http.get(url("/api/v1/people/nobody@example.org/transcript"), hr).statusCode());
    assertEquals(
        403,
        Http.get(url("/api/v1/people/" + renewing.staffNumber() + "/transcript"), renewing.token())
            .statusCode());
    assertEquals(401, Http.get(url("/api/v1/people/1/transcript")).statusCode());
    // …and the course, for anyone: its renewal period
    var course = Http.get(url("/api/v1/courses/" + code));
    assertEquals(200, course.statusCode());
    assertEquals(12, Http.json(course).getInt("renewalMonths"));
    assertEquals(404, Http.get(url("/api/v1/courses/NOPE-404")).statusCode());

    browser.get(url("/my-certificates"));
    assertEquals(2, browser.findElements(By.cssSelector("#certificates tbody tr")).size());
    assertEquals("Renewed", browser.findElement(By.id("state-" + oldId)).getText());
    assertEquals("Valid", browser.findElement(By.id("state-" + newId)).getText());
    checkPage("07-renewed");
  }

  /**
   * A backlog of certificates past their date that is longer than one batch of the clock (a server
   * that was down, an import of old records) is expired batch after batch, each certificate once,
   * with its event and its change in the HR feed. Each batch commits on its own: the whole backlog
   * in one transaction outgrew the transaction timeout and was rolled back at every run (the feed
   * benchmark's million certificates).
   */
  @Test
  @Order(3)
  void aBacklogLongerThanOneBatchExpiresBatchByBatch() throws Exception {
    final int backlog = 450; // the clock takes 200 at a time
    var suffix = String.valueOf(System.currentTimeMillis() % 1_000_000);
    var past =
        java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400)));
    var due = java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(3600));
    long personId;
    long courseId;
    try (var db = TestDatabase.connect()) {
      db.setAutoCommit(false);
      personId =
          insert(
              db,
              "insert into person (subject, username, display_name, email, first_seen_at,"
                  + " last_seen_at) values (?, ?, ?, ?, ?, ?)",
              "backlog-" + suffix,
              "backlog" + suffix,
              "Backlog Person " + suffix,
              "backlog" + suffix + "@example.org",
              past,
              past);
      courseId =
          insert(
              db,
              "insert into course (code, title, summary, level, duration_minutes, audience,"
                  + " enrolment_mode, status, content_version, created_at, updated_at)"
                  + " values (?, ?, 'Imported records.', 'INTRODUCTORY', 30, 'BOTH', 'SELF',"
                  + " 'ARCHIVED', 1, ?, ?)",
              "BKLG" + suffix,
              "Backlog course " + suffix,
              past,
              past);
      for (int i = 1; i <= backlog; i++) {
        var enrolment =
            insert(
                db,
                "insert into enrolment (person_id, course_id, state, cycle, course_version,"
                    + " requested_at, enrolled_at, ended_at) values (?, ?, 'COMPLETED', ?, 1, ?, ?,"
                    + " ?)",
                personId,
                courseId,
                i,
                past,
                past,
                past);
        var completion =
            insert(
                db,
                "insert into course_completion (enrolment_id, person_id, course_id,"
                    + " course_version, score_percent, completed_at) values (?, ?, ?, 1, 90, ?)",
                enrolment,
                personId,
                courseId,
                past);
        insert(
            db,
            "insert into certificate (code, credential_id, person_id, course_id, completion_id,"
                + " course_version, holder_name, course_code, course_title, issued_at,"
                + " expires_at, state, state_changed_at)"
                + " values (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, 'VALID', ?)",
            "BK" + suffix + String.format("%08d", i),
            java.util.UUID.randomUUID().toString(),
            personId,
            courseId,
            completion,
            "Backlog Person " + suffix,
            "BKLG" + suffix,
            "Backlog course " + suffix,
            past,
            due,
            past);
      }
      db.commit();
    }
    // until nothing is left valid, or the time is up: the counts below say what is missing
    Eventually.holds(
        Duration.ofMinutes(4),
        () ->
            TestDatabase.number(
                    "select count(*) from certificate where person_id = ? and state = 'VALID'",
                    personId)
                == 0);
    assertAll(
        () ->
            assertEquals(
                backlog,
                TestDatabase.number(
                    "select count(*) from certificate where person_id = ? and state = 'EXPIRED'",
                    personId)),
        () ->
            assertEquals(
                backlog,
                TestDatabase.number(
                    "select count(*) from outbox_event e join certificate c"
                        + " on cast(e.aggregate_id as signed) = c.id"
                        + " where e.event_type = 'certificate.expired'"
                        + " and e.aggregate_type = 'certificate' and c.person_id = ?",
                    personId),
                "one event per certificate"),
        () ->
            assertEquals(
                backlog,
                TestDatabase.number(
                    "select count(distinct certificate_id) from completion_change"
                        + " where person_id = ? and course_id = ? and change_type = 'expired'",
                    personId,
                    courseId),
                "every certificate in the feed"),
        () ->
            assertEquals(
                backlog,
                TestDatabase.number(
                    "select count(*) from completion_change"
                        + " where person_id = ? and course_id = ? and change_type = 'expired'",
                    personId,
                    courseId),
                "each once"));
  }

  /** Inserts a row and answers its generated id. */
  static long insert(java.sql.Connection db, String sql, Object... parameters)
      throws java.sql.SQLException {
    try (var statement = db.prepareStatement(sql, java.sql.Statement.RETURN_GENERATED_KEYS)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
      try (var keys = statement.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  @Test
  @Order(4)
  void tooManyUnknownCodesFromOneClientAreRefused() throws Exception {
    // Valid lookups never count; 30 unknown codes within a minute do
    var statuses = new java.util.ArrayList<Integer>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 30; i++) {
      last = verifyApi(String.format("ZZZZ-ZZZZ-ZZZZ-%04d", i));
      statuses.add(last.statusCode());
    }
    assertEquals(404, statuses.get(0));
    assertEquals(429, last.statusCode(), statuses.toString());
    var retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
    assertTrue(
        last.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    // The page refuses the same client too, and says when to come back
    signOut();
    browser.get(url("/verify/ZZZZZZZZZZZZZZZZ"));
    assertTrue(
        browser
            .findElement(By.id("retry-after"))
            .getText()
            .startsWith("You have checked too many"));
    assertTrue(browser.getTitle().startsWith("Too many checks"), browser.getTitle());
    checkPage("08-too-many");
    assertEquals(200, Http.get(url("/api/health")).statusCode(), "the rest of the API is open");
  }

  static String format(LocalDate date) {
    return date.format(
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
  }
}

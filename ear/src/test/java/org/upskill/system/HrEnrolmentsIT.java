package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.upskill.system.support.ApiContract;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakClients;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * Enrolments through the HR API (issue 7), with real Keycloak tokens: an Idempotency-Key replays
 * the first response for the same request and refuses another request; a batch answers one result
 * per item; the list filters and pages with a cursor; the read role cannot write.
 */
@ExtendWith(ArquillianExtension.class)
class HrEnrolmentsIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  static HttpResponse<String> send(
      String method, String path, String token, String body, String... headers) throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return ApiContract.checked(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
  }

  static long enrolments(String staffNumber, String course) throws Exception {
    return TestDatabase.number(
        "select count(*) from enrolment e join person p on p.id = e.person_id"
            + " join course c on c.id = e.course_id where p.staff_number = ? and c.code = ?",
        staffNumber,
        course);
  }

  @Test
  void theSameKeyReplaysTheFirstResponseAndRefusesAnotherRequest() throws Exception {
    var hr = Tokens.forHrDemoClient();
    var people = KeycloakUsers.create("hi" + (System.currentTimeMillis() % 1_000_000), 2);
    for (var person : people) {
      assertEquals(200, QuizApi.onTestServer().me(person.token()).statusCode());
    }
    var due = LocalDate.now().plusMonths(2).toString();
    var body =
        "{\"person\":\""
            + people.get(0).staffNumber()
            + "\",\"course\":\"PY-CLIN\",\"dueDate\":\""
            + due
            + "\"}";
    var key = UUID.randomUUID().toString();
    var first = send("POST", "/api/v1/enrolments", hr, body, "Idempotency-Key", key);
    var again = send("POST", "/api/v1/enrolments", hr, body, "Idempotency-Key", key);
    assertAll(
        () -> assertEquals(201, first.statusCode(), first.body()),
        () ->
            assertTrue(
                first.headers().firstValue("Location").orElse("").contains("/api/v1/enrolments/")),
        () -> assertEquals(201, again.statusCode(), again.body()),
        () -> assertEquals(first.body(), again.body(), "the same response, replayed"),
        () -> assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse("")),
        () ->
            assertEquals(
                first.headers().firstValue("Location"), again.headers().firstValue("Location")),
        () -> assertEquals(1, enrolments(people.get(0).staffNumber(), "PY-CLIN"), "enrolled once"),
        () -> assertEquals(due, Http.json(first).getString("dueDate")));
    // The same key with another body is refused; a new key for the same body is a new request
    var other =
        send(
            "POST",
            "/api/v1/enrolments",
            hr,
            body.replace(people.get(0).staffNumber(), people.get(1).staffNumber()),
            "Idempotency-Key",
            key);
    assertEquals(409, other.statusCode(), other.body());
    assertEquals(0, enrolments(people.get(1).staffNumber(), "PY-CLIN"));
    var newKey =
        send(
            "POST",
            "/api/v1/enrolments",
            hr,
            body,
            "Idempotency-Key",
            UUID.randomUUID().toString());
    assertEquals(409, newKey.statusCode(), "already on the course: " + newKey.body());
    assertTrue(
        newKey
            .headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    // A bad key is named
    var badKey = send("POST", "/api/v1/enrolments", hr, body, "Idempotency-Key", "x".repeat(300));
    assertEquals(400, badKey.statusCode());
    assertEquals(
        "Idempotency-Key",
        Http.json(badKey).getJsonArray("errors").getJsonObject(0).getString("field"));
  }

  @Test
  void aBatchAnswersEveryItemAndTheListPages() throws Exception {
    var hr = Tokens.forHrDemoClient();
    var people = KeycloakUsers.create("hb" + (System.currentTimeMillis() % 1_000_000), 3);
    for (var person : people) {
      assertEquals(200, QuizApi.onTestServer().me(person.token()).statusCode());
    }
    var batch =
        "{\"items\":["
            + "{\"person\":\""
            + people.get(0).staffNumber()
            + "\",\"course\":\"GDPR-DS\"},"
            + "{\"person\":\""
            + people.get(1).email()
            + "\",\"course\":\"GDPR-DS\",\"dueDate\":\"2099-01-31\"},"
            + "{\"person\":\"nobody@example.org\",\"course\":\"GDPR-DS\"},"
            + "{\"person\":\""
            + people.get(2).staffNumber()
            + "\",\"course\":\"NO SUCH\"},"
            + "{\"person\":\""
            + people.get(2).staffNumber()
            + "\",\"course\":\"GDPR-DS\",\"dueDate\":\"31/01/2099\"},"
            + "{\"person\":\""
            + people.get(0).staffNumber()
            + "\",\"course\":\"GDPR-DS\"}"
            + "]}";
    var response = send("POST", "/api/v1/enrolments/batch", hr, batch);
    assertEquals(200, response.statusCode(), response.body());
    var results = Http.json(response).getJsonArray("results");
    assertEquals(6, results.size());
    assertAll(
        () -> assertEquals(201, results.getJsonObject(0).getInt("status")),
        () -> assertEquals(201, results.getJsonObject(1).getInt("status")),
        () ->
            assertEquals(
                "2099-01-31",
                results.getJsonObject(1).getJsonObject("enrolment").getString("dueDate")),
        () -> assertEquals(404, results.getJsonObject(2).getInt("status")),
        () -> assertEquals(400, results.getJsonObject(3).getInt("status")),
        () -> assertEquals(400, results.getJsonObject(4).getInt("status")),
        () -> assertEquals(409, results.getJsonObject(5).getInt("status"), "already on it"));

    // The list: by person, and a whole course in pages of one with the cursor
    var reader = KeycloakClients.tokenOfServiceClient("hr-reader-test", "hr-integration");
    var mine = send("GET", "/api/v1/enrolments?person=" + people.get(1).email(), reader, null);
    assertEquals(200, mine.statusCode(), mine.body());
    var items = Http.json(mine).getJsonArray("items");
    assertEquals(1, items.size());
    assertEquals("GDPR-DS", items.getJsonObject(0).getJsonObject("course").getString("code"));
    assertEquals("2099-01-31", items.getJsonObject(0).getString("dueDate"));
    var firstPage = send("GET", "/api/v1/enrolments?course=GDPR-DS&limit=1", reader, null);
    var page = Http.json(firstPage);
    assertTrue(page.getBoolean("hasMore"));
    assertTrue(firstPage.headers().firstValue("Link").orElse("").contains("rel=\"next\""));
    var second =
        Http.json(
            send(
                "GET",
                "/api/v1/enrolments?course=GDPR-DS&limit=1&cursor=" + page.getString("nextCursor"),
                reader,
                null));
    assertFalse(
        second.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue()
            == page.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
    for (var bad : new String[] {"limit=0", "state=sleeping", "cursor=zzz", "colour=blue"}) {
      var refused = send("GET", "/api/v1/enrolments?" + bad, reader, null);
      assertEquals(400, refused.statusCode(), bad);
    }
    assertEquals(404, send("GET", "/api/v1/enrolments?course=NOPE-1", reader, null).statusCode());
    // The read role cannot write, not even in a batch
    assertEquals(403, send("POST", "/api/v1/enrolments/batch", reader, batch).statusCode());
  }
}

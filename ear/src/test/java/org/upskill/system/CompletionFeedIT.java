package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.upskill.system.support.ApiContract;
import org.upskill.system.support.Browser;
import org.upskill.system.support.BrowserTest;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakClients;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.Teaching;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.Tokens;

/**
 * The HR completions feed (issue 7), with real Keycloak tokens: the role matrix, strict parameters
 * (400 naming the field), and an incremental sync that stays exact while learners complete courses
 * concurrently: the reader, paging with cursors as the writes commit, ends with every change once.
 */
@ExtendWith(ArquillianExtension.class)
class CompletionFeedIT extends BrowserTest {

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Override
  protected String screenshotPrefix() {
    return "feed";
  }

  static HttpResponse<String> get(String path, String token, String... headers) throws Exception {
    var builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return ApiContract.checked(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
  }

  static HttpResponse<String> sendChecked(HttpRequest request, HttpResponse.BodyHandler<String> h)
      throws Exception {
    return ApiContract.checked(CLIENT.send(request, h));
  }

  @Test
  void rolesAndParametersAreChecked() throws Exception {
    var hr = Tokens.forHrDemoClient();
    var reader = KeycloakClients.tokenOfServiceClient("hr-reader-test", "hr-integration");
    var learner = KeycloakUsers.create("fl" + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    var learnerToken = learner.token();
    for (var path : List.of("/api/v1/completions", "/api/v1/exports/completions.csv")) {
      var anonymous = get(path, null);
      assertAll(
          path,
          () -> assertEquals(401, anonymous.statusCode()),
          () -> assertTrue(anonymous.headers().firstValue("WWW-Authenticate").isPresent()),
          () -> assertEquals(403, get(path, learnerToken).statusCode()),
          () -> assertEquals(200, get(path, reader).statusCode()),
          () -> assertEquals(200, get(path, hr).statusCode()));
    }
    // The read role cannot write
    var write =
        sendChecked(
            HttpRequest.newBuilder(URI.create(url("/api/v1/enrolments")))
                .header("Authorization", "Bearer " + reader)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"person\":\"x\",\"course\":\"y\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(403, write.statusCode());

    // Every mistake is a 400 naming the parameter; an unknown course is a 404
    for (var bad :
        List.of(
            "cursor=garbage",
            "limit=1001",
            "limit=0",
            "limit=ten",
            "updatedSince=yesterday",
            "colour=blue",
            "course=")) {
      var response = get("/api/v1/completions?" + bad, reader);
      var field = bad.substring(0, bad.indexOf('='));
      assertEquals(400, response.statusCode(), bad);
      assertTrue(
          response
              .headers()
              .firstValue("Content-Type")
              .orElse("")
              .startsWith("application/problem+json"),
          bad);
      var problem = Http.json(response);
      assertEquals(field, problem.getJsonArray("errors").getJsonObject(0).getString("field"), bad);
    }
    assertEquals(404, get("/api/v1/completions?course=NOPE-404", reader).statusCode());
    assertEquals(404, get("/api/v1/completions?person=nobody@example.org", reader).statusCode());
    assertEquals(400, get("/api/v1/exports/completions.csv?limit=5", reader).statusCode());
  }

  @Test
  void aClientOverItsLimitIsToldToWait() throws Exception {
    // The test server allows the client hr-flood-test 5 requests a minute
    var flood = KeycloakClients.tokenOfServiceClient("hr-flood-test", "hr-integration");
    var statuses = new ArrayList<Integer>();
    HttpResponse<String> last = null;
    var started = System.nanoTime();
    while (statuses.size() < 20 && (last == null || last.statusCode() == 200)) {
      last = get("/api/v1/completions?limit=1", flood);
      statuses.add(last.statusCode());
    }
    // Five at once, then one more every 12 s (the bucket refills evenly): on a slow machine the
    // requests themselves may take long enough for one more to be allowed
    var refilled = (int) (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) / 12);
    var allowed = statuses.size() - 1;
    assertEquals(429, last.statusCode(), "refused at last: " + statuses);
    assertTrue(
        allowed >= 5 && allowed <= 5 + refilled,
        "allowed " + allowed + " (refills meanwhile: " + refilled + "): " + statuses);
    var retryAfter = Long.parseLong(last.headers().firstValue("Retry-After").orElse("0"));
    assertTrue(retryAfter >= 1 && retryAfter <= 12, "Retry-After " + retryAfter);
    assertTrue(
        last.headers()
            .firstValue("Content-Type")
            .orElse("")
            .startsWith("application/problem+json"));
    // Another client is not held back by it
    assertEquals(200, get("/api/v1/completions?limit=1", Tokens.forHrDemoClient()).statusCode());
  }

  /** A learner's web session, signed in through Keycloak's form in a browser of its own. */
  String sessionOf(String username) {
    var other = Browser.start();
    try {
      var otherWait = new WebDriverWait(other, Duration.ofSeconds(60));
      other.get(url("/my-learning"));
      otherWait.until(ExpectedConditions.urlContains("/openid-connect/auth"));
      Browser.signInOnKeycloak(other, username);
      otherWait.until(ExpectedConditions.urlContains("/my-learning"));
      return "JSESSIONID=" + other.manage().getCookieNamed("JSESSIONID").getValue();
    } finally {
      other.quit();
    }
  }

  static HttpResponse<String> post(String session, String action, String form) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(url("/action/" + action)))
            .header("Cookie", session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static String csrf(String session) throws Exception {
    var page =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url("/courses/PY-CLIN/enrol")))
                .header("Cookie", session)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    var matcher = CSRF.matcher(page.body());
    assertTrue(matcher.find(), "a form with its token");
    return URLEncoder.encode(matcher.group(1), StandardCharsets.UTF_8);
  }

  /** Reads pages after {@code cursor} until the end; answers the last cursor. */
  static String drain(String token, String cursor, List<JsonObject> into) throws Exception {
    while (true) {
      var response =
          get("/api/v1/completions?limit=7" + (cursor == null ? "" : "&cursor=" + cursor), token);
      assertEquals(200, response.statusCode(), response.body());
      var page = Http.json(response);
      page.getJsonArray("items").forEach(item -> into.add(item.asJsonObject()));
      cursor = page.getString("nextCursor");
      if (page.getBoolean("hasMore")) {
        assertTrue(response.headers().firstValue("Link").orElse("").contains("rel=\"next\""));
      } else {
        return cursor;
      }
    }
  }

  @Test
  void anIncrementalSyncMissesNothingAndRepeatsNothingUnderConcurrentWrites() throws Exception {
    var token = KeycloakClients.tokenOfServiceClient("hr-reader-test", "hr-integration");
    signIn("trainer", "/teach");
    var courses = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      var code = Teaching.newCode('F');
      Teaching.createCourse(browser, wait, code, "Feed " + code, "One lesson.");
      Teaching.addModule(browser, wait, code, "Only module");
      Teaching.addLesson(browser, wait, code, 1, "Only lesson", "Read this.");
      Teaching.publish(browser, wait, code);
      courses.add(code);
    }
    var learners = KeycloakUsers.create("fs" + (System.currentTimeMillis() % 1_000_000), 6);
    var sessions = new ArrayList<String>();
    for (var learner : learners) {
      sessions.add(sessionOf(learner.username()));
    }

    // The reader starts at the end of the feed as it stands
    var seen = Collections.synchronizedList(new ArrayList<JsonObject>());
    var start = drain(token, null, new ArrayList<>());

    // Six learners complete three courses each, all at once, while the reader keeps syncing
    var failures = ConcurrentHashMap.<String>newKeySet();
    var pool = Executors.newFixedThreadPool(learners.size());
    var readerCursor = new String[] {start};
    // The reader syncs every 100 ms, as a client polling the feed does: ten syncs a second stay
    // under the client's 1,200 requests a minute however fast the machine
    var readerThread = Executors.newSingleThreadScheduledExecutor();
    readerThread.scheduleWithFixedDelay(
        () -> {
          try {
            readerCursor[0] = drain(token, readerCursor[0], seen);
          } catch (Throwable e) {
            failures.add("reader: " + e);
            throw new IllegalStateException(e); // no more syncs
          }
        },
        0,
        100,
        TimeUnit.MILLISECONDS);
    var writers = new ArrayList<java.util.concurrent.Future<?>>();
    for (var session : sessions) {
      writers.add(
          pool.submit(
              () -> {
                try {
                  var token_ = csrf(session);
                  for (var code : courses) {
                    var enrol = post(session, "enrol", "_csrf=" + token_ + "&course=" + code);
                    var complete =
                        post(
                            session,
                            "complete",
                            "_csrf=" + token_ + "&course=" + code + "&lesson=1&next=0");
                    if (enrol.statusCode() != 303 && enrol.statusCode() != 302
                        || complete.statusCode() != 303 && complete.statusCode() != 302) {
                      failures.add(code + ": " + enrol.statusCode() + "/" + complete.statusCode());
                    }
                  }
                } catch (Exception e) {
                  failures.add("writer: " + e);
                }
                return null;
              }));
    }
    for (var writer : writers) {
      writer.get(5, TimeUnit.MINUTES);
    }
    readerThread.shutdown(); // no further sync; the one under way ends
    assertTrue(readerThread.awaitTermination(1, TimeUnit.MINUTES), "the reader stopped");
    pool.shutdown();
    drain(token, readerCursor[0], seen); // what committed after the reader's last page
    assertEquals(Set.of(), Set.copyOf(failures));

    // Exactly the changes the database holds for these courses: no gap, no repeat, in order
    var ours =
        seen.stream()
            .filter(c -> courses.contains(c.getJsonObject("course").getString("code")))
            .toList();
    var sequences = seen.stream().map(c -> c.getJsonNumber("sequence").longValue()).toList();
    for (int i = 1; i < sequences.size(); i++) {
      assertTrue(sequences.get(i) > sequences.get(i - 1), "in order: " + sequences);
    }
    var completionIds = new HashSet<Long>();
    ours.forEach(c -> completionIds.add(c.getJsonNumber("completionId").longValue()));
    var inDatabase =
        TestDatabase.number(
            "select count(*) from completion_change where change_type = 'completed'"
                + " and course_code in (?, ?, ?)",
            courses.get(0),
            courses.get(1),
            courses.get(2));
    assertAll(
        () -> assertEquals(18, ours.size(), "every completion, once"),
        () -> assertEquals(18, completionIds.size(), "no completion twice"),
        () -> assertEquals(18, inDatabase),
        () -> assertTrue(ours.stream().allMatch(c -> "completed".equals(c.getString("type")))),
        () ->
            assertTrue(
                ours.stream()
                    .allMatch(
                        c ->
                            c.getJsonObject("person")
                                .getString("staffNumber")
                                .startsWith("SN-FS"))));

    // A page asked again with its ETag is not sent again
    var again = get("/api/v1/completions?limit=7&cursor=" + start, token);
    var etag = again.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        304,
        get("/api/v1/completions?limit=7&cursor=" + start, token, "If-None-Match", etag)
            .statusCode());

    // The CSV export of one course: a header and one row per learner
    var csv = get("/api/v1/exports/completions.csv?course=" + courses.get(0), token);
    assertEquals(200, csv.statusCode());
    var lines = csv.body().strip().split("\r?\n");
    assertAll(
        () -> assertTrue(lines[0].startsWith("sequence,change_id,type"), lines[0]),
        () -> assertEquals(7, lines.length, csv.body()),
        () -> assertTrue(csv.body().contains(learners.get(0).staffNumber())));
  }
}

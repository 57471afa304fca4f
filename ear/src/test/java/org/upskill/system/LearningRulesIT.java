package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.upskill.system.support.HrApi;
import org.upskill.system.support.Http;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * The learner issue's rules that need the real database: seats under concurrency, refusals with the
 * right status, and a fixed number of SQL statements per page (the request's own, from the {@code
 * Upskill-Statements} header the test server adds with {@code
 * upskill.diagnostics.statement-count=true}).
 */
@ExtendWith(ArquillianExtension.class)
class LearningRulesIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  private static String url(String path) {
    return TestEnvironment.baseUrl() + path;
  }

  @Test
  void twoHundredConcurrentEnrolmentsIntoFiftySeatsFillTheSeatsAndQueueTheRest() throws Exception {
    // Given a 50-seat course and 200 people
    var course = "CONC-" + (System.currentTimeMillis() % 100_000);
    var people = 200;
    try (var connection = TestDatabase.connect();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "insert into course (code, title, summary, level, duration_minutes, audience,"
              + " enrolment_mode, capacity, status, content_version, created_at, updated_at)"
              + " values ('"
              + course
              + "', 'Concurrency test course', 'Fifty seats', 'INTRODUCTORY', 60, 'BOTH',"
              + " 'SELF', 50, 'PUBLISHED', 1, now(6), now(6))");
      for (int i = 0; i < people; i++) {
        statement.executeUpdate(
            "insert into person (subject, username, display_name, email, staff_number,"
                + " first_seen_at, last_seen_at) values ('"
                + course
                + "-"
                + i
                + "', 'u"
                + i
                + "', 'Person "
                + i
                + "', null, '"
                + course
                + "-"
                + i
                + "', now(6), now(6))");
      }
    }
    var token = Tokens.forHrDemoClient();
    var start = new CountDownLatch(1);

    // When all of them ask for a place at the same moment
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    var pool = Executors.newFixedThreadPool(people);
    try {
      for (int i = 0; i < people; i++) {
        var person = course + "-" + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return HrApi.enrol(token, person, course);
                }));
      }
      start.countDown();
      int enrolled = 0;
      int waitlisted = 0;
      for (var answer : answers) {
        var response = answer.get();
        assertEquals(201, response.statusCode(), response.body());
        var state = Http.json(response).getString("state");
        if ("enrolled".equals(state)) {
          enrolled++;
        } else if ("waitlisted".equals(state)) {
          waitlisted++;
        }
      }
      // Then exactly 50 got a seat and 150 wait, with no error
      assertEquals(50, enrolled, "answers saying enrolled");
      assertEquals(150, waitlisted, "answers saying waitlisted");
    } finally {
      pool.shutdownNow();
    }
    var courseId = TestDatabase.number("select id from course where code = ?", course);
    assertAll(
        () ->
            assertEquals(
                50,
                TestDatabase.number(
                    "select count(*) from enrolment where course_id = ? and state = 'ENROLLED'",
                    courseId)),
        () ->
            assertEquals(
                150,
                TestDatabase.number(
                    "select count(*) from enrolment where course_id = ? and state = 'WAITLISTED'",
                    courseId)),
        () ->
            assertEquals(
                0,
                TestDatabase.number(
                    "select count(*) from enrolment w join enrolment e on e.course_id = w.course_id"
                        + " where w.course_id = ? and w.state = 'WAITLISTED'"
                        + " and e.state = 'ENROLLED' and e.requested_at > w.requested_at",
                    courseId),
                "every seat went to someone who arrived before everyone on the waitlist"),
        () ->
            assertEquals(
                0,
                TestDatabase.number(
                    "select count(*) from enrolment a join enrolment b on a.course_id = b.course_id"
                        + " where a.course_id = ? and a.id < b.id"
                        + " and a.requested_at > b.requested_at",
                    courseId),
                "the waitlist keeps arrival order"));

    // And a second enrolment of the same person is refused with 409, changing nothing
    var again = HrApi.enrol(token, course + "-0", course);
    assertEquals(409, again.statusCode(), again.body());
    assertEquals("application/problem+json", again.headers().firstValue("Content-Type").orElse(""));
    assertEquals(
        200, TestDatabase.number("select count(*) from enrolment where course_id = ?", courseId));
  }

  @Test
  void aSeatThatFreesGoesToTheFirstOnTheWaitlist() throws Exception {
    var course = "SEAT-" + (System.currentTimeMillis() % 100_000);
    try (var connection = TestDatabase.connect();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "insert into course (code, title, summary, level, duration_minutes, audience,"
              + " enrolment_mode, capacity, status, content_version, created_at, updated_at)"
              + " values ('"
              + course
              + "', 'Two seats', 'Two seats', 'INTRODUCTORY', 60, 'BOTH', 'SELF', 2,"
              + " 'PUBLISHED', 1, now(6), now(6))");
      for (int i = 0; i < 4; i++) {
        statement.executeUpdate(
            "insert into person (subject, username, display_name, staff_number, first_seen_at,"
                + " last_seen_at) values ('"
                + course
                + "-"
                + i
                + "', 'w"
                + i
                + "', 'Waiting "
                + i
                + "', '"
                + course
                + "-"
                + i
                + "', now(6), now(6))");
      }
    }
    var token = Tokens.forHrDemoClient();
    var ids = new ArrayList<Long>();
    var states = new ArrayList<String>();
    for (int i = 0; i < 4; i++) {
      var response = HrApi.enrol(token, course + "-" + i, course);
      assertEquals(201, response.statusCode(), response.body());
      ids.add(Http.json(response).getJsonNumber("id").longValue());
      states.add(Http.json(response).getString("state"));
    }
    assertEquals(List.of("enrolled", "enrolled", "waitlisted", "waitlisted"), states);

    var deleted = HrApi.withdraw(token, ids.get(0));

    assertEquals(204, deleted.statusCode(), deleted.body());
    assertEquals(
        "ENROLLED-1",
        TestDatabase.text(
            "select concat(state, '-', promoted_unseen) from enrolment where id = ?", ids.get(2)),
        "the first on the waitlist got the seat and will be told on their next visit");
    assertEquals(
        "WAITLISTED",
        TestDatabase.text("select state from enrolment where id = ?", ids.get(3)),
        "the second stays on the waitlist");
  }

  @Test
  void badEnrolmentRequestsGetClearProblems() {
    var token = Tokens.forHrDemoClient();

    var unknownCourse = HrApi.enrol(token, "NTH-100234", "NO-SUCH");
    var unknownPerson = HrApi.enrol(token, "nobody@example.org", "PY-CLIN");
    var notJson = HrApi.post(token, "{not json");
    var learnerToken = Tokens.forUser("learner", "learner");
    var wrongRole = HrApi.enrol(learnerToken, "NTH-100234", "PY-CLIN");

    assertAll(
        () -> assertEquals(404, unknownCourse.statusCode(), unknownCourse.body()),
        () -> assertEquals(404, unknownPerson.statusCode(), unknownPerson.body()),
        () -> assertEquals(400, notJson.statusCode(), notJson.body()),
        () -> assertEquals(403, wrongRole.statusCode(), wrongRole.body()));
  }

  @Test
  void theCataloguePageRunsAtMostThreeStatementsAndACoursePageAtMostSix() throws Exception {
    // Load the pages once so that nothing lazy is counted.
    assertEquals(200, rendered("/courses").statusCode());
    assertEquals(200, rendered("/courses/MI-ML").statusCode());

    // Each count is the request's own (the server's Upskill-Statements header): the clocks and the
    // webhook dispatcher running meanwhile add nothing to it.
    var catalogue = statements(rendered("/courses?q=python&page=1"));
    var coursePage = statements(rendered("/courses/MI-ML"));

    System.out.println("STATEMENTS catalogue page " + catalogue + ", course page " + coursePage);
    assertTrue(catalogue <= 3, "catalogue page ran " + catalogue + " SQL statements");
    // Five for the course and one for its quizzes (with their slots), whatever their number.
    assertTrue(coursePage <= 6, "course page ran " + coursePage + " SQL statements");
    assertTrue(catalogue > 0, "statements are counted");
  }

  @Test
  void theApiCountsEachRequestsStatementsPlainJdbcIncluded() {
    // The HR feed reads with plain JDBC, not through Hibernate: its statements count too
    var feed = Http.get(url("/api/v1/completions?limit=1"), Tokens.forHrDemoClient());
    assertEquals(200, feed.statusCode(), feed.body());
    assertTrue(statements(feed) >= 1, "the feed's JDBC read is counted");
    // A resource that needs no database says so
    var ping = Http.get(url("/api/ping"));
    assertEquals(200, ping.statusCode(), ping.body());
    assertEquals(0, statements(ping), "ping runs no SQL");
  }

  /** The number of SQL statements the server ran for this request. */
  private static long statements(HttpResponse<?> response) {
    assertEquals(200, response.statusCode());
    var header =
        response
            .headers()
            .firstValue("Upskill-Statements")
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no Upskill-Statements header: is upskill.diagnostics.statement-count on"
                            + " (arquillian.xml)?"));
    return Long.parseLong(header);
  }

  @Test
  void anonymousPublicPagesComeFromTheCacheAndSessionsNever() throws Exception {
    var address = url("/courses?q=cache-check");
    var client = HttpClient.newHttpClient();

    var first = client.send(HttpRequest.newBuilder(URI.create(address)).build(), ofString());
    var second = client.send(HttpRequest.newBuilder(URI.create(address)).build(), ofString());
    var withSession =
        client.send(
            HttpRequest.newBuilder(URI.create(address))
                .header("Cookie", "JSESSIONID=someone")
                .build(),
            ofString());

    assertEquals(200, second.statusCode());
    assertTrue(
        first.headers().firstValue("Set-Cookie").isEmpty(), "a public page starts no session");
    assertEquals("hit", second.headers().firstValue("X-Upskill-Cache").orElse(""));
    assertEquals(first.body(), second.body(), "the cached page is the rendered page");
    assertTrue(
        withSession.headers().firstValue("X-Upskill-Cache").isEmpty(),
        "a request with a session is always rendered afresh");
    assertTrue(
        second
            .headers()
            .firstValue("Content-Security-Policy")
            .orElse("")
            .contains("script-src 'self'"),
        "cached pages keep the security headers");
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }

  /**
   * Asks for a page as a browser with a session does, so that the anonymous page cache cannot
   * answer it: the page is rendered from the database.
   */
  private static HttpResponse<Void> rendered(String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(URI.create(url(path)))
                  .header("Cookie", "JSESSIONID=statement-count-test")
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.upskill.system.support.DemoAnswers;
import org.upskill.system.support.Eventually;
import org.upskill.system.support.HrApi;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.KeycloakUsers.Learner;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * The quiz rules that an exam day relies on, over the API against the real server, database and
 * Keycloak: frozen attempts that never show the answers, stamped autosaves, stale pages refused,
 * one grading under concurrent submits, the server's deadline, attempts invisible to others.
 */
@ExtendWith(ArquillianExtension.class)
class QuizApiIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  static final QuizApi API = QuizApi.onTestServer();
  static List<Learner> learners;

  @BeforeAll
  static void learnersOnPythonForClinicians() {
    learners = KeycloakUsers.create("qa" + (System.currentTimeMillis() % 1_000_000), 6);
    var hr = Tokens.forHrDemoClient();
    for (var learner : learners) {
      assertEquals(200, API.me(learner.token()).statusCode());
      var enrolled = HrApi.enrol(hr, learner.email(), "PY-CLIN");
      assertEquals(201, enrolled.statusCode(), enrolled.body());
    }
  }

  static JsonObject json(HttpResponse<String> response) {
    return Http.json(response);
  }

  static JsonObject started(String token, long quiz) {
    var response = API.start(token, quiz);
    assertEquals(201, response.statusCode(), response.body());
    return json(response);
  }

  @Test
  void anAttemptIsFrozenAndNeverCarriesTheAnswers() throws Exception {
    var token = learners.get(0).token();
    var attempt = started(token, QuizApi.quizOf("PY-CLIN"));

    // Starting again resumes the same attempt, with the same questions in the same order
    var again = started(token, QuizApi.quizOf("PY-CLIN"));
    assertEquals(attempt.getJsonNumber("id"), again.getJsonNumber("id"));
    assertEquals(attempt.getJsonArray("questions"), again.getJsonArray("questions"));
    assertEquals(
        attempt.getJsonArray("questions"),
        json(API.attempt(token, id(attempt))).getJsonArray("questions"));

    var body = API.attempt(token, id(attempt)).body();
    assertFalse(body.contains("\"correct\""), "no right-answer flags");
    assertFalse(body.contains("accepted\":["), "no accepted answers");
    assertFalse(body.contains("feedback"), "no feedback");
    for (var value : attempt.getJsonArray("questions")) {
      var q = DemoAnswers.question(value.asJsonObject().getString("prompt"));
      for (var secret : DemoAnswers.secrets(q)) {
        assertFalse(body.contains(Json.createValue(secret).toString()), "leaked: " + secret);
      }
    }
    assertTrue(attempt.getJsonArray("questions").size() >= 10, "at least ten questions");
  }

  @Test
  void savesAreStampedByTheServerAndAStalePageIsRefused() throws Exception {
    var token = learners.get(1).token();
    var attempt = started(token, QuizApi.quizOf("PY-CLIN"));
    var answers = DemoAnswers.answers(attempt, true);
    var first = Json.createObjectBuilder().add("1", answers.get("1")).build();

    var saved = API.save(token, id(attempt), 0, first);
    assertEquals(200, saved.statusCode(), saved.body());
    assertEquals(1, json(saved).getInt("sequence"));
    assertTrue(json(saved).getBoolean("accepted"));

    // The same save sent again (its answer was lost) is told it was saved, and changes nothing
    var again = API.save(token, id(attempt), 0, first);
    assertEquals(200, again.statusCode(), again.body());
    assertEquals(1, json(again).getInt("sequence"), "the sequence stays where the save left it");

    // A page still holding sequence 0 is out of date
    var stale = API.save(token, id(attempt), 0, answers);
    assertEquals(409, stale.statusCode());
    assertEquals("application/problem+json", stale.headers().firstValue("Content-Type").orElse(""));
    assertTrue(json(stale).getString("detail").contains("out of date"), stale.body());

    // What was saved is there, with the time the server received it
    var view = json(API.attempt(token, id(attempt)));
    var slot1 = view.getJsonArray("questions").getJsonObject(0);
    assertEquals(1, view.getInt("sequence"));
    assertTrue(slot1.containsKey("savedAt") && !slot1.isNull("savedAt"), slot1.toString());
    assertEquals(slot1.getString("savedAt"), json(again).getString("savedAt"), "saved once");
    var staleSubmit = API.submit(token, id(attempt), 0);
    assertEquals(409, staleSubmit.statusCode(), "a stale submit is refused too");
    assertEquals(
        1L,
        TestDatabase.number(
            "select count(*) from attempt_response where attempt_id = ?", id(attempt)),
        "the stale save changed nothing");
  }

  @Test
  void fiveSimultaneousSubmitsGradeTheAttemptOnceAndAllGetThatResult() throws Exception {
    var token = learners.get(2).token();
    var attempt = started(token, QuizApi.quizOf("PY-CLIN"));
    assertEquals(
        200, API.save(token, id(attempt), 0, DemoAnswers.answers(attempt, true)).statusCode());

    var pool = Executors.newFixedThreadPool(5);
    var go = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> submits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      submits.add(
          pool.submit(
              () -> {
                go.await();
                return API.submit(token, id(attempt), 1);
              }));
    }
    go.countDown();
    var results = new HashSet<String>();
    for (var submit : submits) {
      var response = submit.get();
      assertEquals(200, response.statusCode(), response.body());
      results.add(response.body());
    }
    pool.shutdown();

    assertEquals(1, results.size(), "all five got the same result: " + results);
    var later = API.submit(token, id(attempt), 99);
    assertEquals(
        200, later.statusCode(), "an already submitted attempt answers, whatever the sequence");
    assertEquals(results.iterator().next(), later.body(), "a later submit returns the same result");
    var result = json(later);
    assertAll(
        () -> assertTrue(result.getBoolean("passed"), result.toString()),
        () ->
            assertEquals(
                0,
                result
                    .getJsonNumber("percent")
                    .bigDecimalValue()
                    .compareTo(java.math.BigDecimal.valueOf(100))),
        () ->
            assertEquals(
                1L,
                TestDatabase.number(
                    "select attempts_submitted from quiz_grade g join quiz_attempt a"
                        + " on a.quiz_id = g.quiz_id and a.person_id = g.person_id where a.id = ?",
                    id(attempt)),
                "graded once"));
  }

  @Test
  void anotherPersonsAttemptDoesNotExistForThem() throws Exception {
    var owner = learners.get(3).token();
    var attempt = started(owner, QuizApi.quizOf("PY-CLIN"));
    var answers = DemoAnswers.answers(attempt, false);
    assertEquals(200, API.save(owner, id(attempt), 0, answers).statusCode());

    var intruder = learners.get(4).token();
    assertAll(
        () -> assertEquals(404, API.attempt(intruder, id(attempt)).statusCode()),
        () -> assertEquals(404, API.save(intruder, id(attempt), 1, answers).statusCode()),
        () -> assertEquals(404, API.submit(intruder, id(attempt), 1).statusCode()),
        () -> assertEquals(404, API.review(intruder, id(attempt)).statusCode()));
    var view = json(API.attempt(owner, id(attempt)));
    assertEquals(1, view.getInt("sequence"), "nothing the intruder sent was counted");
    assertEquals(
        "IN_PROGRESS",
        TestDatabase.text("select state from quiz_attempt where id = ?", id(attempt)));
  }

  @Test
  void theServerEndsAnAttemptAtItsDeadlineAndIgnoresLaterAnswers() throws Exception {
    // Ten minutes: the save below is in time however busy the machine
    var quiz = timedQuiz(600);
    var token = learners.get(5).token();
    var attempt = started(token, quiz);
    var answers = DemoAnswers.answers(attempt, true);
    assertEquals(200, API.save(token, id(attempt), 0, answers).statusCode(), "in time");

    // Then the deadline passes: moved back to 10 s ago, beyond the test server's grace of 2 s, so
    // nobody waits ten minutes. A save after deadline + grace is not counted.
    TestDatabase.update(
        "update quiz_attempt set deadline_at = utc_timestamp(6) - interval 10 second where id = ?",
        id(attempt));
    var late = API.save(token, id(attempt), 1, DemoAnswers.answers(attempt, false));
    assertEquals(409, late.statusCode(), late.body());
    var review = json(API.review(token, id(attempt)));
    assertAll(
        () -> assertTrue(review.getJsonObject("result").getBoolean("submittedByTimer")),
        () ->
            assertTrue(
                review.getJsonObject("result").getBoolean("passed"), "the in-time answer counted"),
        () ->
            assertEquals(
                "SUBMITTED",
                TestDatabase.text("select state from quiz_attempt where id = ?", id(attempt))));
  }

  @Test
  void theClockEndsAnAttemptNobodyTouches() throws Exception {
    var quiz = timedQuiz(2);
    var token = learners.get(0).token();
    var attempt = started(token, quiz);
    // deadline 2 s + grace 2 s; the clock runs every 15 s (the limit only bounds the wait)
    Eventually.until(
        "the clock to submit the attempt",
        Duration.ofMinutes(2),
        () ->
            !"IN_PROGRESS"
                .equals(
                    TestDatabase.text("select state from quiz_attempt where id = ?", id(attempt))));
    assertEquals(
        "SUBMITTED", TestDatabase.text("select state from quiz_attempt where id = ?", id(attempt)));
    assertEquals(
        "TIMER",
        TestDatabase.text("select submitted_by from quiz_attempt where id = ?", id(attempt)));
  }

  @Test
  void oneOpenAttemptPerPersonAndQuizIsAUniqueIndex() throws Exception {
    var token = learners.get(4).token();
    var attempt = started(token, QuizApi.quizOf("PY-CLIN"));
    assertThrows(
        SQLException.class,
        () -> {
          try (var connection = TestDatabase.connect();
              var statement = connection.createStatement()) {
            statement.executeUpdate(
                "insert into quiz_attempt (quiz_id, person_id, attempt_number, state, is_open,"
                    + " started_at, slot_count, max_score, layout) select quiz_id, person_id,"
                    + " attempt_number + 100, 'IN_PROGRESS', TRUE, started_at, slot_count,"
                    + " max_score, layout from quiz_attempt where id = "
                    + id(attempt));
          }
        });
  }

  @Test
  void badInputGetsAProblemNeverAServerError() throws Exception {
    var token = learners.get(4).token();
    var attempt = id(started(token, QuizApi.quizOf("PY-CLIN")));
    var sequence = json(API.attempt(token, attempt)).getInt("sequence");
    assertAll(
        () -> assertEquals(400, API.saveRaw(token, attempt, "{}").statusCode(), "no sequence"),
        () -> assertEquals(400, API.saveRaw(token, attempt, "{not json").statusCode()),
        () ->
            assertEquals(
                400,
                API.saveRaw(
                        token, attempt, "{\"sequence\":" + sequence + ",\"responses\":{\"x\":{}}}")
                    .statusCode(),
                "slot not a number"),
        () ->
            assertEquals(
                404,
                API.saveRaw(
                        token,
                        attempt,
                        "{\"sequence\":" + sequence + ",\"responses\":{\"999\":{}}}")
                    .statusCode(),
                "no such slot"),
        () ->
            assertEquals(
                400,
                API.saveRaw(
                        token,
                        attempt,
                        "{\"sequence\":"
                            + sequence
                            + ",\"responses\":{\"1\":{\"text\":\""
                            + "x".repeat(3000)
                            + "\"}}}")
                    .statusCode(),
                "too long"),
        () -> assertEquals(404, API.start(token, 999_999).statusCode(), "no such quiz"),
        () ->
            assertEquals(
                403, API.start(token, QuizApi.quizOf("GDPR-DS")).statusCode(), "not enrolled"));
    var problem = API.saveRaw(token, attempt, "{}");
    assertEquals(
        "application/problem+json", problem.headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void passingTheRequiredQuizCompletesTheCourseInTheSameTransaction() throws Exception {
    var learner =
        KeycloakUsers.create("qareq" + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    var token = learner.token();
    assertEquals(200, API.me(token).statusCode());
    assertEquals(
        201, HrApi.enrol(Tokens.forHrDemoClient(), learner.email(), "GDPR-DS").statusCode());
    // Given every lesson of GDPR for data scientists done
    try (var connection = TestDatabase.connect();
        var statement =
            connection.prepareStatement(
                "insert into lesson_progress (person_id, lesson_id, state, first_viewed_at,"
                    + " completed_at, updated_at) select p.id, l.id, 'COMPLETED', now(6), now(6),"
                    + " now(6) from person p, lesson l join course_module m on m.id = l.module_id"
                    + " join course c on c.id = m.course_id where c.code = 'GDPR-DS'"
                    + " and p.username = ?")) {
      statement.setString(1, learner.username());
      assertTrue(statement.executeUpdate() > 0);
    }
    var enrolmentState =
        "select e.state from enrolment e join person p on p.id = e.person_id"
            + " join course c on c.id = e.course_id where c.code = 'GDPR-DS' and p.username = ?";
    assertEquals(
        "ENROLLED",
        TestDatabase.text(enrolmentState, learner.username()),
        "the quiz is still to pass");

    // When they fail the required quiz, the course is not completed
    var quiz = QuizApi.quizOf("GDPR-DS");
    var first = started(token, quiz);
    assertEquals(
        200, API.save(token, id(first), 0, DemoAnswers.answers(first, false)).statusCode());
    assertFalse(json(API.submit(token, id(first), 1)).getBoolean("passed"));
    assertEquals("ENROLLED", TestDatabase.text(enrolmentState, learner.username()));

    // And when they pass it, it is
    var second = started(token, quiz);
    assertEquals(
        200, API.save(token, id(second), 0, DemoAnswers.answers(second, true)).statusCode());
    assertTrue(json(API.submit(token, id(second), 1)).getBoolean("passed"));
    assertAll(
        () -> assertEquals("COMPLETED", TestDatabase.text(enrolmentState, learner.username())),
        () ->
            assertEquals(
                1L,
                TestDatabase.number(
                    "select count(*) from course_completion k join person p on p.id = k.person_id"
                        + " where p.username = ?",
                    learner.username())),
        () ->
            assertEquals(
                1L,
                TestDatabase.number(
                    "select count(*) from outbox_event where event_type = 'course.completed'"
                        + " and payload like ?",
                    "%" + learner.email() + "%")));
  }

  @Test
  void theReviewShowsMoreOnceTheQuizHasClosed() throws Exception {
    var learner =
        KeycloakUsers.create("qaclose" + (System.currentTimeMillis() % 1_000_000), 1).get(0);
    var token = learner.token();
    API.me(token);
    HrApi.enrol(Tokens.forHrDemoClient(), learner.email(), "PY-CLIN");
    // A quiz that shows the score only after submitting, and the answers once it has closed
    long quiz = timedQuiz(60);
    try (var connection = TestDatabase.connect();
        var statement =
            connection.prepareStatement(
                "update quiz set review_after_submit = '', review_after_close = 'CORRECT,RESPONSES',"
                    + " closes_at = ? where id = ?")) {
      statement.setObject(1, java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
      statement.setLong(2, quiz);
      statement.executeUpdate();
    }
    var attempt = started(token, quiz);
    assertEquals(200, API.submit(token, id(attempt), 0).statusCode());
    var before = json(API.review(token, id(attempt)));
    assertEquals(0, before.getJsonArray("questions").size(), "score only: " + before);
    assertTrue(before.containsKey("result"));

    // The quiz closes (moved to a second ago rather than waited for)
    TestDatabase.update(
        "update quiz set closes_at = utc_timestamp(6) - interval 1 second where id = ?", quiz);
    var after = json(API.review(token, id(attempt)));
    var question = after.getJsonArray("questions").getJsonObject(0);
    assertAll(
        () ->
            assertTrue(
                question.containsKey("rightAnswer") && !question.isNull("rightAnswer"),
                after.toString()),
        () -> assertEquals("Not answered", question.getString("response")),
        () -> assertTrue(question.getJsonArray("feedback").isEmpty(), "no feedback: not allowed"));
  }

  /** A quiz on PY-CLIN with one question and a time limit of a few seconds. */
  static long timedQuiz(int seconds) throws SQLException {
    try (var connection = TestDatabase.connect();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "insert into quiz (course_id, title, time_limit_seconds, pass_percent, grading_method,"
              + " shuffle_questions, shuffle_options, one_per_page, required, review_after_submit,"
              + " review_after_close) select id, 'Timed test quiz', "
              + seconds
              + ", 50, 'HIGHEST', FALSE, FALSE, FALSE, FALSE, 'RESPONSES', '' from course where"
              + " code = 'PY-CLIN'",
          java.sql.Statement.RETURN_GENERATED_KEYS);
      long quiz;
      try (var keys = statement.getGeneratedKeys()) {
        keys.next();
        quiz = keys.getLong(1);
      }
      statement.executeUpdate(
          "insert into quiz_slot (quiz_id, position, question_id) select "
              + quiz
              + ", 1, min(q.id) from question q join question_category c on c.id = q.category_id"
              + " join course k on k.id = c.course_id where k.code = 'PY-CLIN' and q.type = 'single'");
      return quiz;
    }
  }

  static long id(JsonObject attempt) {
    return attempt.getJsonNumber("id").longValue();
  }
}

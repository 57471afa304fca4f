package org.upskill.bench.quiz;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.bodyString;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * "Exam start": N learners start the same timed quiz in one burst, autosave three times and
 * submit. Each phase is a synchronised burst: everyone waits at a barrier until the last learner
 * of the phase has its answer, a Hibernate statistics snapshot is taken (untimed), and then all
 * go on together. Figures are recorded per request by {@link Bench}; see bench/README.md.
 */
public class ExamStartSimulation extends Simulation {

  private static final String AUTH = "Authorization";

  HttpProtocolBuilder protocol =
      http.baseUrl(Bench.BASE)
          .warmUp(Bench.BASE + "/api/health")
          .acceptHeader("application/json")
          .contentTypeHeader("application/json")
          .userAgentHeader("upskill-bench-quiz");

  /** Forget what the previous request left in the session. */
  private static ChainBuilder clear() {
    return exec(s -> s.removeAll("status", "rt", "body"));
  }

  /** The request's status, time and body go to the session; Gatling's own OK/KO comes last. */
  private static HttpRequestActionBuilder checked(HttpRequestActionBuilder request, int expected) {
    return request
        .header(AUTH, s -> "Bearer " + Bench.token(s.getInt("i")))
        .check(
            status().saveAs("status"),
            responseTimeInMillis().saveAs("rt"),
            bodyString().saveAs("body"),
            status().is(expected));
  }

  private static JsonNode record(Bench.Type type, Session s, int expected) {
    return Bench.record(
        type,
        switch (type) {
          case start -> 0;
          case save -> s.getInt("round");
          case submit -> Bench.PHASES - 1;
        },
        s.contains("status") ? s.getInt("status") : null,
        s.contains("rt") ? s.getInt("rt") : null,
        s.contains("body") ? s.getString("body") : null,
        expected);
  }

  /**
   * Wait until everyone has finished {@code phase} and the snapshot is taken: poll every 200 ms
   * for the release time, then sleep until exactly then, so that the next burst is synchronised.
   */
  private static ChainBuilder barrier(Function<Session, Integer> phase) {
    return exec(s -> {
          Bench.arrive(phase.apply(s));
          return s;
        })
        .asLongAs(s -> Bench.releaseAt(phase.apply(s)) == 0)
        .on(pause(Duration.ofMillis(200)))
        .pause(
            s ->
                Duration.ofMillis(
                    Math.max(0, Bench.releaseAt(phase.apply(s)) - System.currentTimeMillis())));
  }

  ChainBuilder start =
      exec(s -> s.set("i", Bench.nextUser()).set("ok", false))
          .exec(
              checked(
                  http("start").post("/api/v1/quizzes/" + Bench.QUIZ + "/attempts"), 201))
          .exec(
              s -> {
                var attempt = record(Bench.Type.start, s, 201);
                if (attempt == null || !attempt.has("id")) {
                  return s;
                }
                return s.set("ok", true)
                    .set("attempt", attempt.path("id").asLong())
                    .set("sequence", attempt.path("sequence").asInt())
                    .set("answers", Bench.answers(attempt));
              })
          .exec(barrier(s -> 0));

  ChainBuilder saves =
      exec(s -> s.set("round", 1))
          .asLongAs(s -> s.getInt("round") <= Bench.SAVES)
          .on(
              doIf(s -> s.getBoolean("ok"))
                  .then(
                      clear()
                          .exec(
                              checked(
                                  http("save")
                                      .put(s -> "/api/v1/attempts/" + s.getLong("attempt") + "/responses")
                                      .body(
                                          StringBody(
                                              s ->
                                                  Bench.saveBody(
                                                      s.getInt("sequence"),
                                                      s.<List<JsonNode>>get("answers"),
                                                      s.getInt("round")))),
                                  200))
                          .exec(
                              s -> {
                                var saved = record(Bench.Type.save, s, 200);
                                return saved == null
                                    ? s
                                    : s.set("sequence", saved.path("sequence").asInt());
                              }))
                  .exec(barrier(s -> s.getInt("round")))
                  .exec(s -> s.set("round", s.getInt("round") + 1)));

  ChainBuilder submit =
      doIf(s -> s.getBoolean("ok"))
          .then(
              clear()
                  .exec(
                      checked(
                          http("submit")
                              .post(s -> "/api/v1/attempts/" + s.getLong("attempt") + "/submit")
                              .body(StringBody(s -> "{\"sequence\":" + s.getInt("sequence") + "}")),
                          200))
                  .exec(
                      s -> {
                        record(Bench.Type.submit, s, 200);
                        return s;
                      }))
          .exec(
              s -> {
                Bench.arrive(Bench.PHASES - 1);
                return s;
              });

  ScenarioBuilder examStart = scenario("exam start").exec(start, saves, submit);

  {
    setUp(examStart.injectOpen(atOnceUsers(Bench.N))).protocols(protocol);
  }

  @Override
  public void before() {
    Bench.prepare();
  }

  @Override
  public void after() {
    Bench.report();
  }
}

package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.upskill.system.support.DemoAnswers;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * Exam day's worst case: WildFly is killed with SIGKILL while 50 learners have autosaved answers.
 * After a restart every saved answer is there, and each attempt is resumed and submitted. Runs its
 * own server with {@code ./upskill start} (port offset 400) against MariaDB through Connector/J.
 */
class CrashRecoveryIT {

  static final int PORT_OFFSET = 400;
  static final String DATABASE = "upskill_crash";
  static final int LEARNERS = 50;

  record Saved(String username, long attempt, int sequence) {}

  @Test
  void killingWildFlyLosesNoSavedAnswer() throws Exception {
    var home = TestEnvironment.ear().getParent().resolve("crash-it");
    var site = "http://localhost:" + (8080 + PORT_OFFSET);
    try (var connection = TestDatabase.connectTo("");
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
    try {
      var start = run(home, "start");
      assertEquals(0, start.exitCode(), start.output());
      var api = new QuizApi(site);

      // Given 50 learners, each in an attempt with answers saved twice
      var learners =
          KeycloakUsers.create("crash" + (System.currentTimeMillis() % 1_000_000), LEARNERS);
      var hr = Tokens.forHrDemoClient();
      long quiz;
      try (var connection = TestDatabase.connectTo(DATABASE);
          var statement = connection.createStatement();
          var result =
              statement.executeQuery(
                  "select q.id from quiz q join course c on c.id = q.course_id"
                      + " where c.code = 'PY-CLIN'")) {
        assertTrue(result.next(), "the demo quiz is there");
        quiz = result.getLong(1);
      }
      Map<String, Saved> saved = new ConcurrentHashMap<>();
      var pool = Executors.newFixedThreadPool(8);
      var work = new ArrayList<java.util.concurrent.Future<?>>();
      for (var learner : learners) {
        work.add(
            pool.submit(
                () -> {
                  var token = learner.token();
                  assertEquals(200, api.me(token).statusCode());
                  assertEquals(201, api.enrol(hr, learner.email(), "PY-CLIN").statusCode());
                  var attempt = Http.json(api.start(token, quiz));
                  var id = attempt.getJsonNumber("id").longValue();
                  var right = DemoAnswers.answers(attempt, true);
                  var firstHalf = Json.createObjectBuilder();
                  var secondHalf = Json.createObjectBuilder();
                  right.forEach(
                      (slot, answer) ->
                          (Integer.parseInt(slot) % 2 == 0 ? firstHalf : secondHalf)
                              .add(slot, answer));
                  var one = api.save(token, id, 0, firstHalf.build());
                  assertEquals(200, one.statusCode(), one.body());
                  var two = api.save(token, id, 1, secondHalf.build());
                  assertEquals(200, two.statusCode(), two.body());
                  saved.put(learner.username(), new Saved(learner.username(), id, 2));
                  return null;
                }));
      }
      for (var future : work) {
        future.get(5, TimeUnit.MINUTES);
      }
      assertEquals(LEARNERS, saved.size());

      // When WildFly is killed without warning
      var pid = Long.parseLong(Files.readString(home.resolve("run/wildfly-java.pid")).strip());
      var process = ProcessHandle.of(pid).orElseThrow();
      assertEquals(0, new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor());
      process.onExit().get(60, TimeUnit.SECONDS);
      assertFalse(process.isAlive(), "WildFly is dead");

      // And started again
      var restart = run(home, "start");
      assertEquals(0, restart.exitCode(), restart.output());

      // Then every saved answer is there and every attempt can be submitted (all answers right)
      var checks = new ArrayList<java.util.concurrent.Future<String>>();
      for (var entry : saved.values()) {
        checks.add(
            pool.submit(
                () -> {
                  var token = Tokens.forUser(entry.username(), entry.username());
                  var view = Http.json(api.attempt(token, entry.attempt()));
                  assertEquals(entry.sequence(), view.getInt("sequence"));
                  for (var value : view.getJsonArray("questions")) {
                    var q = value.asJsonObject();
                    assertTrue(
                        q.getBoolean("isAnswered"),
                        "attempt " + entry.attempt() + " slot " + q.getInt("slot") + " kept");
                  }
                  var submitted = api.submit(token, entry.attempt(), entry.sequence());
                  assertEquals(200, submitted.statusCode(), submitted.body());
                  assertTrue(Http.json(submitted).getBoolean("passed"), submitted.body());
                  return Http.json(submitted).getJsonNumber("percent").toString();
                }));
      }
      for (var check : checks) {
        assertEquals("100.00", check.get(5, TimeUnit.MINUTES));
      }
      pool.shutdown();
    } finally {
      var stop = run(home, "stop");
      assertEquals(0, stop.exitCode(), stop.output());
    }
  }

  record Result(int exitCode, String output) {}

  private static Result run(Path home, String command) throws IOException, InterruptedException {
    var log = Files.createTempFile("upskill-crash-" + command, ".log");
    var process =
        new ProcessBuilder(List.of("bash", "upskill", command))
            .directory(TestEnvironment.projectRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    var env = process.environment();
    env.put("UPSKILL_HOME", home.toString());
    env.put("UPSKILL_PORT_OFFSET", String.valueOf(PORT_OFFSET));
    env.put("UPSKILL_KEYCLOAK_URL", TestEnvironment.keycloakUrl());
    env.put(
        "UPSKILL_DB_URL",
        TestEnvironment.databaseServerUrl()
            + DATABASE
            + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8"
            + "&allowPublicKeyRetrieval=true&useSSL=false");
    env.put("UPSKILL_DB_USER", TestEnvironment.databaseUser());
    env.put("UPSKILL_DB_PASSWORD", TestEnvironment.databasePassword());
    var started = process.start();
    if (!started.waitFor(10, TimeUnit.MINUTES)) {
      started.destroyForcibly();
      throw new IllegalStateException("./upskill " + command + " did not finish in 10 minutes");
    }
    return new Result(started.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.upskill.system.support.DemoAnswers;
import org.upskill.system.support.Eventually;
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

  /** Webhooks may be sent over plain http to the test's receiver, and retried quickly. */
  static final Map<String, String> WEBHOOKS =
      Map.of(
          "UPSKILL_WEBHOOKS_ALLOW_HTTP", "true",
          "UPSKILL_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
          "UPSKILL_WEBHOOKS_RETRY_BASE_SECONDS", "1",
          "UPSKILL_WEBHOOKS_INTERVAL_MILLIS", "300");

  @Test
  void killingWildFlyMidDeliveryLosesNoWebhookEvent() throws Exception {
    var home = TestEnvironment.ear().getParent().resolve("crash-it");
    var site = "http://localhost:" + (8080 + PORT_OFFSET);
    try (var connection = TestDatabase.connectTo("");
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
    }
    // A receiver that hangs on the first delivery (WildFly is killed while it waits), then
    // answers every later one at once
    var stalled = new java.util.concurrent.CountDownLatch(1);
    var release = new java.util.concurrent.CountDownLatch(1);
    var received = java.util.Collections.synchronizedList(new ArrayList<String>());
    var receiver =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newFixedThreadPool(4));
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          var id = exchange.getRequestHeaders().getFirst("Upskill-Event-Id");
          if (stalled.getCount() == 1) {
            stalled.countDown();
            try {
              release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
          }
          received.add(id);
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
    var client = java.net.http.HttpClient.newHttpClient();
    try {
      var start = run(home, "start", WEBHOOKS);
      assertEquals(0, start.exitCode(), start.output());
      var token =
          org.upskill.system.support.KeycloakClients.tokenOfServiceClient(
              "hr-crash-hooks", "hr-integration");
      var subscribed =
          client.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(site + "/api/v1/webhooks"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"url\":\"http://127.0.0.1:"
                              + receiver.getAddress().getPort()
                              + "/hook\",\"secret\":\"crash-test-secret-0123456789\","
                              + "\"eventTypes\":[\"enrolment.created\"]}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(201, subscribed.statusCode(), subscribed.body());

      // Five people are enrolled: five events
      var people = KeycloakUsers.create("ck" + (System.currentTimeMillis() % 1_000_000), 5);
      var api = new QuizApi(site);
      var hr = Tokens.forHrDemoClient();
      for (var person : people) {
        assertEquals(200, api.me(person.token()).statusCode());
        var enrolled =
            client.send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(site + "/api/v1/enrolments"))
                    .header("Authorization", "Bearer " + hr)
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"person\":\"" + person.staffNumber() + "\",\"course\":\"PY-CLIN\"}"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(201, enrolled.statusCode(), enrolled.body());
      }
      List<String> events;
      try (var connection = TestDatabase.connectTo(DATABASE);
          var statement = connection.createStatement();
          var result =
              statement.executeQuery(
                  "select event_id from outbox_event where event_type = 'enrolment.created'"
                      + " and occurred_at >= (select created_at from webhook_subscription"
                      + " order by id desc limit 1)")) {
        events = new ArrayList<>();
        while (result.next()) {
          events.add(result.getString(1).strip());
        }
      }
      assertEquals(5, events.size());

      // When WildFly is killed while a delivery waits for the receiver
      assertTrue(stalled.await(60, TimeUnit.SECONDS), "a delivery reached the receiver");
      var pid = Long.parseLong(Files.readString(home.resolve("run/wildfly-java.pid")).strip());
      var process = ProcessHandle.of(pid).orElseThrow();
      assertEquals(0, new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor());
      process.onExit().get(60, TimeUnit.SECONDS);
      release.countDown();

      // Then, started again, every event reaches the receiver (the interrupted one again)
      var restart = run(home, "start", WEBHOOKS);
      assertEquals(0, restart.exitCode(), restart.output());
      var expected = List.copyOf(events);
      assertTrue(
          Eventually.holds(Duration.ofMinutes(3), () -> received.containsAll(expected)),
          "every event arrived: " + received + " of " + events);
    } finally {
      receiver.stop(0);
      var stop = run(home, "stop");
      assertEquals(0, stop.exitCode(), stop.output());
    }
  }

  record Result(int exitCode, String output) {}

  private static Result run(Path home, String command) throws IOException, InterruptedException {
    return run(home, command, Map.of());
  }

  private static Result run(Path home, String command, Map<String, String> extra)
      throws IOException, InterruptedException {
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
    env.putAll(extra);
    var started = process.start();
    if (!started.waitFor(10, TimeUnit.MINUTES)) {
      started.destroyForcibly();
      throw new IllegalStateException("./upskill " + command + " did not finish in 10 minutes");
    }
    return new Result(started.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

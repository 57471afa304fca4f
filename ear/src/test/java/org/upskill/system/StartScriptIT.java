package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.upskill.system.support.Http;
import org.upskill.system.support.TestEnvironment;

/**
 * {@code ./upskill start} on the embedded default: no database configured, so WildFly gets an H2
 * file database, applies the migrations, loads the demo content and serves the catalogue. It runs
 * in its own folder and on its own ports (offset 300) and reuses the test Keycloak.
 */
class StartScriptIT {

  static final int PORT_OFFSET = 300;
  static final String ORGANISATION = "Northshire Teaching Hospitals NHS Foundation Trust";

  @Test
  void startWithoutADatabaseServesTheCatalogueFromH2() throws Exception {
    var home = TestEnvironment.ear().getParent().resolve("start-script-it");
    var site = "http://localhost:" + (8080 + PORT_OFFSET);
    try {
      var start = run(home, "start");

      assertEquals(0, start.exitCode(), "./upskill start failed:\n" + start.output());
      assertTrue(
          start.output().contains("embedded H2"), "start says it uses H2:\n" + start.output());
      var page = Http.get(site + "/");
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Python for clinicians"), "the catalogue is served");
      assertTrue(
          Files.list(home.resolve("data")).anyMatch(f -> f.toString().endsWith(".mv.db")),
          "the H2 database is a file under the cache folder");
      // The demo compliance data loaded (on H2 too): demo staff in every state
      var compliance =
          Http.get(
              site
                  + "/api/v1/compliance?limit=1000&organisation="
                  + java.net.URLEncoder.encode(
                      ORGANISATION, java.nio.charset.StandardCharsets.UTF_8),
              org.upskill.system.support.Tokens.forHrDemoClient());
      assertEquals(200, compliance.statusCode(), compliance.body());
      var statuses = new java.util.TreeSet<String>();
      Http.json(compliance)
          .getJsonArray("items")
          .forEach(i -> statuses.add(i.asJsonObject().getString("status")));
      assertEquals(
          new java.util.TreeSet<>(
              List.of("compliant", "due_soon", "exempt", "not_started", "overdue")),
          statuses);
      // …and their completions are in the HR feed, read a page at a time with its cursor (the
      // feed's query as H2 runs it, dates and all)
      var hr = org.upskill.system.support.Tokens.forHrDemoClient();
      var first = Http.get(site + "/api/v1/completions?limit=3", hr);
      assertEquals(200, first.statusCode(), first.body());
      var feed = Http.json(first);
      assertEquals(3, feed.getJsonArray("items").size(), first.body());
      assertTrue(feed.getBoolean("hasMore"), first.body());
      var change = feed.getJsonArray("items").getJsonObject(0);
      assertEquals(ORGANISATION, change.getJsonObject("person").getString("organisation"));
      assertTrue(
          java.time.Instant.parse(change.getString("completedAt"))
              .isBefore(java.time.Instant.now()),
          first.body());
      var second =
          Http.get(site + "/api/v1/completions?limit=3&cursor=" + feed.getString("nextCursor"), hr);
      assertEquals(200, second.statusCode(), second.body());
      var after = Http.json(second).getJsonArray("items");
      assertEquals(3, after.size(), second.body());
      assertTrue(
          after.getJsonObject(0).getJsonNumber("sequence").longValue()
              > feed.getJsonArray("items").getJsonObject(2).getJsonNumber("sequence").longValue(),
          "the next page follows the first");

      var again = run(home, "start");
      assertEquals(0, again.exitCode(), "a second start is harmless:\n" + again.output());
      assertTrue(again.output().contains("already running"), again.output());
    } finally {
      var stop = run(home, "stop");
      assertEquals(0, stop.exitCode(), stop.output());
    }
    assertFalse(
        portOpen(8080 + PORT_OFFSET), "after ./upskill stop nothing listens on the site port");
  }

  @Test
  void aPortInUseIsNamedAndNothingIsLeftRunning() throws Exception {
    var home = TestEnvironment.ear().getParent().resolve("start-script-it-busy");
    var sitePort = 8080 + PORT_OFFSET;
    try (var busy = new ServerSocket(sitePort, 1, InetAddress.getLoopbackAddress())) {
      var start = run(home, "start");

      assertEquals(1, start.exitCode(), start.output());
      assertTrue(
          start.output().contains("Port " + sitePort + " (WildFly) is in use"), start.output());
      assertNothingRunsFrom(home);
    }
  }

  @Test
  void anUnreachableDatabaseIsNamedAndNothingIsLeftRunning() throws Exception {
    var home = TestEnvironment.ear().getParent().resolve("start-script-it-nodb");

    var start = run(home, "start", Map.of("UPSKILL_DB_URL", "jdbc:mysql://127.0.0.1:1/upskill"));

    assertEquals(1, start.exitCode(), start.output());
    assertTrue(start.output().contains("Cannot reach the database at 127.0.0.1:1"), start.output());
    assertNothingRunsFrom(home);
  }

  private static void assertNothingRunsFrom(Path home) throws IOException {
    var run = home.resolve("run");
    if (Files.isDirectory(run)) {
      try (var pids = Files.list(run)) {
        assertEquals(List.of(), pids.toList(), "no process is left behind");
      }
    }
  }

  record Result(int exitCode, String output) {}

  private static Result run(Path home, String command) throws IOException, InterruptedException {
    return run(home, command, Map.of());
  }

  private static Result run(Path home, String command, Map<String, String> extraEnvironment)
      throws IOException, InterruptedException {
    var log = Files.createTempFile("upskill-" + command, ".log");
    var process =
        new ProcessBuilder(List.of("bash", "upskill", command))
            .directory(TestEnvironment.projectRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = process.environment();
    env.remove("UPSKILL_DB_URL");
    env.put("UPSKILL_HOME", home.toString());
    env.put("UPSKILL_PORT_OFFSET", String.valueOf(PORT_OFFSET));
    env.put("UPSKILL_KEYCLOAK_URL", TestEnvironment.keycloakUrl());
    env.putAll(extraEnvironment);
    var started = process.start();
    if (!started.waitFor(10, TimeUnit.MINUTES)) {
      started.destroyForcibly();
      throw new IllegalStateException("./upskill " + command + " did not finish in 10 minutes");
    }
    return new Result(started.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  private static boolean portOpen(int port) {
    try (var socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}

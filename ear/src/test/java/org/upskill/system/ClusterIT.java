package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.upskill.system.support.Browser;
import org.upskill.system.support.Cluster;
import org.upskill.system.support.DemoAnswers;
import org.upskill.system.support.Eventually;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakClients;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.Tokens;

/**
 * The cluster of {@code ./upskill cluster start} (3 Galera nodes behind the SQL front, two WildFly
 * members in the HA profile, the HTTPS balancer, two Keycloak nodes in production mode behind their
 * front), reached through the balancer and the Keycloak front only, by Chromium and by HR clients.
 * Started once for the class and stopped after it; the member kill comes last, since it leaves one
 * member.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  /** An HR client of its own with a small limit, set for the cluster's members at their start. */
  static final String LIMITED_CLIENT = "hr-cluster-limited";

  static final int LIMIT = 20;

  WebDriver browser;

  @BeforeAll
  static void startCluster() {
    // A cluster left by an earlier run would keep its members' old settings: start afresh.
    var stopped = Cluster.command("stop", Map.of());
    assertEquals(0, stopped.exitCode(), stopped.output());
    var started =
        Cluster.command(
            "start",
            Map.of(
                "UPSKILL_API_CLIENT_LIMITS",
                LIMITED_CLIENT + "=" + LIMIT,
                // the compliance clock ticks every 2 s on each member (600 s by default)
                "UPSKILL_COMPLIANCE_CLOCK_SECONDS",
                "2",
                // the webhook receiver of the test listens on loopback, over plain HTTP
                "UPSKILL_WEBHOOKS_ALLOW_HTTP",
                "true",
                "UPSKILL_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES",
                "true"));
    assertEquals(0, started.exitCode(), "./upskill cluster start:\n" + started.output());
    var status = Cluster.command("status", Map.of()).output();
    assertAll(
        () ->
            assertEquals(
                3,
                status.lines().filter(l -> l.contains("cluster size 3, Synced")).count(),
                status),
        () ->
            assertEquals(
                2,
                status.lines().filter(l -> l.matches("node[12]: running .*\\(2\\).*")).count(),
                "both members in a 2-member view:\n" + status),
        () -> assertTrue(status.contains("node1 UP") && status.contains("node2 UP"), status),
        () ->
            assertEquals(
                2,
                status
                    .lines()
                    .filter(l -> l.matches("keycloak-[12]: running .*, ready, .*\\(2\\).*"))
                    .count(),
                "both Keycloak nodes ready in a 2-node view:\n" + status),
        () ->
            assertTrue(
                status.contains("keycloak-1 UP") && status.contains("keycloak-2 UP"),
                "the Keycloak front sees both nodes:\n" + status));
  }

  @AfterAll
  static void stopCluster() {
    var stopped = Cluster.command("stop", Map.of());
    assertEquals(0, stopped.exitCode(), stopped.output());
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  @Order(1)
  void aClientOverItsLimitIsLimitedAcrossBothMembersTogether() {
    var token =
        KeycloakClients.tokenOfServiceClientIn(
            Cluster.KEYCLOAK_URL, LIMITED_CLIENT, "hr-integration");
    var answered = new TreeMap<String, Integer>();
    var servedBy = new TreeSet<String>();
    long began = System.nanoTime();
    var refusals = new java.util.ArrayList<HttpResponse<String>>();
    for (int i = 0; i < 2 * LIMIT + 10; i++) {
      // No cookies: the balancer shares the requests between the members in turn
      var response =
          Cluster.send(
              Cluster.request("/api/v1/completions?limit=1")
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build());
      answered.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
      servedBy.add(Cluster.servedBy(response));
      if (response.statusCode() == 429) {
        refusals.add(response);
      }
    }
    var seconds = (System.nanoTime() - began) / 1e9;
    // The bucket holds LIMIT and refills by LIMIT a minute: what the time taken refilled may pass
    var allowed = LIMIT + (int) Math.ceil(seconds * LIMIT / 60.0);
    var ok = answered.getOrDefault("200", 0);
    var summary = answered + " in " + String.format("%.1f", seconds) + " s, served by " + servedBy;
    assertEquals(
        new TreeSet<>(java.util.List.of("200", "429")), new TreeSet<>(answered.keySet()), summary);
    assertTrue(
        ok >= LIMIT && ok <= allowed, "200s between " + LIMIT + " and " + allowed + ": " + summary);
    assertEquals(new TreeSet<>(java.util.List.of("node1", "node2")), servedBy, summary);
    var limited = refusals.get(0);
    var problem = json(limited.body());
    assertAll(
        () -> assertTrue(limited.headers().firstValue("Retry-After").isPresent()),
        () ->
            assertEquals(
                "application/problem+json",
                limited.headers().firstValue("Content-Type").orElse("")),
        () -> assertEquals(429, problem.getInt("status")));
  }

  @Test
  @Order(1)
  void unknownVerificationCodesAreThrottledAcrossBothMembersTogether() {
    // 20 unknown codes a minute from one address (the balancer's X-Forwarded-For), on both members
    // together: a throttle per member would let 40 through
    var answered = new TreeMap<String, Integer>();
    var servedBy = new TreeSet<String>();
    var run = System.currentTimeMillis() % 1_000_000;
    for (int i = 0; i < 2 * VERIFY_LIMIT + 4; i++) {
      var response =
          Cluster.send(
              Cluster.request("/api/v1/verifications/NO-SUCH-" + run + "-" + i).GET().build());
      answered.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
      servedBy.add(Cluster.servedBy(response));
    }
    var summary = answered + ", served by " + servedBy;
    assertEquals(VERIFY_LIMIT, answered.getOrDefault("404", 0), summary);
    assertEquals(VERIFY_LIMIT + 4, answered.getOrDefault("429", 0), summary);
    assertEquals(new TreeSet<>(java.util.List.of("node1", "node2")), servedBy, summary);
  }

  /** Unknown verification codes a minute per address (upskill.verify.max-unknown-per-minute). */
  static final int VERIFY_LIMIT = 20;

  @Test
  @Order(2)
  void theDailyComplianceRunRunsOnceWhileBothMembersTick() throws Exception {
    // Today's run made afresh: whichever member ticks first claims it
    long runs;
    try (var connection = Cluster.database();
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "update scheduled_job set last_run_on = null where name = 'compliance-daily'");
      try (var rows =
          statement.executeQuery(
              "select runs from scheduled_job where name = 'compliance-daily'")) {
        rows.next();
        runs = rows.getLong(1);
      }
    }
    var before = ticks();
    // Each member ticks twice more, so each ticked at least once after the day was claimed
    Eventually.until(
        "both members to tick twice",
        Duration.ofMinutes(2),
        () -> {
          var now = ticks();
          return now.getOrDefault("node1", 0L) >= before.getOrDefault("node1", 0L) + 2
              && now.getOrDefault("node2", 0L) >= before.getOrDefault("node2", 0L) + 2;
        });
    assertEquals(
        runs + 1,
        Cluster.number("select runs from scheduled_job where name = 'compliance-daily'"),
        "one run for the day, however many ticks: " + before + " then " + ticks());
  }

  /** Each member's ticks of the compliance clock, counted in the database. */
  static Map<String, Long> ticks() throws Exception {
    var ticks = new TreeMap<String, Long>();
    try (var connection = Cluster.database();
        var rows =
            connection
                .createStatement()
                .executeQuery(
                    "select node, ticks from scheduled_tick where job = 'compliance-daily'")) {
      while (rows.next()) {
        ticks.put(rows.getString(1), rows.getLong(2));
      }
    }
    return ticks;
  }

  /** Demo courses that complete with their lessons alone (no quiz, no approval). */
  static final java.util.List<String> LESSON_COURSES =
      java.util.List.of("STATS-CLIN", "AI-ETHICS", "CLIN-INF");

  static final java.util.regex.Pattern CSRF =
      java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Test
  @Order(3)
  void twoHrClientsSyncingTheFeedEachSeeEveryCompletionOnceInOrder() throws Exception {
    var readers =
        java.util.List.of(
            KeycloakClients.tokenOfServiceClientIn(
                Cluster.KEYCLOAK_URL, "hr-cluster-reader-a", "hr-integration"),
            KeycloakClients.tokenOfServiceClientIn(
                Cluster.KEYCLOAK_URL, "hr-cluster-reader-b", "hr-integration"));
    var learners =
        KeycloakUsers.createIn(
            Cluster.KEYCLOAK_URL, "clf" + (System.currentTimeMillis() % 1_000_000), 6);
    // Each learner's session, pinned by the balancer's cookie to node1 or node2 in turn: the
    // completions are written through both members
    var sessions = new java.util.ArrayList<String>();
    for (int i = 0; i < learners.size(); i++) {
      sessions.add(sessionOf(learners.get(i).username()) + "; UPSKILL_NODE=node" + (1 + i % 2));
    }
    var cursors = new String[readers.size()];
    var seen = new java.util.ArrayList<java.util.List<JsonObject>>();
    for (int r = 0; r < readers.size(); r++) {
      seen.add(java.util.Collections.synchronizedList(new java.util.ArrayList<>()));
      cursors[r] = drain(readers.get(r), null, new java.util.ArrayList<>());
    }
    var failures = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
    // Both readers sync every 100 ms through the balancer (no cookie: both members answer them)
    var polling = java.util.concurrent.Executors.newScheduledThreadPool(readers.size());
    for (int r = 0; r < readers.size(); r++) {
      var reader = r;
      polling.scheduleWithFixedDelay(
          () -> {
            try {
              cursors[reader] = drain(readers.get(reader), cursors[reader], seen.get(reader));
            } catch (Throwable e) {
              failures.add("reader " + reader + ": " + e);
              throw new IllegalStateException(e); // no more syncs
            }
          },
          0,
          100,
          java.util.concurrent.TimeUnit.MILLISECONDS);
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(sessions.size());
    var writers = new java.util.ArrayList<java.util.concurrent.Future<?>>();
    for (var session : sessions) {
      writers.add(
          pool.submit(
              () -> {
                for (var code : LESSON_COURSES) {
                  var csrf = csrf(session, code);
                  var enrol = post(session, "enrol", "_csrf=" + csrf + "&course=" + code);
                  if (enrol.statusCode() / 100 != 3) {
                    failures.add(code + " enrol: " + enrol.statusCode());
                  }
                  var lessons = lessonCount(code);
                  for (int n = 1; n <= lessons; n++) {
                    var complete =
                        post(
                            session,
                            "complete",
                            "_csrf=" + csrf + "&course=" + code + "&lesson=" + n + "&next=0");
                    if (complete.statusCode() / 100 != 3) {
                      failures.add(code + " lesson " + n + ": " + complete.statusCode());
                    }
                  }
                }
                return null;
              }));
    }
    for (var writer : writers) {
      writer.get(5, java.util.concurrent.TimeUnit.MINUTES);
    }
    polling.shutdown();
    assertTrue(
        polling.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES), "the readers stopped");
    pool.shutdown();
    assertEquals(java.util.Set.of(), java.util.Set.copyOf(failures));

    var staffNumbers =
        learners.stream().map(l -> l.staffNumber()).collect(java.util.stream.Collectors.toSet());
    for (int r = 0; r < readers.size(); r++) {
      drain(readers.get(r), cursors[r], seen.get(r)); // what committed after the last sync
      var all = seen.get(r);
      var sequences = all.stream().map(c -> c.getJsonNumber("sequence").longValue()).toList();
      for (int i = 1; i < sequences.size(); i++) {
        assertTrue(
            sequences.get(i) > sequences.get(i - 1), "reader " + r + " in order: " + sequences);
      }
      var ours =
          all.stream()
              .filter(
                  c -> staffNumbers.contains(c.getJsonObject("person").getString("staffNumber")))
              .filter(c -> "completed".equals(c.getString("type")))
              .toList();
      var completions = new java.util.HashSet<Long>();
      ours.forEach(c -> completions.add(c.getJsonNumber("completionId").longValue()));
      assertEquals(
          learners.size() * LESSON_COURSES.size(),
          ours.size(),
          "reader " + r + ": every completion");
      assertEquals(ours.size(), completions.size(), "reader " + r + ": no completion twice");
    }
  }

  /** How long a client may see failures while the SQL front moves to another Galera node. */
  static final Duration GALERA_FAILOVER_LIMIT = Duration.ofSeconds(30);

  @Test
  @Order(4)
  void aGaleraNodeKilledUnderAutosavesAndEnrolmentsLosesNoAcknowledgedWrite() throws Exception {
    var api = new org.upskill.system.support.QuizApi(Cluster.PUBLIC_URL, Cluster.http());
    var hr = Tokens.forHrDemoClient(Cluster.KEYCLOAK_URL);
    var quiz =
        Cluster.number(
            "select q.id from quiz q join course c on c.id = q.course_id where c.code = 'GDPR-DS'"
                + " order by q.id limit 1");
    var learners =
        KeycloakUsers.createIn(
            Cluster.KEYCLOAK_URL, "clg" + (System.currentTimeMillis() % 1_000_000), 50);
    // 50 learners, each with an attempt under way (set up 10 at a time)
    record Saver(String token, long attempt, JsonObject answers, String email) {}
    var setup = java.util.concurrent.Executors.newFixedThreadPool(10);
    var pending = new java.util.ArrayList<java.util.concurrent.Future<Saver>>();
    for (var learner : learners) {
      pending.add(
          setup.submit(
              () -> {
                var token = learner.token(Cluster.KEYCLOAK_URL);
                assertEquals(200, api.me(token).statusCode());
                var enrolled = api.enrol(hr, learner.email(), "GDPR-DS");
                assertEquals(201, enrolled.statusCode(), enrolled.body());
                var started = api.start(token, quiz);
                assertEquals(201, started.statusCode(), started.body());
                var attempt = json(started.body());
                return new Saver(
                    token,
                    attempt.getJsonNumber("id").longValue(),
                    DemoAnswers.answers(attempt, true),
                    learner.email());
              }));
    }
    var savers = new java.util.ArrayList<Saver>();
    for (var saver : pending) {
      savers.add(saver.get(5, java.util.concurrent.TimeUnit.MINUTES));
    }
    setup.shutdown();

    // They autosave again and again, and HR enrols them on a second course one by one, while the
    // Galera node the SQL front writes to is killed
    var stop = new java.util.concurrent.atomic.AtomicBoolean();
    var acknowledged = new java.util.concurrent.ConcurrentHashMap<Long, Integer>();
    var enrolled = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
    var longestOutage = new java.util.concurrent.atomic.AtomicLong();
    var failed = new java.util.concurrent.atomic.AtomicInteger();
    var unexpected = java.util.concurrent.ConcurrentHashMap.<String>newKeySet();
    var afterKill = new java.util.concurrent.CountDownLatch(savers.size());
    var killed = new java.util.concurrent.atomic.AtomicBoolean();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(savers.size() + 1);
    var work = new java.util.ArrayList<java.util.concurrent.Future<?>>();
    for (var saver : savers) {
      work.add(
          pool.submit(
              () -> {
                int sequence = 0;
                long failingSince = 0;
                boolean countedAfterKill = false;
                while (!stop.get()) {
                  var wasKilled = killed.get();
                  HttpResponse<String> saved = null;
                  try {
                    saved = api.save(saver.token(), saver.attempt(), sequence, saver.answers());
                  } catch (RuntimeException e) {
                    // no answer at all: counted as a failure below
                  }
                  if (saved != null && saved.statusCode() == 200) {
                    sequence = json(saved.body()).getInt("sequence");
                    acknowledged.put(saver.attempt(), sequence);
                    if (failingSince != 0) {
                      longestOutage.accumulateAndGet(System.nanoTime() - failingSince, Math::max);
                      failingSince = 0;
                    }
                    if (wasKilled && !countedAfterKill) {
                      countedAfterKill = true;
                      afterKill.countDown();
                    }
                  } else if (saved != null && saved.statusCode() == 409) {
                    // A save that failed to answer may have been written: take up its number
                    // (when the attempt can be read; otherwise the next save asks again)
                    try {
                      var current = api.attempt(saver.token(), saver.attempt());
                      if (current.statusCode() == 200) {
                        sequence = json(current.body()).getInt("sequence");
                      }
                    } catch (RuntimeException e) {
                      // no answer: the next save is refused again and asks again
                    }
                  } else {
                    failed.incrementAndGet();
                    if (saved != null && saved.statusCode() / 100 == 4) {
                      unexpected.add(saved.statusCode() + " " + saved.body());
                    }
                    if (failingSince == 0) {
                      failingSince = System.nanoTime();
                    }
                  }
                  Thread.sleep(100); // a save every 0.1 s or so, per learner: pacing, not a wait
                }
                return null;
              }));
    }
    work.add(
        pool.submit(
            () -> {
              for (var saver : savers) {
                if (stop.get()) {
                  break;
                }
                try {
                  var answer = api.enrol(hr, saver.email(), "STATS-CLIN");
                  if (answer.statusCode() == 201) {
                    enrolled.add(saver.email());
                  }
                } catch (RuntimeException e) {
                  // not acknowledged: not counted
                }
              }
              return null;
            }));
    // Saves going on everywhere before the kill
    Eventually.until(
        "every learner to have saved",
        Duration.ofMinutes(2),
        () -> acknowledged.size() == savers.size());
    var writer = Cluster.writer();
    long killedAt = System.nanoTime();
    Cluster.killGaleraNode(writer);
    killed.set(true);
    var everyoneSavedAgain = afterKill.await(2, java.util.concurrent.TimeUnit.MINUTES);
    var recovered = (System.nanoTime() - killedAt) / 1e9;
    stop.set(true);
    for (var job : work) {
      job.get(2, java.util.concurrent.TimeUnit.MINUTES);
    }
    pool.shutdown();
    var outage = longestOutage.get() / 1e9;
    System.out.printf(
        "ClusterIT: %s killed; every learner saved again within %.1f s; longest failing spell %.1f s;"
            + " %d failed requests (4xx among them: %s); %d attempts saved, %d enrolments%n",
        writer, recovered, outage, failed.get(), unexpected, acknowledged.size(), enrolled.size());
    assertTrue(everyoneSavedAgain, "every learner saved again after " + writer + " was killed");
    // A request may fail while the front moves (what the limit below bounds), as a 503 with
    // Retry-After: never as a 4xx (a save whose database failed used to read as 404 "no such
    // attempt": Hibernate's find answers null when the transaction is already doomed)
    assertEquals(java.util.Set.of(), unexpected, "answers 4xx while the database failed over");
    assertTrue(
        outage <= GALERA_FAILOVER_LIMIT.toSeconds(),
        "no client failed for longer than " + GALERA_FAILOVER_LIMIT.toSeconds() + " s: " + outage);

    // Nothing acknowledged is lost
    for (var entry : acknowledged.entrySet()) {
      assertTrue(
          Cluster.number("select sequence_no from quiz_attempt where id = ?", entry.getKey())
              >= entry.getValue(),
          "attempt " + entry.getKey() + " keeps its save " + entry.getValue());
    }
    for (var email : enrolled) {
      assertEquals(
          1,
          Cluster.number(
              "select count(*) from enrolment e join person p on p.id = e.person_id"
                  + " join course c on c.id = e.course_id where p.email = ? and c.code = 'STATS-CLIN'",
              email),
          email + " enrolled on STATS-CLIN");
    }

    // The node rejoins
    var again = Cluster.command("start", Map.of());
    assertEquals(0, again.exitCode(), again.output());
    var status = Cluster.command("status", Map.of()).output();
    assertEquals(
        3, status.lines().filter(l -> l.contains("cluster size 3, Synced")).count(), status);
  }

  @Test
  @Order(5)
  void webhooksReachTheirReceiverWhileAMemberIsKilledMidDelivery() throws Exception {
    // A receiver that takes its time, so that deliveries are under way when the member dies
    var received = java.util.Collections.synchronizedList(new java.util.ArrayList<String>());
    var server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          try {
            Thread.sleep(200); // a slow receiver, on purpose
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          received.add(exchange.getRequestHeaders().getFirst("Upskill-Event-Id"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.start();
    try {
      var hooks =
          KeycloakClients.tokenOfServiceClientIn(
              Cluster.KEYCLOAK_URL, "hr-cluster-hooks", "hr-integration");
      var subscribed =
          Cluster.send(
              Cluster.request("/api/v1/webhooks")
                  .header("Authorization", "Bearer " + hooks)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Json.createObjectBuilder()
                              .add(
                                  "url",
                                  "http://127.0.0.1:" + server.getAddress().getPort() + "/hook")
                              .add("secret", "a-cluster-receivers-secret-of-some-length")
                              .add("eventTypes", Json.createArrayBuilder().add("enrolment.created"))
                              .build()
                              .toString()))
                  .build());
      assertEquals(201, subscribed.statusCode(), subscribed.body());
      var subscription = json(subscribed.body()).getJsonNumber("id").longValue();

      // 20 people enrolled by HR: 20 events for the subscription
      var api = new org.upskill.system.support.QuizApi(Cluster.PUBLIC_URL, Cluster.http());
      var hr = Tokens.forHrDemoClient(Cluster.KEYCLOAK_URL);
      var people =
          KeycloakUsers.createIn(
              Cluster.KEYCLOAK_URL, "clw" + (System.currentTimeMillis() % 1_000_000), 20);
      for (var person : people) {
        assertEquals(200, api.me(person.token(Cluster.KEYCLOAK_URL)).statusCode());
        var enrolled = api.enrol(hr, person.email(), "CLIN-INF");
        assertEquals(201, enrolled.statusCode(), enrolled.body());
      }
      // node1 is killed once deliveries are flowing
      Eventually.until("the first deliveries", Duration.ofMinutes(2), () -> received.size() >= 3);
      Cluster.killMember(1);
      Eventually.until(
          "every delivery of the subscription made",
          Duration.ofMinutes(3),
          () ->
              Cluster.number(
                          "select count(*) from webhook_delivery where subscription_id = ?"
                              + " and state <> 'DELIVERED'",
                          subscription)
                      == 0
                  && Cluster.number(
                          "select count(*) from webhook_delivery where subscription_id = ?",
                          subscription)
                      == people.size());
      var distinct = new java.util.HashSet<>(received);
      var events =
          Cluster.number(
              "select count(distinct event_id) from webhook_delivery where subscription_id = ?",
              subscription);
      assertEquals(people.size(), events);
      assertEquals(events, distinct.size(), "every event reached the receiver: " + received);
      // The one delivery that node1 was making when it died may come again from node2, with the
      // same event id (the receiver's to recognise); nothing else comes twice
      assertTrue(
          received.size() - distinct.size() <= 1,
          "no event twice but the one under way at the kill: " + received);
    } finally {
      server.stop(0);
    }
    // node1 back, for what follows
    var again = Cluster.command("start", Map.of());
    assertEquals(0, again.exitCode(), again.output());
  }

  /** Signs a learner in with Chromium through the balancer; answers her session cookie. */
  static String sessionOf(String username) {
    var other = Browser.start(true);
    try {
      var wait = new WebDriverWait(other, Duration.ofSeconds(60));
      other.get(Cluster.PUBLIC_URL + "/my-learning");
      wait.until(ExpectedConditions.urlContains("/openid-connect/auth"));
      Browser.signInOnKeycloak(other, username);
      wait.until(ExpectedConditions.urlContains("/my-learning"));
      return "JSESSIONID=" + other.manage().getCookieNamed("JSESSIONID").getValue();
    } finally {
      other.quit();
    }
  }

  static HttpResponse<String> post(String session, String action, String form) {
    return Cluster.send(
        Cluster.request("/action/" + action)
            .header("Cookie", session)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }

  static String csrf(String session, String course) {
    var page =
        Cluster.send(
            Cluster.request("/courses/" + course + "/enrol").header("Cookie", session).build());
    var matcher = CSRF.matcher(page.body());
    assertTrue(
        matcher.find(), "the enrol form of " + course + " with its token: " + page.statusCode());
    return java.net.URLEncoder.encode(matcher.group(1), java.nio.charset.StandardCharsets.UTF_8);
  }

  static long lessonCount(String course) throws Exception {
    return Cluster.number(
        "select count(*) from lesson l join course_module m on m.id = l.module_id"
            + " join course c on c.id = m.course_id where c.code = ?",
        course);
  }

  /**
   * Reads the feed after {@code cursor} to its end through the balancer; answers the last cursor.
   */
  static String drain(String token, String cursor, java.util.List<JsonObject> into) {
    while (true) {
      var response =
          Cluster.send(
              Cluster.request(
                      "/api/v1/completions?limit=7" + (cursor == null ? "" : "&cursor=" + cursor))
                  .header("Authorization", "Bearer " + token)
                  .build());
      assertEquals(200, response.statusCode(), response.body());
      var page = json(response.body());
      page.getJsonArray("items").forEach(item -> into.add(item.asJsonObject()));
      cursor = page.getString("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return cursor;
      }
    }
  }

  @Test
  @Order(9)
  void aLearnerWhoseMemberIsKilledMidQuizCarriesOnSignedInAndCompletesOnce() throws Exception {
    var learner =
        KeycloakUsers.createIn(
                Cluster.KEYCLOAK_URL, "clq" + (System.currentTimeMillis() % 1_000_000), 1)
            .get(0);
    browser = Browser.start(true);
    var wait = new WebDriverWait(browser, Duration.ofSeconds(60));

    // Signed in through the balancer (the first sign-in makes her known to Upskill)…
    browser.get(Cluster.PUBLIC_URL + "/courses/GDPR-DS");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlContains("/realms/upskill/protocol/openid-connect/auth"));
    Browser.signInOnKeycloak(browser, learner.username());
    wait.until(ExpectedConditions.urlToBe(Cluster.PUBLIC_URL + "/courses/GDPR-DS"));
    // …enrolled by HR through the balancer, her lessons done
    var hr = Tokens.forHrDemoClient(Cluster.KEYCLOAK_URL);
    var enrolled =
        Cluster.send(
            Cluster.request("/api/v1/enrolments")
                .header("Authorization", "Bearer " + hr)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("person", learner.email())
                            .add("course", "GDPR-DS")
                            .build()
                            .toString()))
                .build());
    assertEquals(201, enrolled.statusCode(), enrolled.body());
    var lessons = lessonCount("GDPR-DS");
    for (int number = 1; number <= lessons; number++) {
      browser.get(Cluster.PUBLIC_URL + "/courses/GDPR-DS/lessons/" + number);
      var page = browser.findElement(By.tagName("html"));
      browser.findElement(By.id("complete")).click();
      Browser.waitUntilReplaced(browser, page);
    }

    // The timed assessment: half of its pages answered (each page change saves)
    var quiz =
        Cluster.number(
            "select q.id from quiz q join course c on c.id = q.course_id where c.code = 'GDPR-DS'"
                + " order by q.id limit 1");
    browser.get(Cluster.PUBLIC_URL + "/courses/GDPR-DS/quizzes/" + quiz);
    browser.findElement(By.id("start-attempt")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("attempt-form")));
    var attempt = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/attempts/(\\d+).*", "$1"));
    var pages =
        Integer.parseInt(browser.getTitle().replaceAll(".*question \\d+ of (\\d+).*", "$1"));
    var half = pages / 2;
    for (int page = 1; page <= half; page++) {
      DemoAnswers.answerOnPage(browser, true);
      browser.findElement(By.id("next")).click();
      wait.until(ExpectedConditions.titleContains("question " + (page + 1) + " of"));
    }
    assertEquals(
        half,
        Cluster.number("select count(*) from attempt_response where attempt_id = ?", attempt),
        "the answers of the first half are saved");

    // The member serving her is killed
    var serving = browser.manage().getCookieNamed("UPSKILL_NODE").getValue();
    Cluster.killMember(Integer.parseInt(serving.substring("node".length())));

    // She carries on: the other member answers, she is still signed in, her answers are there
    for (int page = half + 1; page < pages; page++) {
      DemoAnswers.answerOnPage(browser, true);
      browser.findElement(By.id("next")).click();
      wait.until(ExpectedConditions.titleContains("question " + (page + 1) + " of"));
    }
    DemoAnswers.answerOnPage(browser, true);
    browser.findElement(By.id("finish")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("summary-title")));
    assertNotEquals(
        serving,
        browser.manage().getCookieNamed("UPSKILL_NODE").getValue(),
        "the other member serves her now");
    assertEquals(
        "You have answered " + pages + " of " + pages + " questions.",
        browser.findElement(By.id("answered-count")).getText());
    browser.findElement(By.id("submit-attempt")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("result-title")));
    assertEquals("You passed", browser.findElement(By.id("result-title")).getText());

    // Exactly one grade, the course completed, one certificate, the completion once in the feed
    var person = Cluster.number("select id from person where email = ?", learner.email());
    assertAll(
        () ->
            assertEquals(
                1,
                Cluster.number(
                    "select count(*) from quiz_grade where person_id = ? and quiz_id = ?",
                    person,
                    quiz)),
        () ->
            assertEquals(
                1,
                Cluster.number(
                    "select count(*) from enrolment e join course c on c.id = e.course_id"
                        + " where e.person_id = ? and c.code = 'GDPR-DS' and e.state = 'COMPLETED'",
                    person)));
    Eventually.until(
        "one certificate issued",
        Duration.ofSeconds(60),
        () -> Cluster.number("select count(*) from certificate where person_id = ?", person) == 1);
    var feed =
        Cluster.send(
            Cluster.request(
                    "/api/v1/completions?limit=100&person="
                        + java.net.URLEncoder.encode(
                            learner.email(), java.nio.charset.StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + hr)
                .GET()
                .build());
    assertEquals(200, feed.statusCode(), feed.body());
    var completions =
        json(feed.body()).getJsonArray("items").stream()
            .map(JsonObject.class::cast)
            .filter(i -> i.getJsonObject("course").getString("code").equals("GDPR-DS"))
            .toList();
    assertEquals(1, completions.size(), "the completion once in the HR feed: " + feed.body());
  }

  @Test
  @Order(10)
  void aKeycloakNodeKilledEndsNoSignInAndStopsNoNewOne() throws Exception {
    var learners =
        KeycloakUsers.createIn(
            Cluster.KEYCLOAK_URL, "clk" + (System.currentTimeMillis() % 1_000_000), 2);
    var tokenUrl = Cluster.KEYCLOAK_URL + "/realms/upskill/protocol/openid-connect/token";
    // A Keycloak session begun on keycloak-1 (the front names the node in its cookie; round robin
    // sends every other new client there)
    String refresh = null;
    for (int tries = 0; tries < 10 && refresh == null; tries++) {
      var signedIn =
          Http.postForm(
              tokenUrl,
              "grant_type=password&client_id=upskill-tests&scope=openid&username="
                  + learners.get(0).username()
                  + "&password="
                  + learners.get(0).username());
      assertEquals(200, signedIn.statusCode(), signedIn.body());
      if (signedIn.headers().allValues("Set-Cookie").stream()
          .anyMatch(c -> c.startsWith("UPSKILL_SSO_NODE=keycloak-1"))) {
        refresh = json(signedIn.body()).getString("refresh_token");
      }
    }
    assertNotNull(refresh, "no password grant was served by keycloak-1 in 10 tries");

    Cluster.killKeycloakNode(1);

    // At once, through the front: her session lives on (Keycloak keeps it in the database and in
    // its distributed caches), a new learner signs in with Chromium through the balancer, and the
    // HR client gets a token that the members accept
    var refreshed =
        Http.postForm(
            tokenUrl, "grant_type=refresh_token&client_id=upskill-tests&refresh_token=" + refresh);
    assertEquals(
        200, refreshed.statusCode(), "the session begun on keycloak-1: " + refreshed.body());
    browser = Browser.start(true);
    var wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    browser.get(Cluster.PUBLIC_URL + "/courses/GDPR-DS");
    browser.findElement(By.id("sign-in")).click();
    wait.until(ExpectedConditions.urlContains("/realms/upskill/protocol/openid-connect/auth"));
    Browser.signInOnKeycloak(browser, learners.get(1).username());
    wait.until(ExpectedConditions.urlToBe(Cluster.PUBLIC_URL + "/courses/GDPR-DS"));
    assertEquals(
        "keycloak-2",
        browser.manage().getCookies().stream()
            .filter(c -> c.getName().equals("UPSKILL_SSO_NODE"))
            .map(org.openqa.selenium.Cookie::getValue)
            .findFirst()
            .orElseThrow(),
        "the front sent her to the living node");
    browser.get(Cluster.PUBLIC_URL + "/my-learning");
    assertEquals(
        Cluster.PUBLIC_URL + "/my-learning",
        browser.getCurrentUrl(),
        "signed in after the kill (not sent to Keycloak)");
    var hr = Tokens.forHrDemoClient(Cluster.KEYCLOAK_URL);
    var feed =
        Cluster.send(
            Cluster.request("/api/v1/completions?limit=1")
                .header("Authorization", "Bearer " + hr)
                .GET()
                .build());
    assertEquals(200, feed.statusCode(), feed.body());

    // The front and the survivor see keycloak-1 gone
    Eventually.until(
        "keycloak-1 down in the front and out of keycloak-2's view",
        Duration.ofSeconds(60),
        () -> {
          var status = Cluster.command("status", Map.of()).output();
          return status.contains("keycloak-1 DOWN")
              && status.contains("keycloak-1: not running")
              && status
                  .lines()
                  .anyMatch(l -> l.matches("keycloak-2: running .*, ready, .*\\(1\\).*"));
        });
  }

  static JsonObject json(String body) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}

package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.KeycloakUsers.Learner;
import org.upskill.system.support.PrivateMariaDb;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;
import org.upskill.system.support.WebSession;

/**
 * Faults Upskill must ride out without a restart of WildFly (issue 16). One private set of servers
 * serves both tests, so that the shared test database and Keycloak are never disturbed: a MariaDB
 * of its own (Debian's {@code mariadbd}, port 3394, data under {@code target/faults-it/mariadb}),
 * and {@code ./upskill start} with its own home ({@code target/faults-it}), WildFly on ports offset
 * by 740 (http 8820) and the Keycloak that start runs, on port 8194, with the realm imported.
 *
 * <ol>
 *   <li>MariaDB is killed with SIGKILL while 50 learners autosave quiz answers through the API, 8
 *       learners complete courses in their web sessions and an HR client syncs the completions feed
 *       with cursors; it is started again on the same data. Requests fail only while it is down
 *       (and never hang), then everything works again through the same WildFly: no acknowledged
 *       answer is lost, and the feed has no gap nor repeat, also from cursors handed out before the
 *       restart.
 *   <li>Keycloak is stopped: a learner signed in carries on (pages and autosave through the session
 *       cookie), API calls with unexpired tokens succeed, a new sign-in gets a 503 page that says
 *       sign-in is unavailable; once Keycloak is back, signing in works again.
 * </ol>
 *
 * Figures (how long requests failed, how many saves were acknowledged) are printed as {@code FAULTS
 * …}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  static final int PORT_OFFSET = 740;
  static final int DB_PORT = 3394;
  static final int KEYCLOAK_PORT = 8194;
  static final String DATABASE = "upskill_faults";
  static final int LEARNERS = 50;
  static final int COMPLETERS = 8;
  static final List<String> COMPLETED_COURSES = List.of("AI-ETHICS", "STATS-CLIN");
  static final int LESSONS_PER_COURSE = 6;

  final String site = "http://localhost:" + (8080 + PORT_OFFSET);
  final String keycloak = "http://localhost:" + KEYCLOAK_PORT;
  final String suffix = String.valueOf(System.currentTimeMillis() % 1_000_000);
  Path home;
  PrivateMariaDb database;
  QuizApi api;

  @BeforeAll
  void startPrivateServers() throws Exception {
    home = TestEnvironment.ear().getParent().resolve("faults-it");
    for (var port : List.of(8080 + PORT_OFFSET, 9990 + PORT_OFFSET, KEYCLOAK_PORT)) {
      assertFalse(PrivateMariaDb.portOpen(port), "port " + port + " is free for FaultsIT");
    }
    database = PrivateMariaDb.start(home.resolve("mariadb"), DB_PORT);
    var started = upskill("start");
    assertEquals(0, started.exitCode(), started.output());
    api = new QuizApi(site);
    // The demo realm sends browsers back to the usual ports only; this Keycloak is the test's own
    KeycloakUsers.allowRedirect(keycloak, "upskill-web", site + "/*");
  }

  @AfterAll
  void stopPrivateServers() throws Exception {
    try {
      if (home != null) {
        var stopped = upskill("stop");
        assertEquals(0, stopped.exitCode(), stopped.output());
      }
    } finally {
      if (keycloakAgain != null) {
        keycloakAgain.destroyForcibly();
      }
      if (database != null) {
        database.close();
      }
    }
  }

  // --- 1. MariaDB restarted under load
  // -------------------------------------------------------------

  /** One request of the load: when it started and ended (ms since the load began), and how. */
  record Call(String kind, long startedAt, long endedAt, boolean ok, String outcome) {}

  /** What a learner's autosaves were: the text each sequence number may hold, the last acked. */
  static final class Saver {
    final Learner learner;
    final long attempt;
    final int slot;
    int sequence;
    int acknowledgedSequence = -1;
    String acknowledgedText;
    int acknowledged;
    final Map<Integer, Set<String>> candidates = new ConcurrentHashMap<>();

    Saver(Learner learner, long attempt, int slot, int sequence) {
      this.learner = learner;
      this.attempt = attempt;
      this.slot = slot;
      this.sequence = sequence;
    }
  }

  @Test
  @Order(1)
  void aDatabaseRestartLosesNoAcknowledgedAnswerAndLeavesNoGapInTheFeed() throws Exception {
    var quiz = quizOf("PY-CLIN");
    var hr = new CachedToken(() -> Tokens.forHrDemoClient(keycloak));
    var learners = KeycloakUsers.createIn(keycloak, "fdb" + suffix, LEARNERS);
    var completerPeople = KeycloakUsers.createIn(keycloak, "fdc" + suffix, COMPLETERS);
    var tokens = new ConcurrentHashMap<String, CachedToken>();
    learners.forEach(l -> tokens.put(l.username(), new CachedToken(() -> l.token(keycloak))));
    var pool = Executors.newFixedThreadPool(LEARNERS + COMPLETERS + 4);
    try {
      // Given 50 learners in an attempt of the Python quiz, and 8 signed in on the web
      var savers = new ArrayList<Future<Saver>>();
      for (var learner : learners) {
        savers.add(
            pool.submit(
                () -> {
                  var token = tokens.get(learner.username()).get();
                  assertEquals(200, api.me(token).statusCode());
                  var enrolled = api.enrol(hr.get(), learner.email(), "PY-CLIN");
                  assertEquals(201, enrolled.statusCode(), enrolled.body());
                  var attempt = Http.json(api.start(token, quiz));
                  var slot = textSlot(attempt);
                  return new Saver(
                      learner,
                      attempt.getJsonNumber("id").longValue(),
                      slot,
                      attempt.getInt("sequence"));
                }));
      }
      var sessions = new ArrayList<Future<WebSession>>();
      for (var person : completerPeople) {
        sessions.add(
            pool.submit(() -> WebSession.signIn(site, person.username(), person.username())));
      }
      var saving = new ArrayList<Saver>();
      for (var saver : savers) {
        saving.add(saver.get(3, TimeUnit.MINUTES));
      }
      var web = new ArrayList<WebSession>();
      var forms = new ArrayList<String>();
      for (var session : sessions) {
        var signedIn = session.get(3, TimeUnit.MINUTES);
        web.add(signedIn);
        forms.add(signedIn.csrf(site + "/courses/" + COMPLETED_COURSES.get(0) + "/enrol"));
      }

      // While they autosave, complete lessons and the HR client syncs the feed…
      var calls = Collections.synchronizedList(new ArrayList<Call>());
      var running = new AtomicBoolean(true);
      var began = System.nanoTime();
      Supplier<Long> now = () -> (System.nanoTime() - began) / 1_000_000;
      var load = new ArrayList<Future<?>>();
      for (var saver : saving) {
        load.add(
            pool.submit(
                () -> autosave(saver, tokens.get(saver.learner.username()), running, calls, now)));
      }
      var completionsDone = new AtomicInteger();
      for (int i = 0; i < web.size(); i++) {
        var session = web.get(i);
        var csrf = forms.get(i);
        load.add(pool.submit(() -> completeCourses(session, csrf, calls, now, completionsDone)));
      }
      var feed = Collections.synchronizedList(new ArrayList<JsonObject>());
      var cursorsBefore = Collections.synchronizedList(new ArrayList<long[]>());
      var cursorTexts = new ConcurrentHashMap<Long, String>();
      var killed = new AtomicBoolean(false);
      var syncer =
          pool.submit(
              () -> {
                String cursor = null;
                while (running.get()) {
                  var t0 = now.get();
                  try {
                    var response =
                        Http.get(
                            site
                                + "/api/v1/completions?limit=20"
                                + (cursor == null ? "" : "&cursor=" + cursor),
                            hr.get());
                    var ok = response.statusCode() == 200;
                    calls.add(new Call("feed", t0, now.get(), ok, "HTTP " + response.statusCode()));
                    if (!ok) {
                      continue;
                    }
                    var page = Http.json(response);
                    page.getJsonArray("items").forEach(i -> feed.add(i.asJsonObject()));
                    cursor = page.getString("nextCursor");
                    if (!killed.get() && !feed.isEmpty()) {
                      var last = feed.get(feed.size() - 1).getJsonNumber("sequence").longValue();
                      if (cursorTexts.putIfAbsent(last, cursor) == null) {
                        cursorsBefore.add(new long[] {last});
                      }
                    }
                    if (!page.getBoolean("hasMore")) {
                      pause(250);
                    }
                  } catch (RuntimeException | AssertionError e) {
                    calls.add(new Call("feed", t0, now.get(), false, e.toString()));
                    pause(100);
                  }
                }
                return cursor;
              });

      // …MariaDB is killed once answers are being saved and the first course is completed
      waitUntil(
          "autosaves and a completion before the kill",
          180,
          () ->
              acknowledged(saving) >= 200
                  && completionsDone.get() >= 1
                  && !cursorsBefore.isEmpty());
      killed.set(true);
      var killedAt = now.get();
      database.kill();
      waitUntil(
          "every kind of request failing while the database is down",
          60,
          () -> {
            List<Call> failing;
            synchronized (calls) {
              failing = calls.stream().filter(c -> !c.ok() && c.endedAt() >= killedAt).toList();
            }
            return failing.size() >= 50
                && List.of("autosave", "feed", "lesson").stream()
                    .allMatch(kind -> failing.stream().anyMatch(c -> c.kind().equals(kind)));
          });
      // …and started again on the same data
      database.startAgain();
      var upAt = now.get();
      var ackedBeforeUp = acknowledged(saving);
      waitUntil(
          "every kind of request succeeding again",
          120,
          () -> {
            synchronized (calls) {
              return List.of("autosave", "feed", "lesson").stream()
                  .allMatch(
                      kind ->
                          calls.stream()
                              .anyMatch(
                                  c -> c.kind().equals(kind) && c.ok() && c.startedAt() > upAt));
            }
          });
      waitUntil(
          "100 more autosaves and every completion done",
          180,
          () ->
              acknowledged(saving) >= ackedBeforeUp + 100
                  && completionsDone.get() == COMPLETERS * COMPLETED_COURSES.size());
      running.set(false);
      for (var work : load) {
        work.get(2, TimeUnit.MINUTES);
      }
      var lastCursor = syncer.get(2, TimeUnit.MINUTES);

      // Then requests failed only while the database was down, and none hung
      List<Call> all;
      synchronized (calls) {
        all = List.copyOf(calls);
      }
      var failed = all.stream().filter(c -> !c.ok()).toList();
      var firstFailure = failed.stream().mapToLong(Call::endedAt).min().orElse(-1);
      var lastFailure = failed.stream().mapToLong(Call::endedAt).max().orElse(-1);
      var firstSuccessAfter =
          all.stream()
              .filter(c -> c.ok() && c.startedAt() > upAt)
              .mapToLong(Call::endedAt)
              .min()
              .orElse(-1);
      var slowest = all.stream().mapToLong(c -> c.endedAt() - c.startedAt()).max().orElse(0);
      var acked = acknowledged(saving);
      System.out.printf(
          "FAULTS database: down %d ms (killed at %d ms, up at %d ms); %d of %d requests failed,"
              + " from %d to %d ms after the load began (%d ms); first success %d ms after it was"
              + " up; slowest request %d ms; %d autosaves acknowledged; outcomes of failures: %s%n",
          upAt - killedAt,
          killedAt,
          upAt,
          failed.size(),
          all.size(),
          firstFailure,
          lastFailure,
          lastFailure - firstFailure,
          firstSuccessAfter - upAt,
          slowest,
          acked,
          outcomes(failed));
      assertAll(
          () ->
              assertEquals(
                  List.of(),
                  failed.stream().filter(c -> c.endedAt() < killedAt).toList(),
                  "nothing failed before the kill"),
          () ->
              assertEquals(
                  List.of(),
                  failed.stream().filter(c -> c.startedAt() > upAt + 5_000).toList(),
                  "nothing that started 5 s after the database was up failed"),
          () ->
              assertEquals(
                  List.of(),
                  failed.stream().filter(c -> c.outcome().contains("AssertionError")).toList(),
                  "every failure was a problem response the API documents, or a refused call"),
          () ->
              assertEquals(
                  List.of(),
                  failed.stream()
                      .filter(
                          c ->
                              c.outcome().matches("(read )?HTTP \\d+")
                                  && !c.outcome().endsWith("HTTP 503"))
                      .toList(),
                  "a request the database failed under is answered 503 (try again), never 500 or"
                      + " 404"),
          () -> assertTrue(slowest < 20_000, "no request took 20 s or more: " + slowest + " ms"));

      // And no acknowledged answer is lost: each attempt holds the last acknowledged save, or a
      // later one that committed although its answer never arrived
      for (var saver : saving) {
        var view =
            Http.json(api.attempt(tokens.get(saver.learner.username()).get(), saver.attempt));
        var sequence = view.getInt("sequence");
        var text = answerText(view, saver.slot);
        assertTrue(
            sequence >= saver.acknowledgedSequence,
            saver.learner.username()
                + ": sequence "
                + sequence
                + " >= acknowledged "
                + saver.acknowledgedSequence);
        if (sequence == saver.acknowledgedSequence) {
          assertEquals(saver.acknowledgedText, text, saver.learner.username());
        } else {
          assertTrue(
              saver.candidates.getOrDefault(sequence, Set.of()).contains(text),
              saver.learner.username() + ": " + text + " was sent as save " + sequence);
        }
      }
      System.out.printf("FAULTS database: 0 of %d acknowledged autosaves lost%n", acked);

      // And the feed has no gap: the sync that ran through the restart, a full sync now and every
      // cursor handed out before the restart all agree with the database
      var inDatabase = new TreeSet<Long>();
      try (var connection = database.connect(DATABASE);
          var statement = connection.createStatement();
          var result = statement.executeQuery("select sequence_no from completion_change")) {
        while (result.next()) {
          inDatabase.add(result.getLong(1));
        }
      }
      var synced = new ArrayList<Long>();
      synchronized (feed) {
        feed.forEach(item -> synced.add(item.getJsonNumber("sequence").longValue()));
      }
      drain(lastCursor, hr.get()).forEach(synced::add);
      assertEquals(
          List.copyOf(inDatabase), synced, "the sync through the restart: all, in order, once");
      assertEquals(List.copyOf(inDatabase), drain(null, hr.get()), "a full sync after recovery");
      for (var before : cursorsBefore) {
        var after = before[0];
        assertEquals(
            List.copyOf(inDatabase.tailSet(after, false)),
            drain(cursorTexts.get(after), hr.get()),
            "the cursor handed out after sequence " + after + " before the restart");
      }
      var ours =
          countOf(
              "select count(*) from completion_change c join person p on p.id = c.person_id"
                  + " where p.staff_number like 'SN-FDC"
                  + suffix
                  + "-%'");
      assertEquals(COMPLETERS * COMPLETED_COURSES.size(), ours, "every course completed once");
    } finally {
      pool.shutdownNow();
    }
  }

  /** A learner's autosaves, one every 300 ms: a new text for one slot each time. */
  private Void autosave(
      Saver saver, CachedToken token, AtomicBoolean running, List<Call> calls, Supplier<Long> now) {
    var resync = false;
    var n = 0;
    while (running.get()) {
      var t0 = now.get();
      try {
        if (resync) {
          var view = api.attempt(token.get(), saver.attempt);
          var ok = view.statusCode() == 200;
          calls.add(new Call("autosave", t0, now.get(), ok, "read HTTP " + view.statusCode()));
          if (ok) {
            saver.sequence = Http.json(view).getInt("sequence");
            resync = false;
          } else {
            pause(100);
          }
          continue;
        }
        var text = saver.learner.username() + " save " + (++n);
        saver
            .candidates
            .computeIfAbsent(saver.sequence + 1, s -> ConcurrentHashMap.newKeySet())
            .add(text);
        var answers =
            Json.createObjectBuilder()
                .add(String.valueOf(saver.slot), Json.createObjectBuilder().add("text", text))
                .build();
        var response = api.save(token.get(), saver.attempt, saver.sequence, answers);
        var status = response.statusCode();
        if (status == 200) {
          var sequence = Http.json(response).getInt("sequence");
          synchronized (saver) {
            saver.sequence = sequence;
            saver.acknowledgedSequence = sequence;
            saver.acknowledgedText = text;
            saver.acknowledged++;
          }
          calls.add(new Call("autosave", t0, now.get(), true, "HTTP 200"));
        } else if (status == 409) {
          // An earlier save committed although its answer was lost: read the sequence again
          calls.add(new Call("autosave", t0, now.get(), true, "HTTP 409"));
          resync = true;
        } else {
          calls.add(new Call("autosave", t0, now.get(), false, "HTTP " + status));
          resync = true;
        }
      } catch (RuntimeException | AssertionError e) {
        calls.add(new Call("autosave", t0, now.get(), false, e.toString()));
        resync = true;
      }
      pause(300);
    }
    return null;
  }

  /** A web learner enrols on two courses and marks their six lessons complete, one a second. */
  private Void completeCourses(
      WebSession session,
      String csrf,
      List<Call> calls,
      Supplier<Long> now,
      AtomicInteger completions) {
    for (var course : COMPLETED_COURSES) {
      var steps = new ArrayList<String>();
      steps.add("_csrf=%s&course=" + course);
      for (int lesson = 1; lesson <= LESSONS_PER_COURSE; lesson++) {
        steps.add("_csrf=%s&course=" + course + "&lesson=" + lesson + "&next=0");
      }
      for (int step = 0; step < steps.size(); step++) {
        var failedBefore = false;
        var deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (true) {
          assertTrue(System.nanoTime() < deadline, "a lesson completed within 3 minutes");
          var t0 = now.get();
          try {
            var action = step == 0 ? "/action/enrol" : "/action/complete";
            var response = session.post(site + action, steps.get(step).formatted(csrf), Map.of());
            var status = response.statusCode();
            var ok = status == 302 || status == 303;
            // A retry of an action whose first try committed unseen is refused as already done
            var alreadyDone = failedBefore && status >= 400 && status < 500;
            calls.add(new Call("lesson", t0, now.get(), ok || alreadyDone, "HTTP " + status));
            if (ok || alreadyDone) {
              break;
            }
            failedBefore = true;
          } catch (RuntimeException e) {
            calls.add(new Call("lesson", t0, now.get(), false, e.toString()));
            failedBefore = true;
          }
          pause(200);
        }
        pause(1000);
      }
      completions.incrementAndGet();
    }
    return null;
  }

  // --- 2. Keycloak stopped
  // -------------------------------------------------------------------------

  Process keycloakAgain;

  @Test
  @Order(2)
  void signedInPeopleCarryOnWhileKeycloakIsDownAndNewSignInsAreToldWhy() throws Exception {
    var people = KeycloakUsers.createIn(keycloak, "fkc" + suffix, 2);
    var learner = people.get(0);
    var session = WebSession.signIn(site, learner.username(), learner.username());
    var token = learner.token(keycloak);
    var hr = Tokens.forHrDemoClient(keycloak);
    assertEquals(200, api.me(token).statusCode());
    assertEquals(201, api.enrol(hr, learner.email(), "PY-CLIN").statusCode());
    var attempt = Http.json(api.start(token, quizOf("PY-CLIN")));
    var attemptId = attempt.getJsonNumber("id").longValue();
    var slot = textSlot(attempt);

    // When Keycloak stops
    var pid = Long.parseLong(Files.readString(home.resolve("run/keycloak.pid")).strip());
    assertEquals(0, new ProcessBuilder("kill", "-TERM", "--", "-" + pid).start().waitFor());
    waitUntil("Keycloak stopped", 60, () -> !PrivateMariaDb.portOpen(KEYCLOAK_PORT));
    var stoppedAt = System.nanoTime();

    // Then the learner signed in carries on: pages, and autosave through the session cookie
    var myLearning = session.get(site + "/my-learning");
    assertEquals(200, myLearning.statusCode());
    assertTrue(myLearning.body().contains("Python for clinicians"), "My learning shows the course");
    var page = session.get(site + "/attempts/" + attemptId);
    assertEquals(200, page.statusCode());
    var csrf = session.csrf(site + "/attempts/" + attemptId);
    var sequence = attempt.getInt("sequence");
    var autosaved =
        session.post(
            site + "/action/attempt",
            "_csrf="
                + csrf
                + "&attempt="
                + attemptId
                + "&sequence="
                + sequence
                + "&slots="
                + slot
                + "&t"
                + slot
                + "="
                + typeOf(attempt, slot)
                + "&q"
                + slot
                + "=typed+while+Keycloak+was+down"
                + "&go=autosave",
            Map.of("Accept", "application/json"));
    assertEquals(200, autosaved.statusCode(), autosaved.body());
    var web = Http.json(autosaved);
    assertTrue(web.getBoolean("accepted"), autosaved.body());
    sequence = web.getInt("sequence");

    // And API calls with unexpired tokens succeed (Keycloak's keys are cached)
    assertEquals(200, api.me(token).statusCode());
    var saved =
        api.save(
            token,
            attemptId,
            sequence,
            Json.createObjectBuilder()
                .add(
                    String.valueOf(slot),
                    Json.createObjectBuilder().add("text", "saved through the API meanwhile"))
                .build());
    assertEquals(200, saved.statusCode(), saved.body());
    var feed = Http.get(site + "/api/v1/completions?limit=5", hr);
    assertEquals(200, feed.statusCode(), feed.body());

    // And /api/health stays 200 with the identity provider DOWN in its checks: the balancer must
    // not take every member out for the one shared Keycloak
    var health = Http.get(site + "/api/health");
    assertEquals(200, health.statusCode(), health.body());
    var idp =
        Http.json(health).getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("identity-provider"))
            .findFirst()
            .orElseThrow();
    assertEquals("DOWN", idp.getString("status"), health.body());

    // And a new sign-in is told that it is not possible now: a page, not a hang (the site
    // remembers Keycloak's last answer for 5 s, so it notices within seconds)
    waitUntil(
        "the site noticing Keycloak is down",
        30,
        () -> new WebSession().get(site + "/signin?next=/my-learning").statusCode() == 503);
    var noticedAfter = (System.nanoTime() - stoppedAt) / 1_000_000;
    var stranger = new WebSession();
    var asked = System.nanoTime();
    var refused = stranger.follow(site + "/my-learning");
    var took = (System.nanoTime() - asked) / 1_000_000;
    var body = refused.body();
    assertAll(
        () -> assertEquals(503, refused.status(), refused.url()),
        () -> assertTrue(refused.url().startsWith(site + "/signin"), refused.url()),
        () -> assertTrue(took < 10_000, "answered in " + took + " ms"),
        () ->
            assertTrue(
                refused
                    .response()
                    .headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("text/html")),
        () -> assertTrue(refused.response().headers().firstValue("Retry-After").isPresent()),
        () -> assertTrue(body.contains("Sign-in is unavailable at the moment"), body),
        () -> assertTrue(body.contains("the sign-in service cannot be reached"), body),
        () -> assertFalse(body.contains("Exception") || body.contains("\tat "), body));
    var outage = (System.nanoTime() - stoppedAt) / 1_000_000;

    // When Keycloak is back (started as ./upskill start does, on the same data)
    keycloakAgain = startKeycloakAgain();
    waitUntil(
        "Keycloak back",
        240,
        () ->
            Http.get(keycloak + "/realms/upskill/.well-known/openid-configuration").statusCode()
                == 200);
    var downFor = (System.nanoTime() - stoppedAt) / 1_000_000;

    // Then signing in works again (once the site has noticed, within seconds)
    waitUntil(
        "sign-in offered again",
        30,
        () -> new WebSession().follow(site + "/signin?next=/my-learning").status() == 200);
    var second = WebSession.signIn(site, people.get(1).username(), people.get(1).username());
    assertEquals(200, second.get(site + "/my-learning").statusCode());
    assertEquals(200, api.me(people.get(1).token(keycloak)).statusCode());
    // And the first learner's session and answers are all there
    assertEquals(200, session.get(site + "/my-learning").statusCode());
    var view = Http.json(api.attempt(learner.token(keycloak), attemptId));
    assertEquals("saved through the API meanwhile", answerText(view, slot));
    System.out.printf(
        "FAULTS keycloak: sign-in refused with 503 %d ms after Keycloak stopped; checks done"
            + " %d ms into the outage; Keycloak down %d ms in all%n",
        noticedAfter, outage, downFor);
  }

  /** Starts the private Keycloak again as {@code ./upskill start} does, on the same data. */
  private Process startKeycloakAgain() throws IOException {
    Path kcHome;
    try (var entries = Files.list(home)) {
      kcHome =
          entries
              .filter(p -> p.getFileName().toString().startsWith("keycloak-"))
              .findFirst()
              .orElseThrow();
    }
    var process =
        new ProcessBuilder(
            List.of(
                "setsid",
                kcHome.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + KEYCLOAK_PORT,
                "--hostname=http://localhost:" + KEYCLOAK_PORT,
                "--import-realm"));
    process.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    process.environment().putIfAbsent("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    process
        .redirectErrorStream(true)
        .redirectOutput(home.resolve("logs/keycloak-again.log").toFile());
    var started = process.start();
    // ./upskill stop stops it with the rest
    Files.writeString(home.resolve("run/keycloak.pid"), String.valueOf(started.pid()));
    return started;
  }

  // --- helpers
  // ---------------------------------------------------------------------------------------

  /** A token fetched again when it is four minutes old (Keycloak's lifespan is five). */
  static final class CachedToken {
    private final Supplier<String> fetch;
    private String token;
    private long fetchedAt;

    CachedToken(Supplier<String> fetch) {
      this.fetch = fetch;
    }

    synchronized String get() {
      if (token == null || System.nanoTime() - fetchedAt > TimeUnit.MINUTES.toNanos(4)) {
        token = fetch.get();
        fetchedAt = System.nanoTime();
      }
      return token;
    }
  }

  private static int acknowledged(List<Saver> savers) {
    var sum = 0;
    for (var saver : savers) {
      synchronized (saver) {
        sum += saver.acknowledged;
      }
    }
    return sum;
  }

  /** A question of the attempt that takes any text (short text, or else a number's text). */
  private static int textSlot(JsonObject attempt) {
    for (var type : List.of("shorttext", "numeric")) {
      for (var value : attempt.getJsonArray("questions")) {
        if (type.equals(value.asJsonObject().getString("type"))) {
          return value.asJsonObject().getInt("slot");
        }
      }
    }
    throw new AssertionError("no question taking text in " + attempt);
  }

  private static String typeOf(JsonObject attempt, int slot) {
    return attempt.getJsonArray("questions").stream()
        .map(v -> v.asJsonObject())
        .filter(q -> q.getInt("slot") == slot)
        .findFirst()
        .orElseThrow()
        .getString("type");
  }

  private static String answerText(JsonObject view, int slot) {
    for (var value : view.getJsonArray("questions")) {
      var q = value.asJsonObject();
      if (q.getInt("slot") == slot) {
        var answer = q.getJsonObject("answer");
        return answer.isNull("text") ? null : answer.getString("text");
      }
    }
    throw new AssertionError("no slot " + slot);
  }

  private static Map<String, Long> outcomes(List<Call> failed) {
    var counts = new java.util.TreeMap<String, Long>();
    for (var call : failed) {
      var outcome = call.outcome();
      var key = call.kind() + " " + (outcome.length() > 90 ? outcome.substring(0, 90) : outcome);
      counts.merge(key, 1L, Long::sum);
    }
    return counts;
  }

  /** The sequence numbers of every change after {@code cursor} (null: from the start). */
  private List<Long> drain(String cursor, String token) {
    var sequences = new ArrayList<Long>();
    while (true) {
      var response =
          Http.get(
              site + "/api/v1/completions?limit=100" + (cursor == null ? "" : "&cursor=" + cursor),
              token);
      assertEquals(200, response.statusCode(), response.body());
      var page = Http.json(response);
      page.getJsonArray("items")
          .forEach(i -> sequences.add(i.asJsonObject().getJsonNumber("sequence").longValue()));
      cursor = page.getString("nextCursor");
      if (!page.getBoolean("hasMore")) {
        return sequences;
      }
    }
  }

  private long quizOf(String course) throws Exception {
    try (var connection = database.connect(DATABASE);
        var statement =
            connection.prepareStatement(
                "select q.id from quiz q join course c on c.id = q.course_id where c.code = ?"
                    + " order by q.id limit 1")) {
      statement.setString(1, course);
      try (var result = statement.executeQuery()) {
        assertTrue(result.next(), "the demo quiz of " + course);
        return result.getLong(1);
      }
    }
  }

  private long countOf(String sql) throws Exception {
    try (var connection = database.connect(DATABASE);
        var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static void waitUntil(String what, int seconds, BooleanSupplier condition)
      throws InterruptedException {
    var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!safely(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Not within " + seconds + " s: " + what);
      }
      Thread.sleep(100);
    }
  }

  private static boolean safely(BooleanSupplier condition) {
    try {
      return condition.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Result(int exitCode, String output) {}

  private Result upskill(String command) throws IOException, InterruptedException {
    var log = Files.createTempFile("upskill-faults-" + command, ".log");
    var process =
        new ProcessBuilder(List.of("bash", "upskill", command))
            .directory(TestEnvironment.projectRoot().toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    var env = process.environment();
    env.remove("UPSKILL_KEYCLOAK_URL");
    env.remove("UPSKILL_DB_PASSWORD");
    env.put("UPSKILL_HOME", home.toString());
    env.put("UPSKILL_PORT_OFFSET", String.valueOf(PORT_OFFSET));
    env.put("UPSKILL_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
    env.put(
        "UPSKILL_DB_URL",
        "jdbc:mysql://127.0.0.1:"
            + DB_PORT
            + "/"
            + DATABASE
            + "?createDatabaseIfNotExist=true&characterEncoding=UTF-8"
            + "&allowPublicKeyRetrieval=true&useSSL=false");
    env.put("UPSKILL_DB_USER", "root");
    var started = process.start();
    if (!started.waitFor(10, TimeUnit.MINUTES)) {
      started.destroyForcibly();
      throw new IllegalStateException("./upskill " + command + " did not finish in 10 minutes");
    }
    return new Result(started.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}

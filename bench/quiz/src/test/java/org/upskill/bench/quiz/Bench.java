package org.upskill.bench.quiz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything of the exam-start benchmark that is not Gatling: settings, the learners' tokens and
 * their untimed warm-up, the barriers between phases, Hibernate statistics snapshots through
 * jboss-cli, and the figures (recorded here per request, so that they are exact and separate per
 * request type).
 */
final class Bench {

  // ------------------------------------------------------------------------------ settings

  static final int N = intEnv("BENCH_N", 50);
  static final int FIRST_USER = intEnv("BENCH_FIRST_USER", 1);
  static final String BASE = env("BENCH_BASE", "http://localhost:8580");
  static final String KEYCLOAK = env("BENCH_KEYCLOAK", "http://localhost:8180");
  static final String REALM = env("BENCH_REALM", "upskill");
  static final String COURSE = env("BENCH_COURSE", "PY-CLIN");
  static final long QUIZ = Long.parseLong(env("BENCH_QUIZ", "0"));
  static final String CLI = env("BENCH_CLI", "");
  static final String CONTROLLER = env("BENCH_CONTROLLER", "localhost:10490");
  static final Path OUT = Path.of(env("BENCH_OUT", "target/exam-start"));
  static final String LABEL = env("BENCH_LABEL", String.valueOf(N));
  static final int PARALLEL = intEnv("BENCH_TOKEN_PARALLELISM", 8);
  static final int SAVES = 3;
  /** A PEM certificate to trust for HTTPS (the cluster's balancer); empty: the JDK's own trust. */
  static final String CA_PEM = env("BENCH_CA_PEM", "");
  /**
   * Members whose request counters to read, "name=metrics-URL" separated by spaces (WildFly's
   * Prometheus endpoint on each member's management interface); empty: none.
   */
  static final String METRICS = env("BENCH_METRICS", "");
  /** A shell command run once during the run (a member killed); empty: none. */
  static final String KILL_COMMAND = env("BENCH_KILL_COMMAND", "");
  /** The phase during which {@link #KILL_COMMAND} runs (2 = the second save round, half-way). */
  static final int KILL_PHASE = intEnv("BENCH_KILL_PHASE", 2);
  /** How long after that phase's burst began the command runs: requests are then in flight. */
  static final int KILL_DELAY_MS = intEnv("BENCH_KILL_DELAY_MS", 300);
  /** Tokens older than this are refreshed (untimed, at a barrier); Keycloak's default is 300 s. */
  static final long REFRESH_AFTER_MS = 120_000;

  static final String PU =
      "/deployment=upskill.ear/subdeployment=upskill-ejb.jar/subsystem=jpa"
          + "/hibernate-persistence-unit=upskill.ear\\/upskill-ejb.jar#upskill";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = client();

  private static HttpClient client() {
    var builder =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1);
    if (!CA_PEM.isEmpty()) {
      builder.sslContext(trusting(Path.of(CA_PEM)));
    }
    return builder.build();
  }

  /** An SSL context that trusts the certificate(s) of one PEM file and nothing else. */
  private static javax.net.ssl.SSLContext trusting(Path pem) {
    try (var in = Files.newInputStream(pem)) {
      var store = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
      store.load(null, null);
      int k = 0;
      for (var certificate :
          java.security.cert.CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        store.setCertificateEntry("trusted-" + k++, certificate);
      }
      var trust =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      var context = javax.net.ssl.SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot trust " + pem + ": " + e, e);
    }
  }

  private Bench() {}

  // ------------------------------------------------------------------------------ tokens and warm-up

  private static final String[] access = new String[N];
  private static final String[] refresh = new String[N];
  private static final long[] fetchedAt = new long[N];
  private static volatile String hrToken;
  private static volatile long hrFetchedAt;
  private static final Map<String, LongAdder> warmupErrors = new ConcurrentHashMap<>();

  static String username(int i) {
    return String.format(Locale.ROOT, "bench-%04d", FIRST_USER + i);
  }

  static String token(int i) {
    return access[i];
  }

  /**
   * Untimed: every learner's token (password grant, {@link #PARALLEL} at a time), GET /api/v1/me
   * (creates the person) and the enrolment on the quiz's course through the HR API (409 when
   * already enrolled is fine). Then the first statistics snapshot.
   */
  static void prepare() {
    require(QUIZ > 0, "BENCH_QUIZ (the quiz id) is not set");
    var began = System.nanoTime();
    var cached = readTokenCache();
    runAll(
        i -> {
          var cachedRefresh = cached.get(username(i));
          try {
            if (cachedRefresh == null) {
              passwordGrant(i);
            } else {
              refreshGrant(i, cachedRefresh);
            }
          } catch (RuntimeException e) {
            passwordGrant(i);
          }
          var me = send(get("/api/v1/me", access[i]));
          if (me.statusCode() != 200) {
            warmupError("GET /me HTTP " + me.statusCode());
          }
          var body =
              "{\"person\":\"" + username(i) + "@example.org\",\"course\":\"" + COURSE + "\"}";
          var enrol =
              send(
                  HttpRequest.newBuilder(URI.create(BASE + "/api/v1/enrolments"))
                      .header("Authorization", "Bearer " + hrToken())
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build());
          if (enrol.statusCode() != 201
              && enrol.statusCode() != 200
              && !(enrol.statusCode() == 409 && enrol.body().contains("already"))) {
            warmupError("enrolment HTTP " + enrol.statusCode() + " " + abbreviate(enrol.body()));
          }
        });
    log(
        "warm-up (tokens, %d of them refreshed from target/tokens.tsv; /me; enrolments) of %d"
            + " learners took %.1f s%s",
        cached.size(),
        N,
        (System.nanoTime() - began) / 1e9,
        warmupErrors.isEmpty() ? "" : ": " + warmupErrors);
    refreshOldTokens();
    writeTokenCache();
    snapshots[0] = statistics();
    requestCounts[0] = requestCounts();
  }

  private static void passwordGrant(int i) {
    tokenRequest(
        i,
        "grant_type=password&client_id=upskill-tests&username="
            + enc(username(i))
            + "&password="
            + enc(username(i)));
  }

  /** Untimed, between phases: fresh tokens for those older than {@link #REFRESH_AFTER_MS}. */
  static void refreshOldTokens() {
    var now = System.currentTimeMillis();
    var old = new ArrayList<Integer>();
    for (int i = 0; i < N; i++) {
      if (now - fetchedAt[i] > REFRESH_AFTER_MS) {
        old.add(i);
      }
    }
    if (old.isEmpty()) {
      return;
    }
    var began = System.nanoTime();
    runAll(
        old,
        i -> {
          try {
            refreshGrant(i, refresh[i]);
          } catch (RuntimeException e) {
            passwordGrant(i);
          }
        });
    log("refreshed %d tokens in %.1f s (untimed)", old.size(), (System.nanoTime() - began) / 1e9);
  }

  private static void refreshGrant(int i, String refreshToken) {
    tokenRequest(
        i, "grant_type=refresh_token&client_id=upskill-tests&refresh_token=" + enc(refreshToken));
  }

  /**
   * Refresh tokens of earlier runs (Keycloak keeps them for 30 minutes of idleness), so that a
   * learner's password grant, the slow part of the warm-up, is needed only once.
   */
  private static Map<String, String> readTokenCache() {
    var cache = new ConcurrentHashMap<String, String>();
    var file = tokenCache();
    if (Files.isRegularFile(file)) {
      try {
        for (var line : Files.readAllLines(file)) {
          var parts = line.split("\t");
          if (parts.length == 2) {
            cache.put(parts[0], parts[1]);
          }
        }
      } catch (IOException e) {
        log("could not read %s: %s", file, e);
      }
    }
    var mine = new java.util.HashMap<String, String>();
    for (int i = 0; i < N; i++) {
      var token = cache.get(username(i));
      if (token != null) {
        mine.put(username(i), token);
      }
    }
    return mine;
  }

  private static synchronized void writeTokenCache() {
    var file = tokenCache();
    var cache = new TreeMap<String, String>();
    try {
      if (Files.isRegularFile(file)) {
        for (var line : Files.readAllLines(file)) {
          var parts = line.split("\t");
          if (parts.length == 2) {
            cache.put(parts[0], parts[1]);
          }
        }
      }
      for (int i = 0; i < N; i++) {
        if (refresh[i] != null && !refresh[i].isEmpty()) {
          cache.put(username(i), refresh[i]);
        }
      }
      var text = new StringBuilder();
      cache.forEach((user, token) -> text.append(user).append('\t').append(token).append('\n'));
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      log("could not write %s: %s", file, e);
    }
  }

  private static Path tokenCache() {
    return OUT.toAbsolutePath().getParent().resolve("tokens.tsv");
  }

  private static void tokenRequest(int i, String form) {
    var response =
        send(
            HttpRequest.newBuilder(
                    URI.create(KEYCLOAK + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    if (response.statusCode() != 200) {
      if (form.startsWith("grant_type=password")) {
        warmupError("token HTTP " + response.statusCode());
      }
      throw new IllegalStateException(
          "no token for " + username(i) + ": HTTP " + response.statusCode() + " " + response.body());
    }
    var json = read(response.body());
    access[i] = json.path("access_token").asText();
    refresh[i] = json.path("refresh_token").asText();
    fetchedAt[i] = System.currentTimeMillis();
  }

  private static synchronized String hrToken() {
    if (hrToken == null || System.currentTimeMillis() - hrFetchedAt > REFRESH_AFTER_MS) {
      var response =
          send(
              HttpRequest.newBuilder(
                      URI.create(KEYCLOAK + "/realms/" + REALM + "/protocol/openid-connect/token"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&client_id=hr-demo"
                              + "&client_secret=hr-demo-secret"))
                  .build());
      require(response.statusCode() == 200, "no HR token: " + response.body());
      hrToken = read(response.body()).path("access_token").asText();
      hrFetchedAt = System.currentTimeMillis();
    }
    return hrToken;
  }

  private static void warmupError(String what) {
    warmupErrors.computeIfAbsent(what, k -> new LongAdder()).increment();
  }

  interface Task {
    void run(int i) throws Exception;
  }

  private static void runAll(Task task) {
    var all = new ArrayList<Integer>();
    for (int i = 0; i < N; i++) {
      all.add(i);
    }
    runAll(all, task);
  }

  private static void runAll(List<Integer> indexes, Task task) {
    ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
    try {
      var futures = new ArrayList<Future<?>>();
      for (int i : indexes) {
        futures.add(
            pool.submit(
                () -> {
                  task.run(i);
                  return null;
                }));
      }
      for (var future : futures) {
        try {
          future.get();
        } catch (Exception e) {
          warmupError("warm-up failure: " + abbreviate(String.valueOf(e.getCause())));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------------------------ barriers

  /** Phases: 0 start, 1..3 the save rounds, 4 submit. */
  static final int PHASES = 2 + SAVES;

  private static final AtomicInteger[] arrived = new AtomicInteger[PHASES];
  private static final AtomicLong[] releaseAt = new AtomicLong[PHASES];
  private static final long[] phaseBegan = new long[PHASES];
  private static final long[] phaseEnded = new long[PHASES];
  private static final AtomicInteger nextUser = new AtomicInteger();
  private static volatile String loadBefore = "?";

  private static String loadAverage() {
    try {
      var parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException | RuntimeException e) {
      return "?";
    }
  }

  static {
    for (int p = 0; p < PHASES; p++) {
      arrived[p] = new AtomicInteger();
      releaseAt[p] = new AtomicLong();
    }
  }

  /** The next virtual learner's index; the first one marks the start of the burst. */
  static int nextUser() {
    var i = nextUser.getAndIncrement();
    if (i == 0) {
      phaseBegan[0] = System.currentTimeMillis();
      loadBefore = loadAverage();
    }
    return i;
  }

  /**
   * A learner has finished phase {@code phase}. The last one takes the statistics snapshot, then
   * refreshes old tokens (both untimed), then sets the time at which everyone starts the next
   * phase together.
   */
  static void arrive(int phase) {
    if (arrived[phase].incrementAndGet() != N) {
      return;
    }
    phaseEnded[phase] = System.currentTimeMillis();
    if (phase == PHASES - 1) {
      return; // the last snapshot is taken in after()
    }
    var thread =
        new Thread(
            () -> {
              snapshots[phase + 1] = statistics();
              requestCounts[phase + 1] = requestCounts();
              refreshOldTokens();
              // Everyone polls every 200 ms: by then all have seen the time, and wake up together.
              var at = System.currentTimeMillis() + 700;
              phaseBegan[phase + 1] = at;
              if (phase + 1 == KILL_PHASE && !KILL_COMMAND.isEmpty()) {
                killAt(at + KILL_DELAY_MS);
              }
              releaseAt[phase].set(at);
            },
            "bench-barrier-" + phase);
    thread.setDaemon(true);
    thread.start();
  }

  private static volatile String killed = "";

  /** Runs {@link #KILL_COMMAND} at {@code at} (epoch ms), on its own thread. */
  private static void killAt(long at) {
    var thread =
        new Thread(
            () -> {
              try {
                Thread.sleep(Math.max(0, at - System.currentTimeMillis()));
                var began = System.currentTimeMillis();
                var process =
                    new ProcessBuilder("sh", "-c", KILL_COMMAND).redirectErrorStream(true).start();
                var output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                var exit = process.waitFor();
                killed =
                    String.format(
                        Locale.ROOT,
                        "ran `%s` %.1f s into phase %d (exit %d%s)",
                        KILL_COMMAND,
                        (began - phaseBegan[KILL_PHASE]) / 1000.0,
                        KILL_PHASE,
                        exit,
                        output.isBlank() ? "" : ": " + abbreviate(output));
                log("%s", killed);
              } catch (IOException e) {
                killed = "could not run `" + KILL_COMMAND + "`: " + e;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "bench-kill");
    thread.setDaemon(true);
    thread.start();
  }

  /** When the phase after {@code phase} begins, or 0 while unknown. */
  static long releaseAt(int phase) {
    return releaseAt[phase].get();
  }

  // ------------------------------------------------------------------------------ statistics

  /** Hibernate's prepared statements and query executions after each phase (0 = before). */
  static final long[][] snapshots = new long[PHASES + 1][];

  private static final Pattern RESULT = Pattern.compile("\"result\" => (-?\\d+)L?");

  static long[] statistics() {
    if (CLI.isEmpty()) {
      return new long[] {-1, -1};
    }
    try {
      var process =
          new ProcessBuilder(
                  CLI,
                  "--controller=" + CONTROLLER,
                  "-c",
                  "--commands="
                      + PU
                      + ":read-attribute(name=prepared-statement-count),"
                      + PU
                      + ":read-attribute(name=query-execution-count)")
              .redirectErrorStream(true)
              .start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      process.waitFor(60, TimeUnit.SECONDS);
      Matcher m = RESULT.matcher(output);
      var values = new long[] {-1, -1};
      for (int k = 0; k < 2 && m.find(); k++) {
        values[k] = Long.parseLong(m.group(1));
      }
      if (values[1] < 0) {
        log("could not read Hibernate statistics: %s", abbreviate(output));
      }
      return values;
    } catch (IOException | InterruptedException e) {
      log("could not run jboss-cli: %s", e);
      return new long[] {-1, -1};
    }
  }

  /** Each member's API request count (by name; absent when it did not answer) after each phase. */
  @SuppressWarnings("unchecked")
  static final Map<String, Long>[] requestCounts = new Map[PHASES + 1];

  /**
   * Reads every member's {@code upskill_api_requests_seconds_count} series from its Prometheus
   * endpoint and answers their sums by member; a member that does not answer is left out.
   */
  static Map<String, Long> requestCounts() {
    var counts = new TreeMap<String, Long>();
    for (var member : METRICS.trim().split("\\s+")) {
      if (member.isEmpty() || !member.contains("=")) {
        continue;
      }
      var name = member.substring(0, member.indexOf('='));
      var url = member.substring(member.indexOf('=') + 1);
      try {
        var response =
            CLIENT.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          continue;
        }
        long sum = 0;
        for (var line : response.body().split("\n")) {
          if (line.startsWith("upskill_api_requests_seconds_count{")) {
            sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
          }
        }
        counts.put(name, sum);
      } catch (IOException | RuntimeException e) {
        // a member that is down is simply not counted
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return counts;
  }

  /**
   * Requests each member served during the run and per second of the run, from the first snapshot
   * to the last one in which it answered ("down after phase k" when that was before the end).
   */
  private static String perMember() {
    if (METRICS.isBlank() || requestCounts[0] == null) {
      return "";
    }
    var seconds = (phaseEnded[PHASES - 1] - phaseBegan[0]) / 1000.0;
    var parts = new ArrayList<String>();
    for (var entry : requestCounts[0].entrySet()) {
      var name = entry.getKey();
      int last = 0;
      for (int p = 1; p <= PHASES; p++) {
        if (requestCounts[p] != null && requestCounts[p].containsKey(name)) {
          last = p;
        }
      }
      var served = requestCounts[last].get(name) - entry.getValue();
      parts.add(
          String.format(
              Locale.ROOT,
              "%s %d requests (%.0f/s over the run's %.1f s)%s",
              name,
              served,
              seconds > 0 ? served / seconds : 0,
              seconds,
              last == PHASES ? "" : ", no answer after phase " + (last - 1)));
    }
    return "served by: " + String.join("; ", parts) + "%n";
  }

  // ------------------------------------------------------------------------------ figures

  enum Type {
    start,
    save,
    submit
  }

  private static final List<List<Integer>> okTimes = new ArrayList<>();
  private static final LongAdder[] sent = new LongAdder[Type.values().length];
  private static final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private static final Map<String, String> errorSamples = new ConcurrentHashMap<>();

  private static final List<List<Integer>> phaseTimes = new ArrayList<>();
  private static final LongAdder[] phaseErrors = new LongAdder[PHASES];

  static {
    for (var type : Type.values()) {
      okTimes.add(Collections.synchronizedList(new ArrayList<>()));
      sent[type.ordinal()] = new LongAdder();
    }
    for (int p = 0; p < PHASES; p++) {
      phaseTimes.add(Collections.synchronizedList(new ArrayList<>()));
      phaseErrors[p] = new LongAdder();
    }
  }

  /**
   * Records one request: its response time when it got the expected status and body, else an
   * error named by type and cause.
   *
   * @return the response body as JSON when it was a success, else null
   */
  static JsonNode record(
      Type type, int phase, Integer status, Integer millis, String body, int expected) {
    sent[type.ordinal()].increment();
    String error = null;
    JsonNode json = null;
    if (status == null) {
      error = "no response (timeout or connection error)";
    } else if (status != expected) {
      error = "HTTP " + status;
      var detail = detail(body);
      if (status == 409 && detail != null) {
        error += detail.contains("out of date") ? " stale sequence" : " " + abbreviate(detail);
      }
    } else {
      try {
        json = read(body);
      } catch (RuntimeException e) {
        error = "HTTP " + status + " but not JSON";
      }
      if (json != null && type == Type.save && !json.path("accepted").asBoolean(false)) {
        error = "HTTP 200 but not accepted";
      }
      if (json != null && type == Type.submit && !json.has("percent")) {
        error = "HTTP 200 without a result";
      }
    }
    if (error != null) {
      var key = type + ": " + error;
      errors.computeIfAbsent(key, k -> new LongAdder()).increment();
      errorSamples.putIfAbsent(key, abbreviate(String.valueOf(body)));
      phaseErrors[phase].increment();
      return null;
    }
    okTimes.get(type.ordinal()).add(millis);
    phaseTimes.get(phase).add(millis);
    return json;
  }

  private static String detail(String body) {
    try {
      return read(body).path("detail").asText(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------------------ answers

  /**
   * One plausible answer per question of the attempt view, by slot: the first option, "true",
   * a number, a word, the options' order, the pairs in the order shown.
   */
  static List<JsonNode> answers(JsonNode attempt) {
    var answers = new ArrayList<JsonNode>();
    for (var q : attempt.path("questions")) {
      ObjectNode a = JSON.createObjectNode();
      var options = q.path("options");
      switch (q.path("type").asText()) {
        case "single" -> a.putArray("choices").add(options.path(0).path("id").asText());
        case "multiple" ->
            a.putArray("choices")
                .add(options.path(0).path("id").asText())
                .add(options.path(1).path("id").asText());
        case "truefalse" -> a.put("text", "true");
        case "numeric" -> a.put("text", "42");
        case "shorttext" -> a.put("text", "len");
        case "ordering" -> {
          var sequence = a.putArray("sequence");
          options.forEach(o -> sequence.add(o.path("id").asText()));
        }
        case "matching" -> {
          var matches = a.putObject("matches");
          var choices = q.path("matchAnswers");
          for (int k = 0; k < options.size(); k++) {
            matches.put(options.path(k).path("id").asText(), choices.path(k).asText());
          }
        }
        default -> {}
      }
      answers.add(a);
    }
    return answers;
  }

  /**
   * Autosave round {@code round} (1..3) sends the answers given so far, as a page does: slots 1 to
   * round/3 of the quiz (7, 14, 20 of 20).
   */
  static String saveBody(int sequence, List<JsonNode> answers, int round) {
    ObjectNode body = JSON.createObjectNode();
    body.put("sequence", sequence);
    var responses = body.putObject("responses");
    int upTo = (int) Math.ceil(answers.size() * round / (double) SAVES);
    for (int slot = 1; slot <= upTo; slot++) {
      responses.set(String.valueOf(slot), answers.get(slot - 1));
    }
    return body.toString();
  }

  // ------------------------------------------------------------------------------ report

  static void report() {
    snapshots[PHASES] = statistics();
    requestCounts[PHASES] = requestCounts();
    writeTokenCache();
    var row = new StringBuilder();
    row.append(String.format(Locale.ROOT, "%-20s", LABEL));
    for (var type : Type.values()) {
      var times = new ArrayList<>(okTimes.get(type.ordinal()));
      Collections.sort(times);
      row.append(
          String.format(
              Locale.ROOT, " %7s %7s", percentile(times, 50), percentile(times, 99)));
    }
    // SQL statements per request: start = phase 0, save = phases 1..3, submit = phase 4.
    row.append(String.format(Locale.ROOT, " %6s", perRequest(0, 0, 1, Type.start)));
    row.append(String.format(Locale.ROOT, " %6s", perRequest(0, 1, SAVES + 1, Type.save)));
    row.append(String.format(Locale.ROOT, " %6s", perRequest(0, SAVES + 1, PHASES, Type.submit)));
    row.append(String.format(Locale.ROOT, " %6s", seconds(0)));
    row.append(String.format(Locale.ROOT, " %6s", seconds(PHASES - 1)));
    long errorCount = errors.values().stream().mapToLong(LongAdder::sum).sum();
    row.append("  ").append(errorCount == 0 ? "0" : errorCount + " " + errorSummary());
    if (!warmupErrors.isEmpty()) {
      row.append(" (warm-up: ").append(warmupErrors).append(")");
    }

    var details = new StringBuilder();
    details.append(
        String.format(
            Locale.ROOT,
            "N=%s quiz=%d base=%s; load average before the burst %s, after the run %s (%d CPUs)%n",
            LABEL,
            QUIZ,
            BASE,
            loadBefore,
            loadAverage(),
            Runtime.getRuntime().availableProcessors()));
    for (var type : Type.values()) {
      var times = new ArrayList<>(okTimes.get(type.ordinal()));
      Collections.sort(times);
      details.append(
          String.format(
              Locale.ROOT,
              "%-7s sent %6d ok %6d  p50 %s p90 %s p99 %s max %s ms%n",
              type,
              sent[type.ordinal()].sum(),
              times.size(),
              percentile(times, 50),
              percentile(times, 90),
              percentile(times, 99),
              times.isEmpty() ? "-" : times.get(times.size() - 1)));
    }
    details.append(
        String.format(
            Locale.ROOT,
            "queries/req (JPQL executions): start %s save %s submit %s%n",
            perRequest(1, 0, 1, Type.start),
            perRequest(1, 1, SAVES + 1, Type.save),
            perRequest(1, SAVES + 1, PHASES, Type.submit)));
    for (int p = 0; p < PHASES; p++) {
      var times = new ArrayList<>(phaseTimes.get(p));
      Collections.sort(times);
      details.append(
          String.format(
              Locale.ROOT,
              "phase %d (%s): %s s, ok p50 %s p99 %s ms, %d errors, prepared statements %s%n",
              p,
              p == 0 ? "start" : p == PHASES - 1 ? "submit" : "save round " + p,
              seconds(p),
              percentile(times, 50),
              percentile(times, 99),
              phaseErrors[p].sum(),
              delta(0, p, p + 1)));
    }
    details.append(String.format(Locale.ROOT, perMember()));
    if (!killed.isEmpty()) {
      details.append("fault: ").append(killed).append('\n');
    }
    new TreeMap<>(errors)
        .forEach(
            (key, count) ->
                details.append(
                    String.format(
                        Locale.ROOT,
                        "error %-50s x%d  e.g. %s%n",
                        key,
                        count.sum(),
                        errorSamples.get(key))));
    warmupErrors.forEach(
        (key, count) -> details.append("warm-up error " + key + " x" + count.sum() + "\n"));
    try {
      Files.createDirectories(OUT.toAbsolutePath().getParent());
      Files.writeString(Path.of(OUT + ".row"), row + "\n");
      Files.writeString(Path.of(OUT + ".details"), details.toString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    System.out.println("BENCH-ROW " + row);
    System.out.print(details);
  }

  private static String errorSummary() {
    var parts = new ArrayList<String>();
    new TreeMap<>(errors).forEach((key, count) -> parts.add(key + " x" + count.sum()));
    return "(" + String.join("; ", parts) + ")";
  }

  private static String percentile(List<Integer> sorted, int p) {
    if (sorted.isEmpty()) {
      return "-";
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return String.valueOf(sorted.get(Math.max(0, rank - 1)));
  }

  private static String delta(int which, int from, int to) {
    if (snapshots[from] == null || snapshots[to] == null) {
      return "?";
    }
    long a = snapshots[from][which];
    long b = snapshots[to][which];
    return a < 0 || b < 0 ? "?" : String.valueOf(b - a);
  }

  private static String perRequest(int which, int from, int to, Type type) {
    var d = delta(which, from, to);
    long requests = sent[type.ordinal()].sum();
    if (d.equals("?") || requests == 0) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.1f", Long.parseLong(d) / (double) requests);
  }

  private static String seconds(int phase) {
    if (phaseBegan[phase] == 0 || phaseEnded[phase] == 0) {
      return "?";
    }
    return String.format(Locale.ROOT, "%.1f", (phaseEnded[phase] - phaseBegan[phase]) / 1000.0);
  }

  // ------------------------------------------------------------------------------ small tools

  private static HttpRequest get(String path, String token) {
    return HttpRequest.newBuilder(URI.create(BASE + path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String abbreviate(String s) {
    if (s == null) {
      return "";
    }
    s = s.replaceAll("\\s+", " ");
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[bench] " + format + "%n", args);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalStateException(message);
    }
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int intEnv(String name, int fallback) {
    return Integer.parseInt(env(name, String.valueOf(fallback)));
  }
}

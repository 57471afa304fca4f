package org.upskill.system.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The cluster of {@code ./upskill cluster} (3 Galera nodes behind the SQL front, two WildFly
 * members, the HTTPS balancer), driven from a test: started and stopped with the command itself,
 * reached through the balancer only (its self-signed certificate trusted, and only it), its members
 * killed with SIGKILL, its database read through the SQL front, its own two Keycloak nodes reached
 * through their front {@link #KEYCLOAK_URL} (never the test Keycloak).
 */
public final class Cluster {

  public static final int HTTPS_PORT = 8443;
  public static final String PUBLIC_URL = "https://localhost:" + HTTPS_PORT;
  static final int SQL_FRONT_PORT = 3310;

  /** The cluster's Keycloak: the front of its two nodes ({@code UPSKILL_CLUSTER_KEYCLOAK_PORT}). */
  public static final String KEYCLOAK_URL = "http://localhost:8780";

  private static HttpClient client;

  private Cluster() {}

  /** The folder of the command's state ({@code UPSKILL_HOME}, else {@code .upskill}). */
  public static Path home() {
    var set = System.getenv("UPSKILL_HOME");
    var home =
        set == null || set.isBlank()
            ? TestEnvironment.projectRoot().resolve(".upskill")
            : Path.of(set);
    return home.toAbsolutePath();
  }

  /** Output and exit code of one {@code ./upskill cluster …} run. */
  public record Result(int exitCode, String output) {}

  /** Runs {@code ./upskill cluster ACTION} with these variables added, for at most 15 minutes. */
  public static Result command(String action, Map<String, String> environment) {
    try {
      var log = Files.createTempFile("upskill-cluster-" + action, ".log");
      var builder =
          new ProcessBuilder(List.of("bash", "upskill", "cluster", action))
              .directory(TestEnvironment.projectRoot().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().remove("UPSKILL_DB_URL");
      // the EAR of this build, as it is (a rebuild would pull it from under the running tests)
      builder.environment().put("UPSKILL_SKIP_BUILD", "true");
      builder.environment().putAll(environment);
      var process = builder.start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        throw new IllegalStateException("./upskill cluster " + action + " ran for 15 minutes");
      }
      var output = Files.readString(log, StandardCharsets.UTF_8);
      Files.delete(log);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JVM process id of member {@code n} (1 or 2), from the command's run folder. */
  public static long memberPid(int n) {
    try {
      return Long.parseLong(
          Files.readString(home().resolve("run/cluster-node" + n + "-java.pid")).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kills member {@code n}'s JVM with SIGKILL (no shutdown of any kind) and waits until it is gone.
   */
  public static void killMember(int n) throws Exception {
    var pid = memberPid(n);
    var process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    kill(pid);
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  /**
   * Kills Keycloak node {@code keycloak-N}'s JVM with SIGKILL and waits until it is gone. The run
   * folder names the node's {@code kc.sh}, which runs Keycloak's JVM as its child.
   */
  public static void killKeycloakNode(int n) throws Exception {
    var script =
        Long.parseLong(Files.readString(home().resolve("run/keycloak-" + n + ".pid")).strip());
    var jvm =
        ProcessHandle.of(script)
            .flatMap(
                p ->
                    p.children()
                        .filter(c -> c.info().command().orElse("").endsWith("java"))
                        .findFirst())
            .orElseThrow(
                () -> new IllegalStateException("no Keycloak JVM under process " + script));
    kill(jvm.pid());
    jvm.onExit().get(30, TimeUnit.SECONDS);
  }

  /**
   * An HTTP client that trusts the balancer's certificate ({@code cluster/balancer.pem}) and
   * nothing else, checks the host name, follows no redirects and keeps no cookies (so the balancer
   * shares its requests between the members).
   */
  public static synchronized HttpClient http() {
    if (client == null) {
      try {
        var pem = Files.readString(home().resolve("cluster/balancer.pem"));
        var matcher =
            Pattern.compile("-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----")
                .matcher(pem);
        if (!matcher.find()) {
          throw new IllegalStateException("no certificate in balancer.pem");
        }
        var certificate =
            CertificateFactory.getInstance("X.509")
                .generateCertificate(
                    new ByteArrayInputStream(matcher.group().getBytes(StandardCharsets.US_ASCII)));
        var store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("balancer", certificate);
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        var tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        client =
            HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
    return client;
  }

  /** A request through the balancer: {@code PATH} on the public address. */
  public static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(PUBLIC_URL + path)).timeout(Duration.ofSeconds(60));
  }

  /**
   * Sends a request through the balancer; answers the response as text, checked against the OpenAPI
   * document when it is the API's.
   */
  public static HttpResponse<String> send(HttpRequest request) {
    try {
      return ApiContract.checked(
          http().send(request, HttpResponse.BodyHandlers.ofString()), http());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The member that the balancer sent a response from: its cookie {@code UPSKILL_NODE}. */
  public static String servedBy(HttpResponse<?> response) {
    for (var cookie : response.headers().allValues("Set-Cookie")) {
      var parsed = java.net.HttpCookie.parse(cookie);
      for (var c : parsed) {
        if (c.getName().equals("UPSKILL_NODE")) {
          return c.getValue();
        }
      }
    }
    return "";
  }

  /** The Galera node that the SQL front sends connections to now ({@code galera-N}). */
  public static String writer() throws SQLException {
    try (var connection = database();
        var rows = connection.createStatement().executeQuery("select @@wsrep_node_name")) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Kills Galera node {@code galera-N}'s server with SIGKILL and waits until it is gone. */
  public static void killGaleraNode(String name) throws Exception {
    var pid = Long.parseLong(Files.readString(home().resolve("run/" + name + ".pid")).strip());
    var process =
        ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("no process " + pid));
    kill(pid);
    process.onExit().get(30, TimeUnit.SECONDS);
  }

  private static void kill(long pid) throws Exception {
    var exit = new ProcessBuilder("kill", "-KILL", String.valueOf(pid)).start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException("kill -KILL " + pid + " answered " + exit);
    }
  }

  /**
   * A connection to the cluster's database through the SQL front (the single writer). Once, seconds
   * after the Galera writer was killed, a fresh connection was dropped during its handshake (the
   * cause was not pinned down: the front logged nothing): a connection failure (SQL state 08…) is
   * tried again for up to 30 s, as the WildFly members' pool does.
   */
  public static Connection database() throws SQLException {
    var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    for (long pause = 100; ; pause = Math.min(2_000, pause * 2)) {
      try {
        return DriverManager.getConnection(
            "jdbc:mysql://127.0.0.1:" + SQL_FRONT_PORT + "/upskill",
            env("UPSKILL_GALERA_DB_USER", "upskill"),
            env("UPSKILL_GALERA_DB_PASSWORD", "upskill"));
      } catch (SQLException e) {
        var state = e.getSQLState();
        if (state == null || !state.startsWith("08") || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(pause); // backing off between attempts to connect, not waiting for a time
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** One number from the cluster's database. */
  public static long number(String sql, Object... parameters) throws SQLException {
    try (var connection = database();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var rows = statement.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static String env(String name, String fallback) {
    var value = System.getenv(name);
    return value == null || value.isEmpty() ? fallback : value;
  }
}

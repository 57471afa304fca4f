package org.upskill.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of one test's own (Debian's binaries), on loopback, in a folder under {@code
 * target/}: a fault test may kill and restart it without disturbing the shared test database. The
 * data folder is created fresh by {@code mariadb-install-db}; root has no password over TCP.
 */
public final class PrivateMariaDb implements AutoCloseable {

  private final Path folder;
  private final int port;
  private Process process;

  private PrivateMariaDb(Path folder, int port) {
    this.folder = folder;
    this.port = port;
  }

  /** Installs a fresh data folder in {@code folder} and starts the server on {@code port}. */
  public static PrivateMariaDb start(Path folder, int port)
      throws IOException, InterruptedException {
    if (portOpen(port)) {
      throw new IllegalStateException("Port " + port + " is in use: the private MariaDB needs it");
    }
    deleteTree(folder);
    Files.createDirectories(folder);
    var install =
        new ProcessBuilder(
                List.of(
                    "mariadb-install-db",
                    "--no-defaults",
                    "--datadir=" + folder.resolve("data"),
                    "--user=" + System.getProperty("user.name"),
                    "--auth-root-authentication-method=normal",
                    "--skip-test-db"))
            .redirectErrorStream(true)
            .redirectOutput(folder.resolve("install.log").toFile())
            .start();
    if (!install.waitFor(2, TimeUnit.MINUTES) || install.exitValue() != 0) {
      install.destroyForcibly();
      throw new IllegalStateException(
          "mariadb-install-db failed: " + Files.readString(folder.resolve("install.log")));
    }
    var server = new PrivateMariaDb(folder, port);
    server.startAgain();
    return server;
  }

  /** Starts the server (again) on the same data folder; answers once it takes connections. */
  public void startAgain() throws IOException, InterruptedException {
    process =
        new ProcessBuilder(
                List.of(
                    "mariadbd",
                    "--no-defaults",
                    "--datadir=" + folder.resolve("data"),
                    "--port=" + port,
                    "--bind-address=127.0.0.1",
                    "--socket=" + folder.resolve("mysqld.sock"),
                    "--pid-file=" + folder.resolve("mysqld.pid"),
                    "--user=" + System.getProperty("user.name"),
                    "--skip-name-resolve",
                    "--innodb-buffer-pool-size=128M",
                    "--max-connections=200",
                    "--character-set-server=utf8mb4",
                    "--collation-server=utf8mb4_unicode_ci"))
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(folder.resolve("mariadbd.log").toFile()))
            .start();
    var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try (var connection = connect("")) {
        return;
      } catch (SQLException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(
              "mariadbd stopped while starting; see " + folder.resolve("mariadbd.log"));
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("mariadbd did not take connections within 60 s");
        }
        Thread.sleep(100);
      }
    }
  }

  /** Kills the server without warning (SIGKILL) and waits until it is gone. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("mariadbd survived SIGKILL for 30 s");
      }
    }
  }

  /** A JDBC URL of a database on this server, with the options the tests use. */
  public String url(String database) {
    return "jdbc:mysql://127.0.0.1:"
        + port
        + "/"
        + database
        + "?allowPublicKeyRetrieval=true&useSSL=false&connectTimeout=3000";
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(url(database), "root", "");
  }

  /** Stops the server (SIGTERM, then SIGKILL after 30 s). */
  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  public static boolean portOpen(int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var paths = Files.walk(folder)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.delete(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
  }
}

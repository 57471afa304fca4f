package org.upskill.system.support;

import java.nio.file.Path;

/** Where the system tests find the running parts; the ear module's pom sets every value. */
public final class TestEnvironment {

  private TestEnvironment() {}

  /** The Arquillian-managed WildFly, e.g. {@code http://localhost:8280}. */
  public static String baseUrl() {
    return property("upskill.it.base-url");
  }

  /** The managed WildFly's management interface, e.g. {@code http://localhost:10190}. */
  public static String managementUrl() {
    return property("upskill.it.management-url");
  }

  /** The port of the SMTP server the tests start (the server under test sends mail there). */
  public static int smtpPort() {
    return Integer.parseInt(System.getProperty("upskill.it.smtp.port", "3225"));
  }

  public static String keycloakUrl() {
    return property("upskill.it.keycloak.url");
  }

  /** A JDBC URL of the database server, without a database name. */
  public static String databaseServerUrl() {
    return property("upskill.it.db.url");
  }

  public static String databaseName() {
    return property("upskill.it.db.name");
  }

  public static String databaseUser() {
    return property("upskill.it.db.user");
  }

  public static String databasePassword() {
    return System.getProperty("upskill.it.db.password", "");
  }

  public static Path ear() {
    return Path.of(property("upskill.it.ear"));
  }

  public static Path projectRoot() {
    return Path.of(property("upskill.it.project-root"));
  }

  private static String property(String name) {
    var value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + name + " is not set: run the system tests through Maven");
    }
    return value;
  }
}

package org.upskill.system.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Direct access to the test database through MySQL Connector/J, to check what the EAR wrote. */
public final class TestDatabase {

  private TestDatabase() {}

  /** Drops and recreates the test database, so that a test starts from nothing. */
  public static void recreate() throws SQLException {
    var name = TestEnvironment.databaseName();
    if (!name.matches("[A-Za-z0-9_]+")) {
      throw new IllegalArgumentException("Unexpected test database name " + name);
    }
    try (var connection = connect(TestEnvironment.databaseServerUrl());
        var statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute(
          "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    }
  }

  /** A connection to another database on the test database server. */
  public static Connection connectTo(String database) throws SQLException {
    return connect(TestEnvironment.databaseServerUrl() + database);
  }

  public static Connection connect() throws SQLException {
    return connect(TestEnvironment.databaseServerUrl() + TestEnvironment.databaseName());
  }

  /** The single number a query answers, such as a count. */
  public static long number(String sql, Object... parameters) throws SQLException {
    return single(sql, parameters, result -> result.getLong(1));
  }

  /** The single text a query answers. */
  public static String text(String sql, Object... parameters) throws SQLException {
    return single(sql, parameters, result -> result.getString(1));
  }

  /** Changes rows (to put the test's world in a state the clock would take months to reach). */
  public static int update(String sql, Object... parameters) throws SQLException {
    try (var connection = connect();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    }
  }

  private interface Column<T> {
    T read(java.sql.ResultSet result) throws SQLException;
  }

  private static <T> T single(String sql, Object[] parameters, Column<T> column)
      throws SQLException {
    try (var connection = connect();
        var statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var result = statement.executeQuery()) {
        if (!result.next()) {
          throw new IllegalStateException("No row for " + sql);
        }
        return column.read(result);
      }
    }
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(
        url + (url.contains("?") ? "&" : "?") + "allowPublicKeyRetrieval=true&useSSL=false",
        TestEnvironment.databaseUser(),
        TestEnvironment.databasePassword());
  }
}

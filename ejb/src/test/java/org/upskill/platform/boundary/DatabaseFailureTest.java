package org.upskill.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseFailureTest {

  @Test
  void aBrokenConnectionDeepInTheCausesIsADatabaseFailure() {
    var link = new SQLException("Communications link failure", "08S01");
    var wrapped = new RuntimeException("EJB", new IllegalStateException("JPA", link));
    assertTrue(DatabaseFailure.causedAny(wrapped));
    assertTrue(DatabaseFailure.causedAny(new SQLTransientConnectionException("no route", "08001")));
  }

  @Test
  void aDeadlockAndAnEmptyPoolAreDatabaseFailures() {
    assertTrue(
        DatabaseFailure.causedAny(
            new RuntimeException(new SQLException("Deadlock found", "40001"))));
    assertTrue(
        DatabaseFailure.causedAny(
            new RuntimeException(
                new SQLException(
                    "Unable to acquire JDBC Connection",
                    new ResourceException("IJ000453: Unable to get managed connection")))));
  }

  @Test
  void aCommitThatFailedIsADatabaseFailureEvenWhenOnlySuppressed() {
    var commit = new RuntimeException("EJB", new RollbackException("ARJUNA016053"));
    assertTrue(DatabaseFailure.causedAny(commit));
    var heuristic = new RuntimeException("EJB");
    heuristic.addSuppressed(new HeuristicMixedException());
    assertTrue(DatabaseFailure.causedAny(heuristic));
  }

  @Test
  void aStatementClosedUnderItByThePoolIsADatabaseFailure() {
    // What Connector/J throws when the pool destroyed the connection under a running statement
    var closed = new com.mysql.cj.exceptions.StatementIsClosedException("No operations allowed");
    assertTrue(
        DatabaseFailure.causedAny(
            new RuntimeException(new SQLException("No operations allowed", "S1009", closed))));
    assertTrue(DatabaseFailure.causedAny(new java.sql.SQLRecoverableException("gone")));
  }

  @Test
  void theConnectorJNamesAreTheDriversClasses() throws Exception {
    for (var name : DatabaseFailure.CONNECTOR_J_CLOSED) {
      assertTrue(Throwable.class.isAssignableFrom(Class.forName(name)), name);
    }
  }

  @Test
  void aBugIsNot() {
    assertFalse(DatabaseFailure.causedAny(new NullPointerException()));
    assertFalse(
        DatabaseFailure.causedAny(
            new RuntimeException(new SQLException("Duplicate entry", "23000"))));
    assertFalse(DatabaseFailure.causedAny(new SQLException("no state", (String) null)));
  }
}

package org.upskill.api.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class UnexpectedExceptionMapperTest {

  @Test
  void aBrokenConnectionDeepInTheCausesIsADatabaseFailure() {
    var link = new SQLException("Communications link failure", "08S01");
    var wrapped = new RuntimeException("EJB", new IllegalStateException("JPA", link));
    assertTrue(UnexpectedExceptionMapper.isDatabaseFailure(wrapped));
    assertTrue(
        UnexpectedExceptionMapper.isDatabaseFailure(
            new SQLTransientConnectionException("no route", "08001")));
  }

  @Test
  void aDeadlockAndAnEmptyPoolAreDatabaseFailures() {
    assertTrue(
        UnexpectedExceptionMapper.isDatabaseFailure(
            new RuntimeException(new SQLException("Deadlock found", "40001"))));
    assertTrue(
        UnexpectedExceptionMapper.isDatabaseFailure(
            new RuntimeException(
                new SQLException(
                    "Unable to acquire JDBC Connection",
                    new ResourceException("IJ000453: Unable to get managed connection")))));
  }

  @Test
  void aCommitThatFailedIsADatabaseFailureEvenWhenOnlySuppressed() {
    var commit = new RuntimeException("EJB", new RollbackException("ARJUNA016053"));
    assertTrue(UnexpectedExceptionMapper.isDatabaseFailure(commit));
    var heuristic = new RuntimeException("EJB");
    heuristic.addSuppressed(new HeuristicMixedException());
    assertTrue(UnexpectedExceptionMapper.isDatabaseFailure(heuristic));
  }

  @Test
  void aBugIsNot() {
    assertFalse(UnexpectedExceptionMapper.isDatabaseFailure(new NullPointerException()));
    assertFalse(
        UnexpectedExceptionMapper.isDatabaseFailure(
            new RuntimeException(new SQLException("Duplicate entry", "23000"))));
    assertFalse(
        UnexpectedExceptionMapper.isDatabaseFailure(new SQLException("no state", (String) null)));
  }
}

package org.upskill.platform.boundary;

import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Tells the database failing under a request from a fault of Upskill's: the API answers the first
 * with 503 and {@code Retry-After} (problem+json), the site with its "service unavailable" page,
 * both with {@link Refusal#DATABASE_UNAVAILABLE}; anything else stays a 500 with a reference.
 */
public final class DatabaseFailure {

  /**
   * Connector/J's own exceptions for a connection that broke or was closed under a statement (the
   * pool destroys a connection whose validation failed, and a statement still running on it then
   * fails with "No operations allowed after statement closed", SQL state S1009). By name: the
   * driver is a server module, not on this module's class path.
   */
  static final Set<String> CONNECTOR_J_CLOSED =
      Set.of(
          "com.mysql.cj.exceptions.StatementIsClosedException",
          "com.mysql.cj.exceptions.ConnectionIsClosedException",
          "com.mysql.cj.exceptions.CJCommunicationsException");

  /** Seconds a client is asked to wait before it tries again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private DatabaseFailure() {}

  /**
   * Whether a cause (or a suppressed exception) of this one is the database failing: an SQL state
   * of class 08 (connection exception, also Galera's "not yet prepared node"), 40001 (serialization
   * failure: deadlock, Galera certification conflict), the connection pool finding no connection (a
   * {@code ResourceException}, IronJacamar's "unable to get managed connection"), or the
   * transaction failing at its commit (rolled back, or heuristic when the connection broke during
   * the commit itself).
   */
  public static boolean causedAny(Throwable exception) {
    var seen = Collections.newSetFromMap(new IdentityHashMap<Throwable, Boolean>());
    var pending = new ArrayDeque<Throwable>();
    pending.add(exception);
    while (!pending.isEmpty()) {
      var cause = pending.poll();
      if (!seen.add(cause)) {
        continue;
      }
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        var state = sql.getSQLState();
        if (state.startsWith("08") || state.equals("40001")) {
          return true;
        }
      }
      if (cause instanceof ResourceException
          || cause instanceof SQLRecoverableException
          || CONNECTOR_J_CLOSED.contains(cause.getClass().getName())
          || cause instanceof RollbackException
          || cause instanceof HeuristicMixedException
          || cause instanceof HeuristicRollbackException) {
        return true;
      }
      if (cause.getCause() != null) {
        pending.add(cause.getCause());
      }
      pending.addAll(List.of(cause.getSuppressed()));
    }
    return false;
  }
}

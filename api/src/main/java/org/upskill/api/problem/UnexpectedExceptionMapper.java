package org.upskill.api.problem;

import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.sql.SQLException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.upskill.platform.boundary.Refusal;

/**
 * The last line: anything unexpected is logged with an id and answered as a problem that names the
 * id, never with a stack trace. A database that failed under the request (no connection, a broken
 * one, a Galera node that is not ready, a deadlock or certification conflict, a failed commit) is
 * 503 with {@code Retry-After} instead of 500: the same request can be sent again (a save or submit
 * whose commit did go through is then answered by its sequence check or as already submitted).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  /** Seconds a client is asked to wait before it tries again after a database failure. */
  static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable exception) {
    var id = UUID.randomUUID();
    var path = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    if (isDatabaseFailure(exception)) {
      LOG.log(Level.WARNING, "Database failure under a request " + id, exception);
      return Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              Refusal.DATABASE_UNAVAILABLE + " Reference: " + id,
              path)
          .toResponse()
          .header("Retry-After", RETRY_AFTER_SECONDS)
          .build();
    }
    LOG.log(Level.SEVERE, "Unexpected error " + id, exception);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote this reference if you contact us: " + id,
            path)
        .toResponse()
        .build();
  }

  /**
   * Whether a cause (or a suppressed exception) is the database failing rather than Upskill: an SQL
   * state of class 08 (connection exception, also Galera's "not yet prepared node"), 40001
   * (serialization failure: deadlock, Galera certification conflict), the connection pool finding
   * no connection (a {@code ResourceException}, IronJacamar's "unable to get managed connection"),
   * or the transaction failing at its commit (rolled back, or heuristic when the connection broke
   * during the commit itself).
   */
  static boolean isDatabaseFailure(Throwable exception) {
    var seen =
        java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<Throwable, Boolean>());
    var pending = new java.util.ArrayDeque<Throwable>();
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
          || cause instanceof RollbackException
          || cause instanceof HeuristicMixedException
          || cause instanceof HeuristicRollbackException) {
        return true;
      }
      if (cause.getCause() != null) {
        pending.add(cause.getCause());
      }
      pending.addAll(java.util.List.of(cause.getSuppressed()));
    }
    return false;
  }
}

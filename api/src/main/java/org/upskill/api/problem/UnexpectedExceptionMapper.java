package org.upskill.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.upskill.platform.boundary.DatabaseFailure;
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

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable exception) {
    var id = UUID.randomUUID();
    var path = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    if (DatabaseFailure.causedAny(exception)) {
      LOG.log(Level.WARNING, "Database failure under a request " + id, exception);
      return Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              Refusal.DATABASE_UNAVAILABLE + " Reference: " + id,
              path)
          .toResponse()
          .header("Retry-After", DatabaseFailure.RETRY_AFTER_SECONDS)
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
}

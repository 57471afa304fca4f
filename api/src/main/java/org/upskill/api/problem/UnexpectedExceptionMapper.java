package org.upskill.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything unexpected is logged with an id and answered as a problem that names the
 * id, never with a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Throwable exception) {
    var id = UUID.randomUUID();
    LOG.log(Level.SEVERE, "Unexpected error " + id, exception);
    return Problem.of(
            Response.Status.INTERNAL_SERVER_ERROR,
            "Something went wrong on our side. Quote this reference if you contact us: " + id,
            uriInfo == null ? null : uriInfo.getRequestUri().getPath())
        .toResponse()
        .build();
  }
}

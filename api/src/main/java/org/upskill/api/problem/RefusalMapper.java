package org.upskill.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.upskill.platform.boundary.Refusal;

/** A rule the core refused to break, as a problem with the matching 4xx status. */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Refusal refusal) {
    var status =
        switch (refusal.reason()) {
          case NOT_FOUND -> Response.Status.NOT_FOUND;
          case FORBIDDEN -> Response.Status.FORBIDDEN;
          case CONFLICT -> Response.Status.CONFLICT;
        };
    return Problem.of(
            status,
            refusal.getMessage(),
            uriInfo == null ? null : uriInfo.getRequestUri().getPath())
        .toResponse()
        .build();
  }
}

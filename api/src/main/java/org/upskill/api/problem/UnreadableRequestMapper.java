package org.upskill.api.problem;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not the JSON a resource expects is the client's mistake: 400, not 500. */
@Provider
public class UnreadableRequestMapper implements ExceptionMapper<ProcessingException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ProcessingException exception) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "The request body could not be read: send valid JSON of the documented shape.",
            uriInfo == null ? null : uriInfo.getRequestUri().getPath())
        .toResponse()
        .build();
  }
}

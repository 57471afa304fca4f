package org.upskill.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Refused input as an RFC 9457 problem that names each field. */
@Provider
public class InvalidInputMapper implements ExceptionMapper<InvalidInput> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(InvalidInput refused) {
    return ValidationProblem.of(
        refused.status(),
        refused.errors(),
        uriInfo == null ? null : uriInfo.getRequestUri().getPath());
  }
}

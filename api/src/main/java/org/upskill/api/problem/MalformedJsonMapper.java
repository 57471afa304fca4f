package org.upskill.api.problem;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON at all, read as a JSON-P object ({@code JsonObject} parameters): 400, not
 * 500.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(JsonException exception) {
    return Problem.of(
            Response.Status.BAD_REQUEST,
            "The request body is not valid JSON: send a JSON object of the documented shape.",
            uriInfo == null ? null : uriInfo.getRequestUri().getPath())
        .toResponse()
        .build();
  }
}

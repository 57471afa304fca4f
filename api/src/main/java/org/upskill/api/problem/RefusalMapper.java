package org.upskill.api.problem;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.upskill.platform.boundary.DatabaseFailure;
import org.upskill.platform.boundary.Refusal;

/**
 * A rule the core refused to break, as a problem with the matching 4xx status; a lookup that the
 * database failed under is a 503 with {@code Retry-After} (see {@link Refusal#notFound}).
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(Refusal refusal) {
    var answer =
        Problem.of(
                Response.Status.fromStatusCode(refusal.reason().status()),
                refusal.getMessage(),
                uriInfo == null ? null : uriInfo.getRequestUri().getPath())
            .toResponse();
    if (refusal.reason() == Refusal.Reason.UNAVAILABLE) {
      answer.header("Retry-After", DatabaseFailure.RETRY_AFTER_SECONDS);
    }
    return answer.build();
  }
}

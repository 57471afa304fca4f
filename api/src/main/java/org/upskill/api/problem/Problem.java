package org.upskill.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail: what went wrong, in words a client developer can act on.
 *
 * @param type a URI naming the kind of problem; {@code about:blank} when the status says it all
 * @param title short and the same for every occurrence of the type
 * @param detail this occurrence, in plain words
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance"})
public record Problem(String type, String title, int status, String detail, String instance) {

  public static final String MEDIA_TYPE = "application/problem+json";
  public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);

  /** A problem whose type is the plain HTTP status. */
  public static Problem of(Response.StatusType status, String detail, String instance) {
    return new Problem(
        "about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, instance);
  }

  /** The response carrying this problem. */
  public Response.ResponseBuilder toResponse() {
    return Response.status(status).type(PROBLEM_JSON).entity(this);
  }
}

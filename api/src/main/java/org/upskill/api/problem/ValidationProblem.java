package org.upskill.api.problem;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem for bad input, with the offending fields (parameters or body members) and
 * what is wrong with each.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record ValidationProblem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  /** The kind of problem: input that breaks the API's rules. */
  public static final String TYPE = "urn:upskill:problem:invalid-input";

  /** One field and why it is wrong. */
  @JsonbPropertyOrder({"field", "detail"})
  public record FieldError(String field, String detail) {}

  /** 400 with every field → message, in order. */
  public static Response badRequest(Map<String, String> errors, String instance) {
    return of(400, errors, instance);
  }

  /** This status (a 4xx) with every field → message, in order. */
  public static Response of(int status, Map<String, String> errors, String instance) {
    return Response.status(status)
        .type(Problem.PROBLEM_JSON)
        .entity(
            new ValidationProblem(
                TYPE,
                status == 400 || Response.Status.fromStatusCode(status) == null
                    ? "Invalid input"
                    : Response.Status.fromStatusCode(status).getReasonPhrase(),
                status,
                errors.size() == 1
                    ? "One value is not right: " + errors.keySet().iterator().next() + "."
                    : errors.size()
                        + " values are not right: "
                        + String.join(", ", errors.keySet())
                        + ".",
                instance,
                errors.entrySet().stream()
                    .map(e -> new FieldError(e.getKey(), e.getValue()))
                    .toList()))
        .build();
  }
}

package org.upskill.api.certification;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.upskill.api.problem.Problem;
import org.upskill.certification.boundary.Certificates;
import org.upskill.certification.boundary.VerificationThrottle;

/**
 * {@code GET /api/v1/verifications/{code}}: what a certificate's verification code says, for anyone
 * (no token): valid, expired or revoked with the holder's name, the course and the dates; 404 for a
 * code that does not exist. Too many unknown codes from one client: 429 with Retry-After.
 */
@Path("v1/verifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VerificationsResource {

  /** A verification as the API gives it. */
  @JsonbPropertyOrder({
    "status",
    "verificationCode",
    "holderName",
    "courseTitle",
    "courseVersion",
    "issuedOn",
    "validUntil",
    "revokedOn",
    "superseded"
  })
  public record VerificationRepresentation(
      String status,
      String verificationCode,
      String holderName,
      String courseTitle,
      int courseVersion,
      LocalDate issuedOn,
      LocalDate validUntil,
      LocalDate revokedOn,
      boolean superseded,
      boolean holderWithheld) {}

  @Inject Certificates certificates;
  @Inject VerificationThrottle throttle;
  @Context HttpServletRequest request;

  @GET
  @Path("{code}")
  @PermitAll
  @SecurityRequirements
  @Operation(summary = "What a certificate's verification code says (open to all, rate-limited)")
  public Response verify(@PathParam("code") String code) {
    var client = request.getRemoteAddr();
    var noStore = new CacheControl();
    noStore.setNoStore(true);
    var wait = throttle.retryAfter(client);
    if (wait > 0) {
      return Problem.of(
              Response.Status.TOO_MANY_REQUESTS,
              "Too many codes that do not exist from this client. Try again in "
                  + wait
                  + " seconds.",
              request.getRequestURI())
          .toResponse()
          .header("Retry-After", wait)
          .cacheControl(noStore)
          .build();
    }
    var result = certificates.verify(code);
    if ("unknown".equals(result.status())) {
      throttle.failed(client);
      return Problem.of(
              Response.Status.NOT_FOUND,
              "No certificate has this verification code.",
              request.getRequestURI())
          .toResponse()
          .cacheControl(noStore)
          .build();
    }
    return Response.ok(
            new VerificationRepresentation(
                result.status(),
                result.code(),
                result.holderName(),
                result.courseTitle(),
                result.courseVersion(),
                result.issuedOn(),
                result.validUntil(),
                result.revokedOn(),
                result.superseded(),
                result.holderWithheld()))
        .cacheControl(noStore)
        .build();
  }
}

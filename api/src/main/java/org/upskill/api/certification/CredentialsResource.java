package org.upskill.api.certification;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.upskill.api.problem.Problem;
import org.upskill.certification.boundary.Certificates;

/**
 * {@code POST /api/v1/credentials/verify}: anyone sends a signed credential (the VC-JWT a holder
 * downloaded, as the body: {@code application/jwt} or text) and learns whether the signature holds
 * with Upskill's key, whether today lies within its dates, and whether the certificate has been
 * revoked since.
 */
@Path("v1/credentials")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource {

  /** The answer. */
  @JsonbPropertyOrder({
    "valid",
    "signatureValid",
    "withinDates",
    "status",
    "verificationCode",
    "validFrom",
    "validUntil",
    "problem"
  })
  public record CheckRepresentation(
      boolean valid,
      boolean signatureValid,
      boolean withinDates,
      String status,
      String verificationCode,
      Instant validFrom,
      Instant validUntil,
      String problem) {}

  @Inject Certificates certificates;
  @Context HttpServletRequest request;

  @POST
  @Path("verify")
  @PermitAll
  @SecurityRequirements
  @Consumes({"application/jwt", MediaType.TEXT_PLAIN})
  @Operation(summary = "Check a signed Open Badges credential (open to all)")
  public Response verify(String token) {
    if (token == null || token.isBlank() || token.length() > 20_000) {
      return Problem.of(
              Response.Status.BAD_REQUEST,
              "Send the credential (a compact JWS, up to 20000 characters) as the request body.",
              request.getRequestURI())
          .toResponse()
          .build();
    }
    var check = certificates.checkCredential(token);
    return Response.ok(
            new CheckRepresentation(
                check.valid(),
                check.signatureValid(),
                check.withinDates(),
                check.status(),
                check.code(),
                check.validFrom(),
                check.validUntil(),
                check.problem()))
        .build();
  }
}

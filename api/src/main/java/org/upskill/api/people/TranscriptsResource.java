package org.upskill.api.people;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upskill.integration.boundary.Transcripts;
import org.upskill.platform.boundary.Refusal;

/**
 * {@code GET /api/v1/people/{id}/transcript} ({@code hr-integration}): a person's enrolments,
 * completions (with the version completed) and certificates, by Upskill id, staff number or email.
 */
@Path("v1/people")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TranscriptsResource {

  @Inject Transcripts transcripts;

  @GET
  @Path("{id}/transcript")
  @RolesAllowed("hr-integration")
  @Operation(
      summary =
          "A person's enrolments, completions and certificates, by Upskill id, staff number or"
              + " email (hr-integration)")
  public Transcripts.Transcript transcript(@PathParam("id") String id) {
    if (id == null || id.isBlank() || id.length() > 320) {
      throw Refusal.notFound("There is no such person.");
    }
    return transcripts.of(id.strip());
  }
}

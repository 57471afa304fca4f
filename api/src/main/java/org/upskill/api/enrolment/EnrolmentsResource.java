package org.upskill.api.enrolment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;

/**
 * {@code POST /api/v1/enrolments}: an HR system enrols a person, named by staff number or email, on
 * a course by code. The same rules as self-enrolment apply (capacity, waitlist, approval).
 */
@Path("v1/enrolments")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentsResource {

  /** What to enrol: a person's staff number or email, and a course code. */
  public record EnrolmentRequest(String person, String course) {}

  /** The outcome: enrolled, waitlisted or requested. */
  public record EnrolmentResult(long id, String person, String course, String state) {}

  @Inject Enrolments enrolments;
  @Inject People people;

  @POST
  @RolesAllowed("hr-write")
  @Operation(summary = "Enrol a person (staff number or email) on a course (hr-write)")
  public Response enrol(EnrolmentRequest request) {
    if (request == null
        || request.person() == null
        || request.person().isBlank()
        || request.course() == null
        || request.course().isBlank()) {
      throw new BadRequestException("Send a JSON body with 'person' and 'course'.");
    }
    var person =
        people
            .byExternalId(request.person().strip())
            .orElseThrow(() -> Refusal.notFound("There is no person " + request.person() + "."));
    var placement = enrolments.enrol(person.id(), request.course().strip());
    return Response.status(Response.Status.CREATED)
        .entity(
            new EnrolmentResult(
                placement.enrolmentId(),
                request.person(),
                request.course(),
                placement.outcome().name().toLowerCase(Locale.ROOT)))
        .build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("hr-write")
  @Operation(summary = "Take a person off a course; the first on the waitlist gets the seat")
  public Response withdraw(@PathParam("id") long id) {
    enrolments.withdraw(id);
    return Response.noContent().build();
  }
}

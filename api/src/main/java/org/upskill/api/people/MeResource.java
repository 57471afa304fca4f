package org.upskill.api.people;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upskill.api.security.Caller;
import org.upskill.people.boundary.People;

/**
 * {@code GET /api/v1/me}: who the bearer token belongs to, as Upskill knows them. The first call
 * with a new person's token creates their Person, like a first sign-in in the browser.
 */
@Path("v1/me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Caller caller;
  @Inject People people;

  @GET
  @Operation(summary = "The caller's identity and roles; creates their Person on first use")
  @RolesAllowed({"learner", "trainer", "manager", "admin"})
  public MeRepresentation me() {
    var identity = caller.identity();
    return MeRepresentation.of(people.signIn(identity), identity.roles());
  }
}

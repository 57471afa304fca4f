package org.upskill.api.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.CourseSummary;

/** {@code GET /api/v1/courses}: the published catalogue, as the catalogue page shows it. */
@Path("v1/courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoursesResource {

  /** One page of the catalogue. */
  public record CoursePage(List<CourseSummary> courses, int page, int pageSize, long total) {}

  @Inject CourseCatalog catalog;

  @GET
  @PermitAll
  @SecurityRequirements
  @Operation(summary = "Published courses matching a search, a page at a time (open to all)")
  public CoursePage courses(
      @QueryParam("q") String query,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("pageSize") @DefaultValue("20") int pageSize) {
    var found = catalog.search(query, page, pageSize);
    return new CoursePage(found.items(), found.number(), found.size(), found.total());
  }

  @GET
  @jakarta.ws.rs.Path("{code}")
  @PermitAll
  @SecurityRequirements
  @Operation(
      summary =
          "A published course: what it teaches, its modules and lessons, version and renewal"
              + " period (open to all)")
  public org.upskill.catalog.boundary.CourseDetail course(
      @jakarta.ws.rs.PathParam("code") String code) {
    if (code == null || !code.matches("[A-Za-z0-9-]{1,20}")) {
      throw org.upskill.platform.boundary.Refusal.notFound("There is no course " + code + ".");
    }
    return catalog
        .course(code.toUpperCase(java.util.Locale.ROOT))
        .orElseThrow(
            () ->
                org.upskill.platform.boundary.Refusal.notFound("There is no course " + code + "."));
  }
}

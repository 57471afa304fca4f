package org.upskill.api.catalog;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.upskill.api.problem.InvalidInput;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.CourseCode;
import org.upskill.catalog.boundary.CourseSummary;

/** {@code GET /api/v1/courses}: the published catalogue, as the catalogue page shows it. */
@Path("v1/courses")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CoursesResource {

  /** One page of the catalogue. */
  public record CoursePage(List<CourseSummary> courses, int page, int pageSize, long total) {}

  @Inject CourseCatalog catalog;
  @Context UriInfo uri;

  @GET
  @PermitAll
  @SecurityRequirements
  @Operation(summary = "Published courses matching a search, a page at a time (open to all)")
  public CoursePage courses(
      @Parameter(
              description =
                  "words to look for in titles, summaries and skills; 200 characters at most")
          @QueryParam("q")
          String query,
      @Parameter(description = "from 1 to 100000, 1 by default") @QueryParam("page") String page,
      @Parameter(description = "from 1 to 100, 20 by default") @QueryParam("pageSize")
          String pageSize) {
    Map<String, String> errors = new LinkedHashMap<>();
    uri.getQueryParameters()
        .forEach(
            (name, values) -> {
              if (!PARAMETERS.contains(name)) {
                errors.put(name, "Unknown parameter. Known ones: q, page, pageSize.");
              } else if (values.size() > 1) {
                errors.put(name, "Give it once.");
              }
            });
    if (query != null && query.length() > 200) {
      errors.put("q", "200 characters at most.");
    }
    int number = whole(page, 1, 100_000, 1, "page", errors);
    int size = whole(pageSize, 1, 100, 20, "pageSize", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    var found = catalog.search(query, number, size);
    return new CoursePage(found.items(), found.number(), found.size(), found.total());
  }

  private static final Set<String> PARAMETERS = Set.of("q", "page", "pageSize");

  private static int whole(
      String text, int min, int max, int otherwise, String name, Map<String, String> errors) {
    if (text == null) {
      return otherwise;
    }
    if (!text.matches("\\d{1,6}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
      errors.put(name, "A whole number from " + min + " to " + max + ".");
      return otherwise;
    }
    return Integer.parseInt(text);
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
    if (!CourseCode.isWellFormed(code)) {
      throw org.upskill.platform.boundary.Refusal.notFound("There is no course " + code + ".");
    }
    return catalog
        .course(code.toUpperCase(java.util.Locale.ROOT))
        .orElseThrow(
            () ->
                org.upskill.platform.boundary.Refusal.notFound("There is no course " + code + "."));
  }
}

package org.upskill.api.compliance;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.upskill.api.platform.Cursors;
import org.upskill.api.problem.ValidationProblem;
import org.upskill.compliance.boundary.ComplianceReports;
import org.upskill.compliance.control.ComplianceStatus;
import org.upskill.platform.boundary.Refusal;

/**
 * {@code GET /api/v1/compliance} ({@code hr-integration}): the current compliance matrix — one item
 * per person and requirement that applies to them, with status, last completion, valid-until and
 * due dates — for one organisation or all, a page at a time. Changes of status also come as {@code
 * compliance.changed} events (webhooks).
 */
@Path("v1/compliance")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ComplianceResource {

  static final String CURSOR_KIND = "compliance";
  static final String CHANGES_KIND = "compliance-changes";
  static final Set<String> PARAMETERS =
      Set.of("organisation", "requirement", "status", "cursor", "limit");

  /** A position (person, requirement) in one number: requirement ids stay below 2^20. */
  static final long SHIFT = 1L << 20;

  /** A page of statuses. */
  public record Page(List<ComplianceReports.StatusRow> items, String nextCursor, boolean hasMore) {}

  /** A page of changes of status. */
  public record ChangePage(
      List<ComplianceReports.Change> items, String nextCursor, boolean hasMore) {}

  /** The parameters every list here shares: known names only, limit, cursor. */
  static final class Paging {
    final Map<String, String> errors = new LinkedHashMap<>();
    int size = 100;
    long after;

    static Paging of(UriInfo uri, Set<String> known, String kind, String limit, String cursor) {
      var paging = new Paging();
      for (var name : uri.getQueryParameters().keySet()) {
        if (!known.contains(name)) {
          paging.errors.put(name, "Unknown parameter. Known: " + known + ".");
        }
      }
      if (limit != null) {
        if (!limit.matches("\\d{1,4}")
            || Integer.parseInt(limit) < 1
            || Integer.parseInt(limit) > 1000) {
          paging.errors.put("limit", "A whole number from 1 to 1000.");
        } else {
          paging.size = Integer.parseInt(limit);
        }
      }
      if (cursor != null) {
        paging.after = Cursors.decode(kind, cursor);
        if (paging.after < 0) {
          paging.errors.put("cursor", "Not a cursor of this list: pass nextCursor as it came.");
        }
      }
      return paging;
    }
  }

  @Inject ComplianceReports reports;
  @Context UriInfo uri;

  @GET
  @RolesAllowed("hr-integration")
  @Operation(
      summary =
          "The current compliance status of every person against every requirement that applies"
              + " to them (hr-integration)")
  @APIResponse(
      responseCode = "200",
      description = "A page of statuses",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Page.class)))
  public Response compliance(
      @Parameter(description = "an organisation's name, ODS code or id; all when absent")
          @QueryParam("organisation")
          String organisation,
      @Parameter(description = "a requirement's id") @QueryParam("requirement") String requirement,
      @Parameter(description = "compliant, due_soon, overdue, not_started or exempt")
          @QueryParam("status")
          String status,
      @Parameter(description = "nextCursor of the page before") @QueryParam("cursor") String cursor,
      @Parameter(description = "1 to 1000, 100 by default") @QueryParam("limit") String limit) {
    var paging = Paging.of(uri, PARAMETERS, CURSOR_KIND, limit, cursor);
    var errors = paging.errors;
    int size = paging.size;
    long after = paging.after;
    Long requirementId = null;
    if (requirement != null) {
      if (!requirement.matches("\\d{1,6}")) {
        errors.put("requirement", "A requirement's id (a number).");
      } else {
        requirementId = Long.valueOf(requirement);
      }
    }
    ComplianceStatus wanted = null;
    if (status != null) {
      wanted =
          Arrays.stream(ComplianceStatus.values())
              .filter(s -> s.wire().equals(status))
              .findFirst()
              .orElse(null);
      if (wanted == null) {
        errors.put("status", "One of compliant, due_soon, overdue, not_started, exempt.");
      }
    }
    if (organisation != null && organisation.isBlank()) {
      errors.put("organisation", "An organisation's name, ODS code or id; or leave it out.");
    }
    if (!errors.isEmpty()) {
      return ValidationProblem.badRequest(errors, uri.getRequestUri().getPath());
    }
    var organisationId = organisationId(organisation);
    var rows =
        reports.rows(organisationId, requirementId, wanted, after / SHIFT, after % SHIFT, size + 1);
    var hasMore = rows.size() > size;
    var items = rows.subList(0, Math.min(size, rows.size()));
    var last =
        items.isEmpty()
            ? after
            : items.get(items.size() - 1).personId() * SHIFT
                + items.get(items.size() - 1).requirementId();
    var next = Cursors.encode(CURSOR_KIND, last);
    return page(new Page(items, next, hasMore), hasMore, next);
  }

  private Long organisationId(String organisation) {
    if (organisation == null) {
      return null;
    }
    return reports
        .organisationNamed(organisation.strip())
        .orElseThrow(
            () -> Refusal.notFound("There is no organisation " + organisation.strip() + "."))
        .id();
  }

  private Response page(Object entity, boolean hasMore, String next) {
    var response = Response.ok(entity);
    if (hasMore) {
      response.header(
          "Link",
          "<"
              + uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build()
              + ">; rel=\"next\"");
    }
    return response.build();
  }

  @GET
  @Path("changes")
  @RolesAllowed("hr-integration")
  @Operation(
      summary =
          "Every change of compliance status after a cursor, in commit order (hr-integration)")
  @APIResponse(
      responseCode = "200",
      description = "A page of changes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ChangePage.class)))
  public Response changes(
      @Parameter(description = "an organisation's name, ODS code or id; all when absent")
          @QueryParam("organisation")
          String organisation,
      @Parameter(description = "nextCursor of the page before") @QueryParam("cursor") String cursor,
      @Parameter(description = "1 to 1000, 100 by default") @QueryParam("limit") String limit) {
    var paging =
        Paging.of(uri, Set.of("organisation", "cursor", "limit"), CHANGES_KIND, limit, cursor);
    if (organisation != null && organisation.isBlank()) {
      paging.errors.put("organisation", "An organisation's name, ODS code or id; or leave it out.");
    }
    if (!paging.errors.isEmpty()) {
      return ValidationProblem.badRequest(paging.errors, uri.getRequestUri().getPath());
    }
    var rows = reports.changes(organisationId(organisation), paging.after, paging.size + 1);
    var hasMore = rows.size() > paging.size;
    var items = rows.subList(0, Math.min(paging.size, rows.size()));
    var next =
        Cursors.encode(
            CHANGES_KIND, items.isEmpty() ? paging.after : items.get(items.size() - 1).sequence());
    return page(new ChangePage(items, next, hasMore), hasMore, next);
  }
}

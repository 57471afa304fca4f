package org.upskill.api.enrolment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upskill.api.platform.Cursors;
import org.upskill.api.problem.ValidationProblem;
import org.upskill.catalog.boundary.CourseCode;
import org.upskill.certification.boundary.CompletionFeed;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.enrolment.entity.EnrolmentState;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.DateBounds;

/**
 * Enrolments for HR systems: list them ({@code hr-integration}), enrol a person named by staff
 * number or email on a course with an optional due date, one at a time or up to 1,000 in a batch
 * with one result per item, and end one ({@code hr-write}). The same rules as self-enrolment apply
 * (capacity, waitlist, approval). Writes accept an {@code Idempotency-Key}.
 */
@Path("v1/enrolments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EnrolmentsResource {

  /**
   * What to enrol: a person's staff number or email, a course code, an optional due date (a date
   * from 1970-01-01 to 2099-12-31, {@link DateBounds}). No other member is accepted.
   */
  public record EnrolmentRequest(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "The person's staff number or email",
              maxLength = 320)
          String person,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "A course code, like PY-CLIN",
              pattern = CourseCode.PATTERN)
          String course,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "Optional: the date to complete by, from 1970-01-01 to 2099-12-31",
              format = "date",
              example = "2027-03-31")
          String dueDate) {}

  /** The outcome: enrolled, waitlisted or requested. */
  @JsonbPropertyOrder({"id", "person", "course", "state", "dueDate"})
  public record EnrolmentResult(
      long id, String person, String course, String state, LocalDate dueDate) {}

  /** Many at once. */
  public record BatchRequest(List<EnrolmentRequest> items) {}

  /** One item's outcome: its status, and the enrolment or what was wrong. */
  @JsonbPropertyOrder({"index", "status", "enrolment", "detail"})
  public record ItemResult(int index, int status, EnrolmentResult enrolment, String detail) {}

  /** The batch's outcomes, in the order of the items. */
  public record BatchResult(List<ItemResult> results) {}

  /** An enrolment as listed. */
  @JsonbPropertyOrder({
    "id",
    "person",
    "course",
    "state",
    "dueDate",
    "requestedAt",
    "enrolledAt",
    "endedAt"
  })
  public record Listed(
      long id,
      PersonRef person,
      CourseRef course,
      String state,
      LocalDate dueDate,
      Instant requestedAt,
      Instant enrolledAt,
      Instant endedAt) {}

  /** The person's ids. */
  @JsonbPropertyOrder({"id", "staffNumber", "email"})
  public record PersonRef(long id, String staffNumber, String email) {}

  /** The course and the version studied. */
  @JsonbPropertyOrder({"code", "version"})
  public record CourseRef(String code, int version) {}

  /** A page of enrolments. */
  @JsonbPropertyOrder({"items", "nextCursor", "hasMore"})
  public record Page(List<Listed> items, String nextCursor, boolean hasMore) {}

  static final int MAX_BATCH = 1000;
  static final Set<String> LIST_PARAMETERS = Set.of("course", "person", "state", "cursor", "limit");

  @Inject Enrolments enrolments;
  @Inject People people;
  @Inject CompletionFeed feed;
  @Context UriInfo uri;

  @GET
  @RolesAllowed("hr-integration")
  @Operation(summary = "Enrolments by id, filtered by course, person or state (hr-integration)")
  public Response list() {
    var query = uri.getQueryParameters();
    Map<String, String> errors = new LinkedHashMap<>();
    query.keySet().stream()
        .filter(name -> !LIST_PARAMETERS.contains(name))
        .forEach(
            name -> errors.put(name, "Unknown parameter. Known ones: " + LIST_PARAMETERS + "."));
    long after = 0;
    var cursor = query.getFirst("cursor");
    if (cursor != null) {
      after = decode(cursor);
      if (after < 0) {
        errors.put("cursor", "Not a cursor this API gave out: use nextCursor as it came.");
      }
    }
    int limit = 100;
    var limitText = query.getFirst("limit");
    if (limitText != null) {
      if (!limitText.matches("\\d{1,4}")
          || Integer.parseInt(limitText) < 1
          || Integer.parseInt(limitText) > 1000) {
        errors.put("limit", "A whole number from 1 to 1000.");
      } else {
        limit = Integer.parseInt(limitText);
      }
    }
    EnrolmentState state = null;
    var stateText = query.getFirst("state");
    if (stateText != null) {
      try {
        state = EnrolmentState.valueOf(stateText.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.put(
            "state", "One of requested, waitlisted, enrolled, completed, withdrawn, rejected.");
      }
    }
    if (!errors.isEmpty()) {
      return ValidationProblem.badRequest(errors, uri.getRequestUri().getPath());
    }
    var course = query.getFirst("course");
    var person = query.getFirst("person");
    Long courseId = course == null ? null : feed.courseId(course);
    Long personId = person == null ? null : personId(person);
    var rows = enrolments.list(courseId, personId, state, Math.max(0, after), limit + 1);
    var hasMore = rows.size() > limit;
    var items =
        rows.subList(0, Math.min(limit, rows.size())).stream()
            .map(
                e ->
                    new Listed(
                        e.id(),
                        new PersonRef(e.personId(), e.staffNumber(), e.email()),
                        new CourseRef(e.courseCode(), e.courseVersion()),
                        e.state(),
                        e.dueDate(),
                        e.requestedAt(),
                        e.enrolledAt(),
                        e.endedAt()))
            .toList();
    var last = items.isEmpty() ? Math.max(0, after) : items.get(items.size() - 1).id();
    var response = Response.ok(new Page(items, encode(last), hasMore));
    if (hasMore) {
      response.header(
          "Link",
          "<"
              + uri.getRequestUriBuilder().replaceQueryParam("cursor", encode(last)).build()
              + ">;"
              + " rel=\"next\"");
    }
    return response.build();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("hr-write")
  @Operation(summary = "Enrol a person (staff number or email) on a course (hr-write)")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = "application/json",
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      implementation = EnrolmentResult.class)))
  public Response enrol(EnrolmentRequest request) {
    var errors = check(request, "");
    if (!errors.isEmpty()) {
      return ValidationProblem.badRequest(errors, uri.getRequestUri().getPath());
    }
    var result = place(request);
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(result.id())).build())
        .entity(result)
        .build();
  }

  @POST
  @Path("batch")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("hr-write")
  @Operation(summary = "Enrol up to 1,000 people at once, one result per item (hr-write)")
  public Response batch(BatchRequest request) {
    if (request == null || request.items() == null || request.items().isEmpty()) {
      return ValidationProblem.badRequest(
          Map.of("items", "Send a JSON body with a non-empty list 'items'."),
          uri.getRequestUri().getPath());
    }
    if (request.items().size() > MAX_BATCH) {
      return ValidationProblem.badRequest(
          Map.of("items", "At most " + MAX_BATCH + " items in one batch."),
          uri.getRequestUri().getPath());
    }
    var results = new ArrayList<ItemResult>();
    for (int i = 0; i < request.items().size(); i++) {
      var item = request.items().get(i);
      var errors = check(item, "items[" + i + "].");
      if (!errors.isEmpty()) {
        results.add(new ItemResult(i, 400, null, String.join(" ", errors.values())));
        continue;
      }
      try {
        results.add(new ItemResult(i, 201, place(item), null));
      } catch (Refusal refusal) {
        results.add(new ItemResult(i, refusal.reason().status(), null, refusal.getMessage()));
      }
    }
    return Response.ok(new BatchResult(results)).build();
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("hr-write")
  @Operation(summary = "Take a person off a course; the first on the waitlist gets the seat")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "204",
      description = "Done")
  public Response withdraw(@PathParam("id") long id) {
    enrolments.withdraw(id);
    return Response.noContent().build();
  }

  private EnrolmentResult place(EnrolmentRequest request) {
    var person =
        people
            .byExternalId(request.person().strip())
            .orElseThrow(() -> Refusal.notFound("There is no person " + request.person() + "."));
    var due = request.dueDate() == null ? null : LocalDate.parse(request.dueDate().strip());
    var placement = enrolments.enrol(person.id(), request.course().strip(), due);
    return new EnrolmentResult(
        placement.enrolmentId(),
        request.person().strip(),
        request.course().strip(),
        placement.outcome().name().toLowerCase(Locale.ROOT),
        due);
  }

  private static Map<String, String> check(EnrolmentRequest request, String prefix) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (request == null) {
      errors.put(prefix.isEmpty() ? "body" : prefix + "item", "Send a JSON object.");
      return errors;
    }
    if (request.person() == null || request.person().isBlank()) {
      errors.put(prefix + "person", "The person's staff number or email.");
    } else if (request.person().length() > 320) {
      errors.put(prefix + "person", "320 characters at most.");
    }
    if (request.course() == null || request.course().isBlank()) {
      errors.put(prefix + "course", "A course code, like PY-CLIN.");
    } else if (!CourseCode.isWellFormed(request.course().strip())) {
      errors.put(prefix + "course", "A course code: letters, numbers and hyphens, like PY-CLIN.");
    }
    if (request.dueDate() != null) {
      try {
        if (!DateBounds.accepts(LocalDate.parse(request.dueDate().strip()))) {
          errors.put(prefix + "dueDate", "A date " + DateBounds.range() + ", or leave it out.");
        }
      } catch (DateTimeParseException e) {
        errors.put(prefix + "dueDate", "A date like 2027-03-31, or leave it out.");
      }
    }
    return errors;
  }

  private long personId(String person) {
    return people
        .byAnyId(person)
        .orElseThrow(() -> Refusal.notFound("There is no person " + person + "."))
        .id();
  }

  static String encode(long id) {
    return Cursors.encode("e1", id);
  }

  static long decode(String cursor) {
    return Cursors.decode("e1", cursor);
  }
}

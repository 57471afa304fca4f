package org.upskill.api.integration;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.upskill.api.problem.ValidationProblem;
import org.upskill.certification.boundary.CompletionFeed;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.CsvCells;
import org.upskill.platform.control.IsoInstants;

/**
 * The completions feed for HR systems ({@code hr-integration}): {@code GET /api/v1/completions}
 * pages through every change to a completion or certificate in commit order, and {@code GET
 * /api/v1/exports/completions.csv} streams the same as CSV.
 */
@Path("v1")
@RequestScoped
public class CompletionsResource {

  /** One change as HR systems see it. */
  @JsonbPropertyOrder({
    "sequence",
    "changeId",
    "type",
    "occurredAt",
    "person",
    "course",
    "completionId",
    "certificateId",
    "verificationCode",
    "scorePercent",
    "completedAt",
    "expiresAt",
    "certificateState"
  })
  public record ChangeRepresentation(
      long sequence,
      String changeId,
      String type,
      Instant occurredAt,
      PersonIds person,
      CourseRef course,
      long completionId,
      Long certificateId,
      String verificationCode,
      BigDecimal scorePercent,
      Instant completedAt,
      Instant expiresAt,
      String certificateState) {}

  /** The person's ids: Upskill's, and the external ones HR systems match on. */
  @JsonbPropertyOrder({"id", "staffNumber", "email", "organisation"})
  public record PersonIds(long id, String staffNumber, String email, String organisation) {}

  /** The course and the version completed. */
  @JsonbPropertyOrder({"code", "version"})
  public record CourseRef(String code, int version) {}

  /** A page of the feed. */
  @JsonbPropertyOrder({"items", "nextCursor", "hasMore"})
  public record Page(List<ChangeRepresentation> items, String nextCursor, boolean hasMore) {}

  private static final int EXPORT_CHUNK = 1000;

  @Inject CompletionFeed feed;
  @Inject People people;
  @Context UriInfo uri;
  @Context Request request;

  @GET
  @Path("completions")
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed("hr-integration")
  @Operation(
      summary =
          "Every change to a completion or certificate after a cursor, in commit order"
              + " (hr-integration)")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "304",
      description = "Not modified since the ETag sent in If-None-Match")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "200",
      description = "A page of changes",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      implementation = Page.class)))
  public Response completions(
      @Parameter(description = "nextCursor of the page before; none for the first page")
          @jakarta.ws.rs.QueryParam("cursor")
          String cursor,
      @Parameter(description = "ISO 8601 instant: only changes at or after it")
          @jakarta.ws.rs.QueryParam("updatedSince")
          String updatedSince,
      @Parameter(description = "1 to 1000, 100 by default") @jakarta.ws.rs.QueryParam("limit")
          String limit,
      @Parameter(description = "a course code") @jakarta.ws.rs.QueryParam("course") String course,
      @Parameter(description = "an organisation's name or ODS code")
          @jakarta.ws.rs.QueryParam("organisation")
          String organisation,
      @Parameter(description = "a person: Upskill id, staff number or email")
          @jakarta.ws.rs.QueryParam("person")
          String person) {
    var parameters = FeedParameters.ofFeed(uri.getQueryParameters());
    if (!parameters.errors.isEmpty()) {
      return ValidationProblem.badRequest(parameters.errors, uri.getRequestUri().getPath());
    }
    var query = query(parameters);
    var rows = feed.page(query, parameters.limit + 1);
    var hasMore = rows.size() > parameters.limit;
    var items = rows.subList(0, Math.min(rows.size(), parameters.limit));
    var last = items.isEmpty() ? parameters.after : items.get(items.size() - 1).sequence();
    var next = FeedParameters.cursor(last);
    var tag = new EntityTag(etag(uri.getRequestUri().toString(), items), true);
    var unchanged = request.evaluatePreconditions(tag);
    var noCache = new CacheControl();
    noCache.setNoCache(true);
    noCache.setPrivate(true);
    if (unchanged != null) {
      return unchanged.cacheControl(noCache).build();
    }
    // Written with Jackson's streaming generator as it goes (measured: JSON-P's generator and
    // Instant.toString were a third of a page's time; binding records was slower still)
    StreamingOutput page =
        out -> {
          try (var json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeFieldName(ITEMS);
            json.writeStartArray();
            for (var c : items) {
              write(json, c);
            }
            json.writeEndArray();
            json.writeFieldName(NEXT_CURSOR);
            json.writeString(next);
            json.writeFieldName(HAS_MORE);
            json.writeBoolean(hasMore);
            json.writeEndObject();
          }
        };
    var response =
        Response.ok(page).type(MediaType.APPLICATION_JSON).tag(tag).cacheControl(noCache);
    if (hasMore) {
      var link = uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build();
      response.header("Link", "<" + link + ">; rel=\"next\"");
    }
    return response.build();
  }

  @GET
  @Path("exports/completions.csv")
  @Produces("text/csv")
  @RolesAllowed("hr-integration")
  @Operation(summary = "The feed's changes as CSV, streamed (hr-integration)")
  public Response export(
      @jakarta.ws.rs.QueryParam("updatedSince") String updatedSince,
      @jakarta.ws.rs.QueryParam("course") String course,
      @jakarta.ws.rs.QueryParam("organisation") String organisation,
      @jakarta.ws.rs.QueryParam("person") String person) {
    var parameters = FeedParameters.ofExport(uri.getQueryParameters());
    if (!parameters.errors.isEmpty()) {
      return ValidationProblem.badRequest(parameters.errors, uri.getRequestUri().getPath());
    }
    var query = query(parameters);
    StreamingOutput body =
        out -> {
          var writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
          try (var csv =
              new CSVPrinter(
                  writer,
                  CSVFormat.DEFAULT
                      .builder()
                      .setHeader(
                          "sequence",
                          "change_id",
                          "type",
                          "occurred_at",
                          "person_id",
                          "staff_number",
                          "email",
                          "organisation",
                          "course_code",
                          "course_version",
                          "completion_id",
                          "certificate_id",
                          "verification_code",
                          "score_percent",
                          "completed_at",
                          "expires_at",
                          "certificate_state")
                      .get())) {
            var after = query.after();
            while (true) {
              // One read per chunk, no transaction held: memory stays flat whatever the number of
              // rows
              var chunk =
                  feed.page(
                      new CompletionFeed.Query(
                          after,
                          query.updatedSince(),
                          query.courseId(),
                          query.organisationId(),
                          query.personId()),
                      EXPORT_CHUNK);
              for (var c : chunk) {
                csv.printRecord(
                    c.sequence(),
                    c.changeId(),
                    c.type(),
                    IsoInstants.format(c.occurredAt()),
                    c.personId(),
                    CsvCells.safe(c.staffNumber()),
                    CsvCells.safe(c.email()),
                    CsvCells.safe(c.organisation()),
                    c.courseCode(),
                    c.courseVersion(),
                    c.completionId(),
                    c.certificateId(),
                    c.verificationCode(),
                    c.scorePercent(),
                    IsoInstants.format(c.completedAt()),
                    c.expiresAt() == null ? null : IsoInstants.format(c.expiresAt()),
                    c.certificateState());
              }
              if (chunk.size() < EXPORT_CHUNK) {
                break;
              }
              after = chunk.get(chunk.size() - 1).sequence();
              csv.flush();
            }
          }
        };
    return Response.ok(body)
        .type("text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"completions.csv\"")
        .header("Cache-Control", "no-store")
        .build();
  }

  private CompletionFeed.Query query(FeedParameters parameters) {
    Long courseId = parameters.course == null ? null : feed.courseId(parameters.course);
    Long organisationId =
        parameters.organisation == null ? null : feed.organisationId(parameters.organisation);
    Long personId =
        parameters.person == null
            ? null
            : people
                .byAnyId(parameters.person)
                .orElseThrow(
                    () -> Refusal.notFound("There is no person " + parameters.person + "."))
                .id();
    return new CompletionFeed.Query(
        parameters.after, parameters.updatedSince, courseId, organisationId, personId);
  }

  /** Writes the page's JSON; leaves the response's stream to the container to close. */
  private static final JsonFactory JSON =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  private static final SerializedString ITEMS = new SerializedString("items"),
      NEXT_CURSOR = new SerializedString("nextCursor"),
      HAS_MORE = new SerializedString("hasMore"),
      SEQUENCE = new SerializedString("sequence"),
      CHANGE_ID = new SerializedString("changeId"),
      TYPE = new SerializedString("type"),
      OCCURRED_AT = new SerializedString("occurredAt"),
      PERSON = new SerializedString("person"),
      ID = new SerializedString("id"),
      STAFF_NUMBER = new SerializedString("staffNumber"),
      EMAIL = new SerializedString("email"),
      ORGANISATION = new SerializedString("organisation"),
      COURSE = new SerializedString("course"),
      CODE = new SerializedString("code"),
      VERSION = new SerializedString("version"),
      COMPLETION_ID = new SerializedString("completionId"),
      CERTIFICATE_ID = new SerializedString("certificateId"),
      VERIFICATION_CODE = new SerializedString("verificationCode"),
      SCORE_PERCENT = new SerializedString("scorePercent"),
      COMPLETED_AT = new SerializedString("completedAt"),
      EXPIRES_AT = new SerializedString("expiresAt"),
      CERTIFICATE_STATE = new SerializedString("certificateState");

  /** One change, in the shape of {@link ChangeRepresentation} (nulls left out). */
  private static void write(JsonGenerator json, CompletionFeed.Change c) throws IOException {
    json.writeStartObject();
    json.writeFieldName(SEQUENCE);
    json.writeNumber(c.sequence());
    optional(json, CHANGE_ID, c.changeId());
    optional(json, TYPE, c.type());
    optional(json, OCCURRED_AT, IsoInstants.format(c.occurredAt()));
    json.writeFieldName(PERSON);
    json.writeStartObject();
    json.writeFieldName(ID);
    json.writeNumber(c.personId());
    optional(json, STAFF_NUMBER, c.staffNumber());
    optional(json, EMAIL, c.email());
    optional(json, ORGANISATION, c.organisation());
    json.writeEndObject();
    json.writeFieldName(COURSE);
    json.writeStartObject();
    optional(json, CODE, c.courseCode());
    json.writeFieldName(VERSION);
    json.writeNumber(c.courseVersion());
    json.writeEndObject();
    json.writeFieldName(COMPLETION_ID);
    json.writeNumber(c.completionId());
    if (c.certificateId() != null) {
      json.writeFieldName(CERTIFICATE_ID);
      json.writeNumber(c.certificateId());
    }
    optional(json, VERIFICATION_CODE, c.verificationCode());
    if (c.scorePercent() != null) {
      json.writeFieldName(SCORE_PERCENT);
      json.writeNumber(c.scorePercent());
    }
    optional(json, COMPLETED_AT, IsoInstants.format(c.completedAt()));
    if (c.expiresAt() != null) {
      optional(json, EXPIRES_AT, IsoInstants.format(c.expiresAt()));
    }
    optional(json, CERTIFICATE_STATE, c.certificateState());
    json.writeEndObject();
  }

  private static void optional(JsonGenerator json, SerializedString name, String value)
      throws IOException {
    if (value != null) {
      json.writeFieldName(name);
      json.writeString(value);
    }
  }

  /** A weak tag over the request and the changes it returned. */
  private static String etag(String requestUri, List<CompletionFeed.Change> items) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(requestUri.getBytes(StandardCharsets.UTF_8));
      for (var item : items) {
        digest.update(
            (item.sequence() + "/" + item.certificateState() + ";")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

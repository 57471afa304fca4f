package org.upskill.enrolment.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Reader;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.enrolment.control.EnrolmentCsv;
import org.upskill.enrolment.entity.EnrolmentBatch;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;
import org.upskill.platform.control.Jsonp;

/**
 * Bulk enrolment from a CSV file in two steps. {@link #check} reads the file, finds the people and
 * courses, and keeps a preview with each row's problem; nothing is enrolled. {@link #apply}, by the
 * same person, enrols every valid row in one transaction (all or nothing) and keeps the outcome of
 * each row as the report. A preview that is never applied changes nothing.
 */
@Stateless
public class BulkEnrolments {

  /** A whole file refused (no columns, too many rows, not CSV): nothing is kept. */
  public static class FileRefused extends Refusal {
    public FileRefused(String message) {
      super(Reason.CONFLICT, message);
    }
  }

  /** One row as checked, and once applied what happened. */
  public record RowView(
      int line, String person, String course, LocalDate dueDate, String problem, String outcome) {}

  /** A checked file. */
  public record Batch(
      long id,
      String fileName,
      Instant createdAt,
      boolean applied,
      Instant appliedAt,
      int rows,
      int valid,
      List<RowView> all) {
    public List<RowView> problems() {
      return all.stream().filter(r -> r.problem() != null).toList();
    }

    public long count(String outcome) {
      return all.stream().filter(r -> outcome.equals(r.outcome())).count();
    }
  }

  @PersistenceContext EntityManager em;
  @Inject People people;
  @Inject CourseAuthoring courses;
  @Inject Enrolments enrolments;

  Clock clock = Clock.systemUTC();

  /**
   * Checks a file and keeps it as a preview.
   *
   * @return the preview's id
   * @throws FileRefused when the file as a whole cannot be used
   */
  public long check(Staff author, String fileName, Reader content) {
    var today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
    var parsed = EnrolmentCsv.parse(content, today);
    if (parsed.fileError() != null) {
      throw new FileRefused(parsed.fileError());
    }
    if (parsed.rows().isEmpty()) {
      throw new FileRefused("The file has no rows under its header.");
    }
    Map<String, String> courseProblems = new HashMap<>();
    Map<String, Long> courseIds = new HashMap<>();
    parsed.rows().stream()
        .filter(EnrolmentCsv.Row::valid)
        .map(EnrolmentCsv.Row::course)
        .distinct()
        .forEach(
            code -> {
              var check = courses.check(author, code);
              switch (check.verdict()) {
                case EDITABLE -> {
                  if ("PUBLISHED".equals(check.status())) {
                    courseIds.put(code, check.id());
                  } else {
                    courseProblems.put(code, code + " is not published");
                  }
                }
                case NOT_OWNED ->
                    courseProblems.put(
                        code, "You cannot enrol people on " + code + ": you do not own it");
                case UNKNOWN -> courseProblems.put(code, "There is no course " + code);
              }
            });
    // People are looked up only for the courses this author may enrol people on: a row for
    // someone else's course says so whether or not the person exists (no existence oracle).
    var ids =
        people.idsByEmailOrStaffNumber(
            parsed.rows().stream()
                .filter(EnrolmentCsv.Row::valid)
                .filter(row -> courseIds.containsKey(row.course()))
                .map(EnrolmentCsv.Row::person)
                .toList());
    var onCourse = alreadyOn(parsed.rows(), ids, courseIds);
    var rows = Jsonp.arrayBuilder();
    var valid = 0;
    for (var row : parsed.rows()) {
      var problem = row.error();
      Long personId = null;
      if (problem == null) {
        personId = ids.get(row.person().toLowerCase(Locale.ROOT));
        if (courseProblems.containsKey(row.course())) {
          problem = courseProblems.get(row.course());
        } else if (personId == null) {
          problem = "Nobody with this email or staff number has signed in to Upskill";
        } else if (onCourse.contains(personId + "/" + row.course())) {
          problem = "Already on " + row.course();
        }
      }
      var json =
          Jsonp.objectBuilder()
              .add("line", row.line())
              .add("person", row.person())
              .add("course", row.course());
      if (row.dueDate() != null) {
        json.add("due", row.dueDate().toString());
      }
      if (problem != null) {
        json.add("problem", problem);
      } else {
        json.add("personId", personId);
        valid++;
      }
      rows.add(json);
    }
    var batch =
        new EnrolmentBatch(
            author.personId(),
            Instant.now(clock),
            fileName == null || fileName.isBlank()
                ? "upload.csv"
                : fileName.substring(0, Math.min(255, fileName.length())),
            parsed.rows().size(),
            valid,
            rows.build().toString());
    em.persist(batch);
    em.flush();
    return batch.getId();
  }

  private java.util.Set<String> alreadyOn(
      List<EnrolmentCsv.Row> rows, Map<String, Long> ids, Map<String, Long> courseIds) {
    var found = new java.util.HashSet<String>();
    Map<Long, List<Long>> peopleByCourse = new HashMap<>();
    for (var row : rows) {
      var person = row.valid() ? ids.get(row.person().toLowerCase(Locale.ROOT)) : null;
      var course = courseIds.get(row.course());
      if (person != null && course != null) {
        peopleByCourse.computeIfAbsent(course, k -> new ArrayList<>()).add(person);
      }
    }
    Map<Long, String> codes = new HashMap<>();
    courseIds.forEach((code, id) -> codes.put(id, code));
    peopleByCourse.forEach(
        (course, persons) -> {
          for (int from = 0; from < persons.size(); from += 1000) {
            em.createQuery(
                    "select e.personId from Enrolment e where e.courseId = :course"
                        + " and e.live = true and e.personId in :people",
                    Long.class)
                .setParameter("course", course)
                .setParameter(
                    "people", persons.subList(from, Math.min(persons.size(), from + 1000)))
                .getResultList()
                .forEach(p -> found.add(p + "/" + codes.get(course)));
          }
        });
    return found;
  }

  /**
   * A checked file, for the person who uploaded it (or an admin).
   *
   * @throws Refusal 404 for anyone else
   */
  public Batch batch(Staff author, long id) {
    return view(owned(author, id, false));
  }

  /**
   * Enrols every valid row of a preview, all in this transaction; applying an applied batch again
   * returns it unchanged.
   */
  public Batch apply(Staff author, long id) {
    var batch = owned(author, id, true);
    if (EnrolmentBatch.APPLIED.equals(batch.getState())) {
      return view(batch);
    }
    var rows = rows(batch);
    Map<String, Map<Long, LocalDate>> byCourse = new LinkedHashMap<>();
    for (var row : rows) {
      if (!row.containsKey("problem")) {
        byCourse
            .computeIfAbsent(row.getString("course"), k -> new LinkedHashMap<>())
            .putIfAbsent(
                row.getJsonNumber("personId").longValue(),
                row.containsKey("due") ? LocalDate.parse(row.getString("due")) : null);
      }
    }
    Map<String, Map<Long, String>> outcomes = new HashMap<>();
    byCourse.forEach(
        (code, persons) -> outcomes.put(code, enrolments.enrolAllBy(author, code, persons)));
    var updated = Jsonp.arrayBuilder();
    for (var row : rows) {
      var json = Jsonp.objectBuilder(row);
      if (!row.containsKey("problem")) {
        json.add(
            "outcome",
            outcomes.get(row.getString("course")).get(row.getJsonNumber("personId").longValue()));
      }
      updated.add(json);
    }
    batch.applied(Instant.now(clock), updated.build().toString());
    em.flush();
    return view(batch);
  }

  private EnrolmentBatch owned(Staff author, long id, boolean lock) {
    var batch =
        lock
            ? em.find(EnrolmentBatch.class, id, LockModeType.PESSIMISTIC_WRITE)
            : em.find(EnrolmentBatch.class, id);
    if (batch == null || (!author.admin() && batch.getCreatedBy() != author.personId())) {
      throw Refusal.notFound("There is no such enrolment file.");
    }
    return batch;
  }

  private static List<JsonObject> rows(EnrolmentBatch batch) {
    try (var reader = Jsonp.reader(new StringReader(batch.getRowsJson()))) {
      return reader.readArray().stream().map(JsonValue::asJsonObject).toList();
    }
  }

  private static Batch view(EnrolmentBatch batch) {
    var rows =
        rows(batch).stream()
            .map(
                r ->
                    new RowView(
                        r.getInt("line"),
                        r.getString("person"),
                        r.getString("course"),
                        r.containsKey("due") ? LocalDate.parse(r.getString("due")) : null,
                        r.getString("problem", null),
                        r.getString("outcome", null)))
            .toList();
    return new Batch(
        batch.getId(),
        batch.getFileName(),
        batch.getCreatedAt(),
        EnrolmentBatch.APPLIED.equals(batch.getState()),
        batch.getAppliedAt(),
        batch.getRowCount(),
        batch.getValidCount(),
        rows);
  }
}

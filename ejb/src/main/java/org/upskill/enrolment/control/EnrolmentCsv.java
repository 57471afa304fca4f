package org.upskill.enrolment.control;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.upskill.platform.control.DateBounds;

/**
 * Reads a bulk-enrolment file (Apache Commons CSV): a header row naming the columns {@code email}
 * or {@code staff_number} (one of them per row), {@code course} and, optionally, {@code due_date}
 * (YYYY-MM-DD). Column names are case-insensitive and may use spaces; extra columns are ignored.
 * Each row comes back with what it says or why it cannot be used.
 */
public final class EnrolmentCsv {

  /** At most this many rows in one file. */
  public static final int MAX_ROWS = 10_000;

  private EnrolmentCsv() {}

  /** One row: its line in the file, who (an email or staff number), which course, when due. */
  public record Row(int line, String person, String course, LocalDate dueDate, String error) {
    public boolean valid() {
      return error == null;
    }

    Row withError(String message) {
      return new Row(line, person, course, dueDate, message);
    }
  }

  /** The file as read: its rows, or a problem with the whole file (then no rows). */
  public record Parsed(List<Row> rows, String fileError) {}

  /** Reads the file; {@code today} decides which due dates are in the past. */
  public static Parsed parse(Reader reader, LocalDate today) {
    var format =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setIgnoreHeaderCase(true)
            .setAllowMissingColumnNames(true)
            .get();
    try (var parser = CSVParser.parse(reader, format)) {
      var columns =
          parser.getHeaderNames().stream()
              .map(h -> h.strip().toLowerCase(Locale.ROOT).replace(' ', '_'))
              .toList();
      var email = columns.indexOf("email");
      var staff = columns.indexOf("staff_number");
      var course = columns.indexOf("course");
      var due = columns.indexOf("due_date");
      if ((email < 0 && staff < 0) || course < 0) {
        return new Parsed(
            List.of(),
            "The first row must name the columns: email or staff_number, course, and optionally"
                + " due_date.");
      }
      var rows = new ArrayList<Row>();
      for (var record : parser) {
        if (rows.size() == MAX_ROWS) {
          return new Parsed(
              List.of(), "The file has more than " + MAX_ROWS + " rows: split it into parts.");
        }
        var line = (int) parser.getCurrentLineNumber();
        var byEmail = cell(record.values(), email);
        var byStaff = cell(record.values(), staff);
        var person = byEmail.isEmpty() ? byStaff : byEmail;
        var code = cell(record.values(), course).toUpperCase(Locale.ROOT);
        var dueText = cell(record.values(), due);
        LocalDate dueDate = null;
        String error = null;
        if (person.isEmpty()) {
          error = "No email or staff number";
        } else if (code.isEmpty()) {
          error = "No course code";
        } else if (!dueText.isEmpty()) {
          try {
            dueDate = LocalDate.parse(dueText);
            if (dueDate.isBefore(today)) {
              error = "The due date " + dueText + " is in the past";
            } else if (!DateBounds.accepts(dueDate)) {
              error = "The due date " + dueText + " is not " + DateBounds.range();
            }
          } catch (DateTimeParseException e) {
            error = "The due date " + dueText + " is not a date like 2027-03-31";
          }
        }
        rows.add(new Row(line, person, code, dueDate, error));
      }
      return new Parsed(markRepeats(rows), null);
    } catch (IOException
        | UncheckedIOException
        | IllegalArgumentException
        | IllegalStateException e) {
      // Commons CSV says what is wrong and where ("(line 2) EOF reached before …")
      return new Parsed(List.of(), "The file is not a CSV file we can read: " + e.getMessage());
    }
  }

  private static List<Row> markRepeats(List<Row> rows) {
    var seen = new java.util.HashMap<String, Integer>();
    var result = new ArrayList<Row>(rows.size());
    for (var row : rows) {
      if (row.valid()) {
        var key = row.person().toLowerCase(Locale.ROOT) + "\n" + row.course();
        var first = seen.putIfAbsent(key, row.line());
        if (first != null) {
          row = row.withError("Repeats line " + first);
        }
      }
      result.add(row);
    }
    return result;
  }

  private static String cell(String[] values, int index) {
    return index < 0 || index >= values.length || values[index] == null
        ? ""
        : values[index].strip();
  }
}

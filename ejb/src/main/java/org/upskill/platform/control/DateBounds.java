package org.upskill.platform.control;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The dates and instants Upskill accepts from anyone (API clients, forms, uploaded files): what its
 * columns hold with room to spare, and what a learning record can mean. A due date, a quiz's
 * opening or closing, a filter's date: from {@value #EARLIEST_TEXT} to {@value #LATEST_TEXT}
 * (inclusive); an instant (the HR feed's {@code updatedSince}) in the same years, UTC. Anything
 * outside is refused as bad input, never passed on to the database (where a year 10000 is an error,
 * not a date).
 */
public final class DateBounds {

  static final String EARLIEST_TEXT = "1970-01-01";
  static final String LATEST_TEXT = "2099-12-31";

  public static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_TEXT);
  public static final LocalDate LATEST = LocalDate.parse(LATEST_TEXT);
  public static final Instant EARLIEST_INSTANT = Instant.parse(EARLIEST_TEXT + "T00:00:00Z");
  public static final Instant LATEST_INSTANT = Instant.parse(LATEST_TEXT + "T23:59:59.999999Z");

  private DateBounds() {}

  /** Whether Upskill accepts this date. */
  public static boolean accepts(LocalDate date) {
    return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
  }

  /** Whether Upskill accepts this instant. */
  public static boolean accepts(Instant instant) {
    return !instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT);
  }

  /** The range, as a clause of an error message: "from 1970-01-01 to 2099-12-31". */
  public static String range() {
    return "from " + EARLIEST_TEXT + " to " + LATEST_TEXT;
  }
}

package org.upskill.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Dates, times and durations as GOV.UK writes them, in Europe/London: {@code #{format…}}. */
@Named
@ApplicationScoped
public class Format {

  static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK).withZone(LONDON);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK).withZone(LONDON);

  /** "5 March 2026". */
  public String date(Instant instant) {
    return instant == null ? "" : DATE.format(instant);
  }

  /** A calendar date: "5 March 2026". */
  public String day(java.time.LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** "5 March 2026 at 2:30pm". */
  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant).replace("AM", "am").replace("PM", "pm");
  }

  /** "3 hours 30 minutes" rather than "210". */
  public String duration(int minutes) {
    int hours = minutes / 60;
    int rest = minutes % 60;
    var text = new StringBuilder();
    if (hours > 0) {
      text.append(hours).append(hours == 1 ? " hour" : " hours");
    }
    if (rest > 0) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      text.append(rest).append(rest == 1 ? " minute" : " minutes");
    }
    return text.isEmpty() ? "under a minute" : text.toString();
  }

  /** "Python, Statistics". */
  public String list(List<String> values) {
    return values == null ? "" : String.join(", ", values);
  }

  /** "Introductory" from "introductory". */
  public String capitalise(String value) {
    return value == null || value.isEmpty()
        ? ""
        : value.substring(0, 1).toUpperCase(Locale.UK) + value.substring(1);
  }

  /** A mark or score: at most two decimals, no trailing zeros ("1", "2.5", "0.67"). */
  public String number(java.math.BigDecimal value) {
    if (value == null) {
      return "";
    }
    var rounded = value.setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }
}

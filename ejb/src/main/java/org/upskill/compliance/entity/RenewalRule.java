package org.upskill.compliance.entity;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;

/**
 * How long a requirement's course stays valid after it is completed:
 *
 * <ul>
 *   <li>{@code NONE}: as long as the certificate does (the course's own renewal period, or for
 *       ever);
 *   <li>{@code MONTHS}: N months from the completion date (a completion on 31 January with 1 month
 *       is valid until the last day of February);
 *   <li>{@code ANNUAL_DATE}: until the next anchor date strictly after the completion (e.g. every 1
 *       April, so a completion on 1 April is valid until the 1 April after); an anchor of 29
 *       February falls on 28 February in other years.
 * </ul>
 *
 * The grace period is the number of days after the valid-until date before the person counts as
 * overdue; during it they are due soon.
 */
public record RenewalRule(
    Kind kind, Integer months, Integer anchorMonth, Integer anchorDay, int graceDays) {

  /** The kinds of renewal. */
  public enum Kind {
    NONE,
    MONTHS,
    ANNUAL_DATE
  }

  public RenewalRule {
    if (kind == null) {
      throw new IllegalArgumentException("A renewal rule needs a kind.");
    }
    if (kind == Kind.MONTHS && (months == null || months < 1 || months > 120)) {
      throw new IllegalArgumentException("Renewal every 1 to 120 months.");
    }
    if (kind == Kind.ANNUAL_DATE) {
      if (anchorMonth == null || anchorDay == null || anchorMonth < 1 || anchorMonth > 12) {
        throw new IllegalArgumentException("An anchor date needs a month and a day.");
      }
      try {
        MonthDay.of(anchorMonth, anchorDay); // 31 April and the like do not exist
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("There is no day " + anchorDay + " in that month.", e);
      }
    }
    if (graceDays < 0 || graceDays > 365) {
      throw new IllegalArgumentException("A grace period of 0 to 365 days.");
    }
  }

  public static RenewalRule none(int graceDays) {
    return new RenewalRule(Kind.NONE, null, null, null, graceDays);
  }

  public static RenewalRule everyMonths(int months, int graceDays) {
    return new RenewalRule(Kind.MONTHS, months, null, null, graceDays);
  }

  public static RenewalRule annualOn(int month, int day, int graceDays) {
    return new RenewalRule(Kind.ANNUAL_DATE, null, month, day, graceDays);
  }

  /**
   * The last day a completion on {@code completedOn} counts (exclusive: valid before this date), or
   * {@code null} when it never runs out.
   *
   * @param certificateExpiresOn the certificate's own expiry (for {@code NONE}), or null
   */
  public LocalDate validUntil(LocalDate completedOn, LocalDate certificateExpiresOn) {
    return switch (kind) {
      case NONE -> certificateExpiresOn;
      case MONTHS -> completedOn.plusMonths(months);
      case ANNUAL_DATE -> {
        var candidate = anchorIn(completedOn.getYear());
        yield candidate.isAfter(completedOn) ? candidate : anchorIn(completedOn.getYear() + 1);
      }
    };
  }

  private LocalDate anchorIn(int year) {
    var month = YearMonth.of(year, anchorMonth);
    return month.atDay(Math.min(anchorDay, month.lengthOfMonth()));
  }

  /** In words, for pages: "every 12 months", "every year on 1 April", "as the certificate". */
  public String describe() {
    var text =
        switch (kind) {
          case NONE -> "as long as the certificate is valid";
          case MONTHS -> "every " + months + (months == 1 ? " month" : " months");
          case ANNUAL_DATE ->
              "every year on "
                  + anchorDay
                  + " "
                  + java.time.Month.of(anchorMonth)
                      .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK);
        };
    return graceDays > 0 ? text + ", with " + graceDays + " days' grace" : text;
  }
}

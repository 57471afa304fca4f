package org.upskill.platform.control;

/** Cells of the CSV files Upskill writes (cohorts, enrolment reports, the HR export). */
public final class CsvCells {

  private CsvCells() {}

  /** A cell a spreadsheet would take for a formula (=, +, -, @, tab, CR) gets an apostrophe. */
  public static String safe(String value) {
    if (value == null) {
      return "";
    }
    return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
  }
}

package org.upskill.enrolment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class EnrolmentCsvTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

  static EnrolmentCsv.Parsed parse(String text) {
    return EnrolmentCsv.parse(new StringReader(text), TODAY);
  }

  @Test
  void readsGoodRowsAndSaysWhatIsWrongWithTheOthers() {
    var parsed =
        parse(
            "Email,Staff Number,Course,Due date,Note\n"
                + "priya.shah@example.org,,gdpr-ds,2027-03-31,x\n"
                + ",NHS-123,PY-CLIN,,\n"
                + "\n"
                + ",,PY-CLIN,,\n"
                + "a@example.org,,,,\n"
                + "b@example.org,,PY-CLIN,31/03/2027,\n"
                + "c@example.org,,PY-CLIN,2026-11-29,\n"
                + "PRIYA.SHAH@example.org,,GDPR-DS,,\n");
    assertNull(parsed.fileError());
    var rows = parsed.rows();
    assertEquals(7, rows.size());
    assertEquals(
        new EnrolmentCsv.Row(
            2, "priya.shah@example.org", "GDPR-DS", LocalDate.of(2027, 3, 31), null),
        rows.get(0));
    assertEquals("NHS-123", rows.get(1).person());
    assertTrue(rows.get(1).valid());
    assertEquals("No email or staff number", rows.get(2).error());
    assertEquals(5, rows.get(2).line(), "the empty line is skipped but counted");
    assertEquals("No course code", rows.get(3).error());
    assertTrue(rows.get(4).error().contains("not a date"), rows.get(4).error());
    assertTrue(rows.get(5).error().contains("in the past"), rows.get(5).error());
    assertEquals("Repeats line 2", rows.get(6).error());
  }

  @Test
  void aFileWithoutTheColumnsOrWithTooManyRowsIsRefusedWhole() {
    assertTrue(parse("name,course\nx,y\n").fileError().contains("must name the columns"));
    var big = new StringBuilder("email,course\n");
    for (int i = 0; i <= EnrolmentCsv.MAX_ROWS; i++) {
      big.append("p").append(i).append("@example.org,PY-CLIN\n");
    }
    var parsed = parse(big.toString());
    assertTrue(parsed.fileError().contains("more than 10000"), parsed.fileError());
    assertTrue(parsed.rows().isEmpty());
  }

  @Test
  void quotedCellsWithCommasAndABrokenQuoteAreHandled() {
    var parsed = parse("email,course\n\"a@example.org\",\"PY-CLIN\"\n");
    assertTrue(parsed.rows().get(0).valid());
    assertTrue(parse("email,course\n\"a@example.org,PY-CLIN\n").fileError() != null);
  }
}

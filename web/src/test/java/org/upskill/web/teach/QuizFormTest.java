package org.upskill.web.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuizFormTest {

  static QuizForm form(String opens, String closes) {
    var form = new QuizForm();
    form.values.putAll(QuizForm.defaults());
    form.values.put("title", "Check your reading");
    form.values.put("module", "");
    form.values.put("opensAt", opens);
    form.values.put("closesAt", closes);
    return form;
  }

  @Test
  void datesAreUkTimeFromTheBrowsersFieldOrTyped() {
    var form = form("2027-03-31T09:00", "2027-07-01 17:30");
    assertEquals(List.of(), List.copyOf(form.errors(1).keySet()));
    var settings = form.settings();
    assertEquals(Instant.parse("2027-03-31T08:00:00Z"), settings.opensAt(), "BST is UTC+1");
    assertEquals(Instant.parse("2027-07-01T16:30:00Z"), settings.closesAt());
    assertEquals("2027-03-31T09:00", QuizForm.valuesOf(settings).get("opensAt"));
    assertNull(form("", "").settings().opensAt(), "empty: always open");
  }

  @Test
  void unreadableOrBackwardsDatesAreRefusedPerField() {
    assertTrue(form("31/03/2027", "").errors(1).get("opensAt").contains("like 2027-03-31"));
    assertEquals(
        "The quiz must close after it opens",
        form("2027-03-31T09:00", "2027-03-31T09:00").errors(1).get("closesAt"));
  }

  @Test
  void passMarkAttemptsAndModuleAreChecked() {
    var form = form("", "");
    form.values.put("passPercent", "101");
    form.values.put("maxAttempts", "0");
    form.values.put("module", "2");
    var errors = form.errors(1);
    assertEquals(List.of("module", "maxAttempts", "passPercent"), List.copyOf(errors.keySet()));
  }
}

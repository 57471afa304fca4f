package org.upskill.web.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonFormTest {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  static LessonForm form(String title, String markdown, String minutes) {
    var form = new LessonForm();
    form.title = title;
    form.markdown = markdown;
    form.minutes = minutes;
    form.required = true;
    return form;
  }

  @Test
  void anEmptyFormGetsOneMessagePerFieldInThePagesOrder() {
    var errors = new LessonForm().errors(VALIDATOR);
    assertEquals(List.of("title", "markdown", "minutes"), List.copyOf(errors.keySet()));
    assertEquals("Write the lesson", errors.get("markdown"));
  }

  @Test
  void minutesAreAWholeNumberFrom1To600() {
    assertEquals(
        "Enter how long the lesson takes as a number of minutes",
        form("t", "x", "ten").errors(VALIDATOR).get("minutes"));
    assertEquals(
        "A lesson takes from 1 to 600 minutes",
        form("t", "x", "0").errors(VALIDATOR).get("minutes"));
    assertEquals(
        "A lesson takes from 1 to 600 minutes",
        form("t", "x", "601").errors(VALIDATOR).get("minutes"));
    assertTrue(form("t", "x", " 600 ").errors(VALIDATOR).isEmpty());
  }

  @Test
  void aLessonLongerThanTheLimitIsRefusedNotCut() {
    var errors = form("t", "x".repeat(LessonForm.MAX_MARKDOWN + 1), "5").errors(VALIDATOR);
    assertTrue(errors.get("markdown").contains("200000"), errors.toString());
  }

  @Test
  void theDraftKeepsMarkdownWithUnixLineBreaksAndWhatWasTypedIsKeptVerbatim() {
    var form = form("  Opt-outs ", "# Title\r\n\r\nText…\r\n  ", "10");
    var draft = form.draft();
    assertEquals("Opt-outs", draft.title());
    assertEquals("# Title\n\nText…", draft.markdown());
    assertEquals(10, draft.minutes());
    assertTrue(draft.required());
    assertEquals("# Title\r\n\r\nText…\r\n  ", form.values().get("markdown"));
  }
}

package org.upskill.web.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseFormTest {

  static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

  static CourseForm form(String code, String duration, String capacity) {
    var form = new CourseForm();
    form.code = code;
    form.title = "Explainable AI";
    form.summary = "Saliency maps, read critically.";
    form.outcomes = " Explain a saliency map \n\n Spot a misleading one ";
    form.level = "INTERMEDIATE";
    form.durationMinutes = duration;
    form.audience = "BOTH";
    form.enrolmentMode = "SELF";
    form.capacity = capacity;
    form.renewalMonths = "";
    return form;
  }

  @Test
  void anEmptyFormGetsOneMessagePerFieldInThePagesOrder() {
    var errors = new CourseForm().errors(VALIDATOR);
    assertEquals(
        List.of(
            "code", "title", "summary", "level", "durationMinutes", "audience", "enrolmentMode"),
        List.copyOf(errors.keySet()));
    assertEquals("Enter a course code", errors.get("code"));
    assertEquals("Enter how long the course takes, in minutes", errors.get("durationMinutes"));
  }

  @Test
  void numbersAndCodesAreChecked() {
    assertEquals(
        "A course code is letters and numbers, with hyphens between them, like PY-CLIN",
        form("PY CLIN", "60", "").errors(VALIDATOR).get("code"));
    assertEquals(
        "A course takes from 1 to 10000 minutes",
        form("X-1", "0", "").errors(VALIDATOR).get("durationMinutes"));
    assertEquals(
        "A course with a limit has at least 1 place",
        form("X-1", "60", "0").errors(VALIDATOR).get("capacity"));
    assertTrue(form("X-1", "60", "abc").errors(VALIDATOR).containsKey("capacity"));
  }

  @Test
  void aValidFormBecomesADraft() {
    var form = form(" ai-xpl ", " 90 ", " 25 ");
    assertTrue(form.errors(VALIDATOR).isEmpty(), form.errors(VALIDATOR).toString());
    var draft = form.draft();
    assertEquals("ai-xpl", draft.code());
    assertEquals(90, draft.durationMinutes());
    assertEquals(25, draft.capacity());
    assertNull(draft.renewalMonths());
    assertEquals(List.of("Explain a saliency map", "Spot a misleading one"), draft.outcomes());
    assertEquals(List.of(), draft.skills());
    assertEquals(List.of(), draft.prerequisites());
  }

  @Test
  void skillsAndPrerequisitesAreCommaSeparated() {
    var form = form("X-1", "60", "");
    form.skills = " Python ,, Medical imaging,";
    form.prerequisites = "py-clin, STATS-1 ";
    assertTrue(form.errors(VALIDATOR).isEmpty(), form.errors(VALIDATOR).toString());
    assertEquals(List.of("Python", "Medical imaging"), form.draft().skills());
    assertEquals(List.of("py-clin", "STATS-1"), form.draft().prerequisites());
    form.prerequisites = "PY-CLIN; <script>";
    assertEquals(
        "Prerequisites are course codes separated by commas, like PY-CLIN, STATS-1",
        form.errors(VALIDATOR).get("prerequisites"));
    assertEquals("py-clin, STATS-1", CourseForm.valuesOf(draftWith()).get("prerequisites"));
  }

  private static org.upskill.catalog.boundary.CourseDraft draftWith() {
    var form = form("X-1", "60", "");
    form.prerequisites = "py-clin,STATS-1";
    return form.draft();
  }
}

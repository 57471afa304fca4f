package org.upskill.web.teach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.upskill.assessment.control.Answer;
import org.upskill.assessment.control.FrozenQuestion;
import org.upskill.assessment.control.Mark;

/** Every type written in the form becomes a definition that the quiz engine grades as meant. */
class QuestionFormTest {

  static QuestionForm form(String type, String field, String part) {
    var form = new QuestionForm();
    form.values.putAll(QuestionForm.defaults());
    form.values.put("type", type);
    form.values.put("prompt", "A question");
    form.values.put(field, part);
    return form;
  }

  static Mark grade(QuestionForm form, Answer answer) {
    assertEquals(Map.of(), form.errors());
    var draft = form.draft();
    return FrozenQuestion.freeze(
            1,
            draft.type(),
            draft.prompt(),
            draft.feedback(),
            draft.points(),
            draft.definitionJson(),
            false,
            new Random(1))
        .grade(answer);
  }

  @Test
  void singleChoiceKeepsOptionFeedbackAndMarksTheStarredOption() {
    var form = form("single", "single-options", "Specificity | no\n* Sensitivity | yes\nPPV");
    assertEquals(BigDecimal.ONE.setScale(4), grade(form, Answer.choices("b")).fraction());
    assertEquals(BigDecimal.ZERO.setScale(4), grade(form, Answer.choices("a")).fraction());
    assertTrue(form.draft().definitionJson().contains("\"feedback\":\"yes\""));
  }

  @Test
  void multipleChoiceUsesTheChosenRule() {
    var partial = form("multiple", "multiple-options", "* a\n* b\nc\nd");
    assertEquals(new BigDecimal("0.5000"), grade(partial, Answer.choices("a")).fraction());
    var strict = form("multiple", "multiple-options", "* a\n* b\nc\nd");
    strict.values.put("multiple-rule", "ALL_OR_NOTHING");
    assertEquals(BigDecimal.ZERO.setScale(4), grade(strict, Answer.choices("a")).fraction());
  }

  @Test
  void trueFalseNumericShortTextOrderingAndMatching() {
    var trueFalse = form("truefalse", "truefalse-answer", "false");
    assertEquals(BigDecimal.ONE.setScale(4), grade(trueFalse, Answer.text("false")).fraction());
    assertEquals(BigDecimal.ZERO.setScale(4), grade(trueFalse, Answer.text("true")).fraction());
    var numeric = form("numeric", "numeric-answer", "94");
    numeric.values.put("numeric-tolerance", "0.5");
    assertEquals(BigDecimal.ONE.setScale(4), grade(numeric, Answer.text("94.5")).fraction());
    assertEquals(BigDecimal.ZERO.setScale(4), grade(numeric, Answer.text("95")).fraction());
    assertEquals(
        BigDecimal.ONE.setScale(4),
        grade(form("shorttext", "shorttext-accepted", "SNOMED CT\nSNOMED"), Answer.text("snomed"))
            .fraction());
    assertEquals(
        BigDecimal.ONE.setScale(4),
        grade(
                form("ordering", "ordering-items", "first\nsecond\nthird"),
                Answer.sequence("i1", "i2", "i3"))
            .fraction());
    assertEquals(
        BigDecimal.ONE.setScale(4),
        grade(
                form("matching", "matching-pairs", "ICD-10 = diagnoses\nOPCS-4 = procedures"),
                Answer.matches(Map.of("p1", "diagnoses", "p2", "procedures")))
            .fraction());
  }

  @Test
  void mistakesAreNamedPerField() {
    assertEquals(
        "Mark the right option with * at the start of its line",
        form("single", "single-options", "a\nb").errors().get("single-options"));
    assertEquals(
        "Single choice has one right option: mark only one with *",
        form("single", "single-options", "* a\n* b").errors().get("single-options"));
    assertEquals(
        "Write each pair as Prompt = Answer",
        form("matching", "matching-pairs", "a = b\nno equals").errors().get("matching-pairs"));
    assertEquals(
        "The pattern is not a valid regular expression",
        form("shorttext", "shorttext-pattern", "([a-z").errors().get("shorttext-pattern"));
    var empty = new QuestionForm();
    QuestionForm.FIELDS.forEach(f -> empty.values.put(f, ""));
    assertEquals(
        List.of("category", "prompt", "type", "points"), List.copyOf(empty.errors().keySet()));
  }
}

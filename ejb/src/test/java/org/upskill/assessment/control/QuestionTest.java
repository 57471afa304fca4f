package org.upskill.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.upskill.assessment.control.Question.MultipleChoice;
import org.upskill.assessment.control.Question.Numeric;
import org.upskill.assessment.control.Question.OrderingCredit;
import org.upskill.assessment.control.Question.PartialCredit;

class QuestionTest {

  private static void assertMark(String expected, Mark mark) {
    assertEquals(new BigDecimal(expected).setScale(4), mark.fraction(), "mark " + mark);
  }

  @Nested
  class SingleChoice {
    final Question question = new Question.SingleChoice(Set.of("a", "b", "c"), "b");

    @Test
    void theRightOptionScoresFullMarks() {
      assertTrue(question.grade(Answer.choices("b")).isFullyRight());
    }

    @Test
    void aWrongOptionOrTwoOptionsScoreNothing() {
      assertMark("0", question.grade(Answer.choices("a")));
      assertMark("0", question.grade(Answer.choices("a", "b")));
    }

    @Test
    void noChoiceIsUnanswered() {
      assertFalse(question.grade(Answer.EMPTY).answered());
    }

    @Test
    void theRightOptionMustBeAnOption() {
      assertThrows(
          IllegalArgumentException.class, () -> new Question.SingleChoice(Set.of("a"), "z"));
    }
  }

  @Nested
  class MultipleChoiceProportional {
    // right: a, b; wrong: c, d
    final Question question =
        new MultipleChoice(
            Set.of("a", "b", "c", "d"), Set.of("a", "b"), PartialCredit.PROPORTIONAL_WITH_PENALTY);

    @Test
    void everyRightOptionScoresFullMarks() {
      assertMark("1", question.grade(Answer.choices("a", "b")));
    }

    @Test
    void halfTheRightOptionsScoreHalf() {
      assertMark("0.5", question.grade(Answer.choices("a")));
    }

    @Test
    void aWrongOptionCostsItsShare() {
      assertMark("0.5", question.grade(Answer.choices("a", "b", "c")));
      assertMark("0", question.grade(Answer.choices("a", "c")));
    }

    @Test
    void choosingEverythingScoresNothingAndNeverBelowZero() {
      assertMark("0", question.grade(Answer.choices("a", "b", "c", "d")));
      assertMark("0", question.grade(Answer.choices("c", "d")));
    }

    @Test
    void noChoiceIsUnanswered() {
      assertFalse(question.grade(Answer.EMPTY).answered());
    }
  }

  @Test
  void multipleChoiceAllOrNothingNeedsExactlyTheRightOptions() {
    var question =
        new MultipleChoice(Set.of("a", "b", "c"), Set.of("a", "b"), PartialCredit.ALL_OR_NOTHING);

    assertMark("1", question.grade(Answer.choices("a", "b")));
    assertMark("0", question.grade(Answer.choices("a")));
    assertMark("0", question.grade(Answer.choices("a", "b", "c")));
  }

  @Test
  void trueFalseReadsTheAnswerWhateverItsCase() {
    var question = new Question.TrueFalse(false);

    assertMark("1", question.grade(Answer.text(" FALSE ")));
    assertMark("0", question.grade(Answer.text("true")));
    assertMark("0", question.grade(Answer.text("maybe")));
    assertFalse(question.grade(Answer.text("  ")).answered());
  }

  @Nested
  class NumericWithTolerance {
    final Question question = new Numeric(new BigDecimal("37.5"), new BigDecimal("0.5"));

    @Test
    void theToleranceIsInclusiveOnBothSides() {
      assertMark("1", question.grade(Answer.text("37")));
      assertMark("1", question.grade(Answer.text("38.0")));
      assertMark("0", question.grade(Answer.text("38.01")));
      assertMark("0", question.grade(Answer.text("36.99")));
    }

    @Test
    void spacesAndThousandsSeparatorsAreAccepted() {
      var thousands = new Numeric(new BigDecimal("1250"), BigDecimal.ZERO);

      assertMark("1", thousands.grade(Answer.text(" 1,250 ")));
      assertMark("1", thousands.grade(Answer.text("1 250")));
      assertMark("1", thousands.grade(Answer.text("1.25e3")));
    }

    @Test
    void aDecimalCommaOrTextIsWrongNotAnError() {
      assertMark("0", question.grade(Answer.text("37,5")));
      assertMark("0", question.grade(Answer.text("thirty-seven")));
      assertMark("0", question.grade(Answer.text("1e999999999")));
    }

    @Test
    void nothingTypedIsUnanswered() {
      assertFalse(question.grade(Answer.text("")).answered());
    }

    @Test
    void withoutToleranceOnlyTheExactValueCounts() {
      var exact = new Numeric(new BigDecimal("0.1"), null);

      assertMark("1", exact.grade(Answer.text("0.10")));
      assertMark("0", exact.grade(Answer.text("0.1000001")));
    }
  }

  @Nested
  class ShortText {
    @Test
    void byDefaultCaseAndExtraSpacesDoNotMatter() {
      var question =
          new Question.ShortText(List.of("General Data Protection Regulation"), false, false, null);

      assertMark("1", question.grade(Answer.text("  general   data protection regulation ")));
      assertMark("0", question.grade(Answer.text("Data Protection Act")));
    }

    @Test
    void caseAndSpacingCanBeMadeToMatter() {
      var question = new Question.ShortText(List.of("SNOMED CT"), true, true, null);

      assertMark("1", question.grade(Answer.text("SNOMED CT")));
      assertMark("0", question.grade(Answer.text("snomed ct")));
      assertMark("0", question.grade(Answer.text("SNOMED  CT")));
    }

    @Test
    void anyAcceptedAnswerOrThePatternCounts() {
      var question =
          new Question.ShortText(
              List.of("DPIA"),
              false,
              false,
              Pattern.compile("(?i)data protection impact assessments?"));

      assertMark("1", question.grade(Answer.text("dpia")));
      assertMark("1", question.grade(Answer.text("Data protection impact assessment")));
      assertMark("0", question.grade(Answer.text("impact assessment")));
      assertFalse(question.grade(Answer.text(" ")).answered());
    }

    @Test
    void aQuestionWithoutAnyRightAnswerIsRefused() {
      assertThrows(
          IllegalArgumentException.class,
          () -> new Question.ShortText(List.of(), false, false, null));
    }
  }

  @Nested
  class Ordering {
    final List<String> steps = List.of("collect", "clean", "train", "evaluate");

    @Test
    void perPositionGivesTheShareInTheRightPlace() {
      var question = new Question.Ordering(steps, OrderingCredit.PER_POSITION);

      assertMark("1", question.grade(Answer.sequence("collect", "clean", "train", "evaluate")));
      assertMark("0.5", question.grade(Answer.sequence("collect", "clean", "evaluate", "train")));
      assertMark("0", question.grade(Answer.sequence("evaluate", "train", "clean", "collect")));
    }

    @Test
    void allOrNothingNeedsTheWholeOrder() {
      var question = new Question.Ordering(steps, OrderingCredit.ALL_OR_NOTHING);

      assertMark("0", question.grade(Answer.sequence("collect", "clean", "evaluate", "train")));
    }

    @Test
    void missingOrRepeatedItemsScoreNothing() {
      var question = new Question.Ordering(steps, OrderingCredit.PER_POSITION);

      assertMark("0", question.grade(Answer.sequence("collect", "clean", "train")));
      assertMark("0", question.grade(Answer.sequence("collect", "collect", "train", "evaluate")));
      assertFalse(question.grade(Answer.EMPTY).answered());
    }
  }

  @Test
  void matchingGivesEachRightPairItsShare() {
    var question =
        new Question.Matching(
            Map.of("SNOMED CT", "clinical terms", "ICD-10", "diagnoses", "dm+d", "medicines"));

    assertMark(
        "1",
        question.grade(
            Answer.matches(
                Map.of(
                    "SNOMED CT", "clinical terms", "ICD-10", "diagnoses", "dm+d", "medicines"))));
    assertMark(
        "0.3333",
        question.grade(
            Answer.matches(Map.of("SNOMED CT", "clinical terms", "ICD-10", "medicines"))));
    assertFalse(question.grade(Answer.EMPTY).answered());
  }

  @Test
  void aMarkStaysBetweenZeroAndOne() {
    assertThrows(IllegalArgumentException.class, () -> new Mark(new BigDecimal("1.5"), true));
    assertMark("1", Mark.of(3.0));
    assertMark("0", Mark.of(-2.0));
  }
}

package org.upskill.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FrozenQuestionTest {

  static final String SINGLE =
      """
      {"options":[{"id":"a","text":"Alpha","correct":false,"feedback":"No, not alpha"},
                  {"id":"b","text":"Beta","correct":true,"feedback":"Yes, beta"},
                  {"id":"c","text":"Gamma","correct":false,"feedback":"No, not gamma"}]}
      """;
  static final String ORDERING =
      """
      {"rule":"PER_POSITION","items":[{"id":"a","text":"First"},{"id":"b","text":"Second"},
        {"id":"c","text":"Third"},{"id":"d","text":"Fourth"}]}
      """;
  static final String MATCHING =
      """
      {"pairs":[{"id":"p1","prompt":"Lung","answer":"Chest X-ray"},
                {"id":"p2","prompt":"Brain","answer":"MRI"},
                {"id":"p3","prompt":"Bone","answer":"Plain film"}]}
      """;

  static FrozenQuestion freeze(String type, String definition, boolean shuffle, long seed) {
    return FrozenQuestion.freeze(
        1L, type, "Prompt?", "General", BigDecimal.ONE, definition, shuffle, new Random(seed));
  }

  @Test
  void optionsShownToTheLearnerSayNothingAboutWhichIsRight() {
    var q = freeze("single", SINGLE, false, 1);
    assertEquals(List.of("a", "b", "c"), q.options().stream().map(c -> c.id()).toList());
    assertEquals("Alpha", q.options().get(0).text());
    // The record the page gets has only id and text.
    assertEquals(2, FrozenQuestion.Choice.class.getRecordComponents().length);
  }

  @Test
  void shuffledOptionsAreFrozenAndSurviveTheLayoutRoundTrip() {
    var orders = new java.util.HashSet<List<String>>();
    for (long seed = 0; seed < 30; seed++) {
      orders.add(freeze("single", SINGLE, true, seed).order());
    }
    assertTrue(orders.size() > 1, "shuffling gives different orders: " + orders);
    var q = freeze("single", SINGLE, true, 7);
    var again = Layout.fromJson(new Layout(List.of(q)).toJson()).slot(1);
    assertEquals(q.order(), again.order());
    assertEquals(q.options(), again.options());
    assertEquals(Mark.right(), again.grade(Answer.choices("b")));
  }

  @Test
  void orderingItemsAreNeverShownInTheRightOrder() {
    for (long seed = 0; seed < 50; seed++) {
      var q = freeze("ordering", ORDERING, false, seed);
      assertNotEquals(List.of("a", "b", "c", "d"), q.order(), "seed " + seed);
    }
  }

  @Test
  void orderingByPositionsGradesLikeASequence() {
    var q = freeze("ordering", ORDERING, false, 3);
    var right = Map.of("a", "1", "b", "2", "c", "3", "d", "4");
    assertEquals(Mark.right(), q.grade(new Answer(Set.of(), null, List.of(), right)));
    var twoSwapped = Map.of("a", "2", "b", "1", "c", "3", "d", "4");
    assertEquals(
        new BigDecimal("0.5000"),
        q.grade(new Answer(Set.of(), null, List.of(), twoSwapped)).fraction());
    var repeated = Map.of("a", "1", "b", "1", "c", "3", "d", "4");
    assertEquals(Mark.wrong(), q.grade(new Answer(Set.of(), null, List.of(), repeated)));
    var missing = Map.of("a", "1", "b", "2", "c", "3");
    assertEquals(Mark.wrong(), q.grade(new Answer(Set.of(), null, List.of(), missing)));
    assertEquals(Mark.UNANSWERED, q.grade(Answer.EMPTY));
  }

  @Test
  void matchingAnswersAreListedAlphabeticallyAndGradedPerPair() {
    var q = freeze("matching", MATCHING, true, 5);
    assertEquals(List.of("Chest X-ray", "MRI", "Plain film"), q.matchAnswers());
    var twoOfThree = q.grade(Answer.matches(Map.of("p1", "Chest X-ray", "p2", "MRI")));
    assertEquals(new BigDecimal("0.6667"), twoOfThree.fraction());
  }

  @Test
  void feedbackIsForTheChosenOptionsThenTheGeneralFeedback() {
    var q = freeze("single", SINGLE, false, 1);
    assertEquals(List.of("No, not gamma", "General"), q.feedbackFor(Answer.choices("c")));
    assertEquals("Beta", q.rightAnswerText());
    assertEquals("Gamma", q.responseText(Answer.choices("c")));
    assertEquals("Not answered", q.responseText(Answer.EMPTY));
  }

  @Test
  void trueFalseFeedbackDependsOnTheAnswer() {
    var q =
        freeze(
            "truefalse",
            "{\"correct\":false,\"feedbackTrue\":\"It is false\",\"feedbackFalse\":\"Right\"}",
            false,
            1);
    assertEquals(List.of("It is false", "General"), q.feedbackFor(Answer.text("true")));
    assertEquals(Mark.right(), q.grade(Answer.text("false")));
  }

  @Test
  void numericRightAnswerShowsUnitAndTolerance() {
    var q =
        freeze(
            "numeric", "{\"correct\":\"12.5\",\"tolerance\":\"0.1\",\"unit\":\"days\"}", false, 1);
    assertEquals("12.5 days (± 0.1)", q.rightAnswerText());
    assertEquals("days", q.unit());
    assertEquals(Mark.right(), q.grade(Answer.text("12.6")));
    assertFalse(q.grade(Answer.text("12.61")).isFullyRight());
  }

  @Test
  void aBrokenDefinitionFailsWhenFrozenNotWhenGraded() {
    assertThrows(
        IllegalArgumentException.class,
        () -> freeze("single", "{\"options\":[{\"id\":\"a\",\"text\":\"A\"}]}", false, 1));
    assertThrows(IllegalArgumentException.class, () -> freeze("essay", "{}", false, 1));
  }
}

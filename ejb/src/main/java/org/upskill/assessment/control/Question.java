package org.upskill.assessment.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The question types of a quiz and how each is graded, on the server only. A question knows its
 * right answer; the learner's {@link Answer} is graded into a {@link Mark}.
 */
public sealed interface Question
    permits Question.SingleChoice,
        Question.MultipleChoice,
        Question.TrueFalse,
        Question.Numeric,
        Question.ShortText,
        Question.Ordering,
        Question.Matching {

  /** Grades an answer; a blank answer is {@link Mark#UNANSWERED}. */
  Mark grade(Answer answer);

  /** One right option among several. */
  record SingleChoice(Set<String> options, String correct) implements Question {
    public SingleChoice {
      options = Set.copyOf(options);
      if (!options.contains(correct)) {
        throw new IllegalArgumentException("The right option must be one of the options");
      }
    }

    @Override
    public Mark grade(Answer answer) {
      if (answer.choices().isEmpty()) {
        return Mark.UNANSWERED;
      }
      return answer.choices().equals(Set.of(correct)) ? Mark.right() : Mark.wrong();
    }
  }

  /** How a multiple-choice question with several right options gives partial credit. */
  enum PartialCredit {
    /** Full marks only for exactly the right options. */
    ALL_OR_NOTHING,
    /**
     * Each right option chosen earns 1/(number of right options); each wrong option chosen costs
     * 1/(number of wrong options); never below 0. Choosing everything therefore scores 0.
     */
    PROPORTIONAL_WITH_PENALTY
  }

  /** Several right options. */
  record MultipleChoice(Set<String> options, Set<String> correct, PartialCredit rule)
      implements Question {
    public MultipleChoice {
      options = Set.copyOf(options);
      correct = Set.copyOf(correct);
      Objects.requireNonNull(rule, "rule");
      if (correct.isEmpty() || !options.containsAll(correct)) {
        throw new IllegalArgumentException("The right options must be among the options");
      }
    }

    @Override
    public Mark grade(Answer answer) {
      var chosen = answer.choices();
      if (chosen.isEmpty()) {
        return Mark.UNANSWERED;
      }
      if (rule == PartialCredit.ALL_OR_NOTHING) {
        return chosen.equals(correct) ? Mark.right() : Mark.wrong();
      }
      long rightChosen = chosen.stream().filter(correct::contains).count();
      long wrongChosen = chosen.stream().filter(c -> !correct.contains(c)).count();
      int wrongOptions = options.size() - correct.size();
      double score = (double) rightChosen / correct.size();
      if (wrongOptions > 0) {
        score -= (double) wrongChosen / wrongOptions;
      }
      return Mark.of(score);
    }
  }

  /** A statement that is true or false; the answer's text is "true" or "false". */
  record TrueFalse(boolean correct) implements Question {
    @Override
    public Mark grade(Answer answer) {
      if (answer.text() == null || answer.text().isBlank()) {
        return Mark.UNANSWERED;
      }
      var given = answer.text().strip().toLowerCase(Locale.ROOT);
      if (!given.equals("true") && !given.equals("false")) {
        return Mark.wrong();
      }
      return Boolean.parseBoolean(given) == correct ? Mark.right() : Mark.wrong();
    }
  }

  /**
   * A number, right within an absolute tolerance (inclusive). The learner may type spaces or commas
   * between thousands ("1,250"), never a decimal comma.
   */
  record Numeric(BigDecimal correct, BigDecimal tolerance) implements Question {
    private static final Pattern NUMBER =
        Pattern.compile("[+-]?(\\d{1,30}(\\.\\d{0,30})?|\\.\\d{1,30})([eE][+-]?\\d{1,3})?");
    private static final Pattern THOUSANDS = Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    public Numeric {
      Objects.requireNonNull(correct, "correct");
      tolerance = tolerance == null ? BigDecimal.ZERO : tolerance.abs();
    }

    @Override
    public Mark grade(Answer answer) {
      if (answer.text() == null || answer.text().isBlank()) {
        return Mark.UNANSWERED;
      }
      var typed = answer.text().strip().replace(" ", "");
      if (THOUSANDS.matcher(typed).matches()) {
        typed = typed.replace(",", "");
      }
      // Bounded digits and exponent: a typed number can never make grading slow or fail.
      if (!NUMBER.matcher(typed).matches()) {
        return Mark.wrong();
      }
      var given = new BigDecimal(typed);
      return given.subtract(correct).abs().compareTo(tolerance) <= 0 ? Mark.right() : Mark.wrong();
    }
  }

  /**
   * Short text, right when it equals one of the accepted answers (by default ignoring case and
   * extra spaces), or when it matches the optional pattern in full.
   */
  record ShortText(
      List<String> accepted, boolean caseSensitive, boolean exactSpacing, Pattern pattern)
      implements Question {
    public ShortText {
      accepted = List.copyOf(accepted);
      if (accepted.isEmpty() && pattern == null) {
        throw new IllegalArgumentException("A short-text question needs an answer or a pattern");
      }
    }

    @Override
    public Mark grade(Answer answer) {
      if (answer.text() == null || answer.text().isBlank()) {
        return Mark.UNANSWERED;
      }
      var given = normalise(answer.text());
      if (accepted.stream().map(this::normalise).anyMatch(given::equals)) {
        return Mark.right();
      }
      if (pattern != null && pattern.matcher(answer.text().strip()).matches()) {
        return Mark.right();
      }
      return Mark.wrong();
    }

    private String normalise(String text) {
      var value = exactSpacing ? text : text.strip().replaceAll("\\s+", " ");
      return caseSensitive ? value : value.toLowerCase(Locale.ROOT);
    }
  }

  /** How an ordering question gives partial credit. */
  enum OrderingCredit {
    ALL_OR_NOTHING,
    /** The share of items in their right place. */
    PER_POSITION
  }

  /** Items to put in the right order. */
  record Ordering(List<String> correctOrder, OrderingCredit rule) implements Question {
    public Ordering {
      correctOrder = List.copyOf(correctOrder);
      Objects.requireNonNull(rule, "rule");
      if (correctOrder.size() < 2) {
        throw new IllegalArgumentException("An ordering question needs at least two items");
      }
    }

    @Override
    public Mark grade(Answer answer) {
      var given = answer.sequence();
      if (given.isEmpty()) {
        return Mark.UNANSWERED;
      }
      if (given.size() != correctOrder.size()
          || !Set.copyOf(given).equals(Set.copyOf(correctOrder))) {
        return Mark.wrong();
      }
      if (rule == OrderingCredit.ALL_OR_NOTHING) {
        return given.equals(correctOrder) ? Mark.right() : Mark.wrong();
      }
      int inPlace = 0;
      for (int i = 0; i < correctOrder.size(); i++) {
        if (correctOrder.get(i).equals(given.get(i))) {
          inPlace++;
        }
      }
      return Mark.of((double) inPlace / correctOrder.size());
    }
  }

  /** Prompts to match with answers; each right pair earns its share. */
  record Matching(Map<String, String> correctPairs) implements Question {
    public Matching {
      correctPairs = Map.copyOf(correctPairs);
      if (correctPairs.size() < 2) {
        throw new IllegalArgumentException("A matching question needs at least two pairs");
      }
    }

    @Override
    public Mark grade(Answer answer) {
      if (answer.matches().isEmpty()) {
        return Mark.UNANSWERED;
      }
      var right = new ArrayList<String>();
      correctPairs.forEach(
          (prompt, match) -> {
            if (match.equals(answer.matches().get(prompt))) {
              right.add(prompt);
            }
          });
      return Mark.of((double) right.size() / correctPairs.size());
    }
  }
}

package org.upskill.assessment.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The grade of one answer as a fraction of the question's marks, from 0 to 1 (four decimals), and
 * whether the learner answered at all (an unanswered question scores 0 but reads differently in the
 * review).
 */
public record Mark(BigDecimal fraction, boolean answered) {

  public static final Mark UNANSWERED = new Mark(BigDecimal.ZERO, false);

  public Mark {
    if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalArgumentException("A mark is between 0 and 1, not " + fraction);
    }
    fraction = fraction.setScale(4, RoundingMode.HALF_UP);
  }

  public static Mark of(double fraction) {
    return new Mark(BigDecimal.valueOf(Math.max(0, Math.min(1, fraction))), true);
  }

  public static Mark right() {
    return new Mark(BigDecimal.ONE, true);
  }

  public static Mark wrong() {
    return new Mark(BigDecimal.ZERO, true);
  }

  public boolean isFullyRight() {
    return fraction.compareTo(BigDecimal.ONE) == 0;
  }
}

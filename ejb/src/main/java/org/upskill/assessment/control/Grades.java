package org.upskill.assessment.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.upskill.assessment.entity.GradingMethod;

/** A person's grade on a quiz from their submitted attempts' percentages, oldest first. */
public final class Grades {

  private Grades() {}

  public static BigDecimal grade(GradingMethod method, List<BigDecimal> percentsOldestFirst) {
    if (percentsOldestFirst.isEmpty()) {
      return BigDecimal.ZERO.setScale(2);
    }
    var result =
        switch (method) {
          case HIGHEST -> percentsOldestFirst.stream().max(BigDecimal::compareTo).orElseThrow();
          case FIRST -> percentsOldestFirst.get(0);
          case LAST -> percentsOldestFirst.get(percentsOldestFirst.size() - 1);
          case AVERAGE ->
              percentsOldestFirst.stream()
                  .reduce(BigDecimal.ZERO, BigDecimal::add)
                  .divide(BigDecimal.valueOf(percentsOldestFirst.size()), 2, RoundingMode.HALF_UP);
        };
    return result.setScale(2, RoundingMode.HALF_UP);
  }
}

package org.upskill.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.upskill.assessment.entity.GradingMethod;

class GradesTest {

  static final List<BigDecimal> ATTEMPTS =
      List.of(new BigDecimal("40"), new BigDecimal("90"), new BigDecimal("65"));

  @Test
  void eachGradingMethod() {
    assertEquals(new BigDecimal("90.00"), Grades.grade(GradingMethod.HIGHEST, ATTEMPTS));
    assertEquals(new BigDecimal("40.00"), Grades.grade(GradingMethod.FIRST, ATTEMPTS));
    assertEquals(new BigDecimal("65.00"), Grades.grade(GradingMethod.LAST, ATTEMPTS));
    assertEquals(new BigDecimal("65.00"), Grades.grade(GradingMethod.AVERAGE, ATTEMPTS));
    assertEquals(
        new BigDecimal("33.33"),
        Grades.grade(
            GradingMethod.AVERAGE,
            List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.valueOf(100))));
    assertEquals(new BigDecimal("0.00"), Grades.grade(GradingMethod.HIGHEST, List.of()));
  }
}

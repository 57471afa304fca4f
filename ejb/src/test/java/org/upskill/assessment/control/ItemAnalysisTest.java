package org.upskill.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.upskill.assessment.control.ItemAnalysis.AttemptMarks;
import org.upskill.assessment.control.ItemAnalysis.Item;

class ItemAnalysisTest {

  /** An attempt with questions 1, 2, 3 (1 point each) marked as given (1 right, 0 wrong). */
  static AttemptMarks attempt(double... marks) {
    var items = new LinkedHashMap<Long, Item>();
    for (int i = 0; i < marks.length; i++) {
      items.put((long) i + 1, new Item(BigDecimal.valueOf(marks[i]), BigDecimal.ONE));
    }
    return new AttemptMarks(items);
  }

  @Test
  void facilityIsTheMeanMarkAsAPercentage() {
    var stats = ItemAnalysis.of(List.of(attempt(1, 0.5, 0), attempt(1, 0, 0), attempt(0, 1, 0)));
    assertEquals(new BigDecimal("66.7"), stats.get(0).facility());
    assertEquals(new BigDecimal("50.0"), stats.get(1).facility());
    assertEquals(new BigDecimal("0.0"), stats.get(2).facility());
    assertEquals(3, stats.get(0).attempts());
  }

  @Test
  void aQuestionThatStrongCandidatesGetRightDiscriminatesAndAMiskeyedOneIsNegative() {
    // Q1–Q4 go with overall ability; Q5 is "miskeyed": only the weakest get it right.
    var stats =
        ItemAnalysis.of(
            List.of(
                attempt(1, 1, 1, 1, 0),
                attempt(1, 1, 1, 0, 0),
                attempt(1, 1, 0, 1, 0),
                attempt(1, 0, 0, 0, 1),
                attempt(0, 1, 0, 0, 1),
                attempt(0, 0, 0, 0, 1)));
    assertEquals(new BigDecimal("34.3"), stats.get(0).discrimination(), stats.get(0).toString());
    assertTrue(stats.get(4).discrimination().doubleValue() < -80, stats.get(4).toString());
  }

  @Test
  void withoutVariationThereIsNoDiscriminationIndex() {
    var stats = ItemAnalysis.of(List.of(attempt(1, 0), attempt(1, 1)));
    assertNull(stats.get(0).discrimination(), "everyone got Q1 right");
    assertNull(ItemAnalysis.of(List.of(attempt(1, 0))).get(1).discrimination(), "one attempt");
  }
}

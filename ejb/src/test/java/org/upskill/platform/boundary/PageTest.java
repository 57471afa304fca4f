package org.upskill.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageTest {

  @Test
  void countsPagesAndKnowsItsNeighbours() {
    var page = new Page<>(List.of("a"), 2, 10, 21);

    assertEquals(3, page.pageCount());
    assertTrue(page.hasPrevious());
    assertTrue(page.hasNext());
  }

  @Test
  void anEmptyListIsOnePage() {
    var page = new Page<>(List.of(), 1, 10, 0);

    assertEquals(1, page.pageCount());
    assertFalse(page.hasNext());
    assertFalse(page.hasPrevious());
  }
}

package org.upskill.certification.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompletionFeedTest {

  @Test
  void idsAreLookedUpWithAPowerOfTwoOfPlaceholders() {
    assertEquals(1, CompletionFeed.placeholders(0));
    assertEquals(1, CompletionFeed.placeholders(1));
    assertEquals(2, CompletionFeed.placeholders(2));
    assertEquals(4, CompletionFeed.placeholders(3));
    assertEquals(4, CompletionFeed.placeholders(4));
    assertEquals(8, CompletionFeed.placeholders(5));
    assertEquals(512, CompletionFeed.placeholders(500));
    assertEquals(1024, CompletionFeed.placeholders(1000));
    assertEquals(1024, CompletionFeed.placeholders(1024));
  }
}

package org.upskill.api.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedParametersTest {

  static Map<String, List<String>> query(String... pairs) {
    var map = new java.util.LinkedHashMap<String, List<String>>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return map;
  }

  @Test
  void cursorsGoRoundAndForeignOnesAreRefused() {
    assertEquals(0, FeedParameters.decode(FeedParameters.cursor(0)));
    assertEquals(123_456_789_012L, FeedParameters.decode(FeedParameters.cursor(123_456_789_012L)));
    assertEquals(-1, FeedParameters.decode("not base64 !"));
    assertEquals(-1, FeedParameters.decode("MTIz")); // "123", not ours
    assertEquals(-1, FeedParameters.decode(""));
  }

  @Test
  void goodParametersAreRead() {
    var p =
        FeedParameters.ofFeed(
            query(
                "cursor", FeedParameters.cursor(42),
                "updatedSince", "2026-11-30T00:00:00Z",
                "limit", "1000",
                "course", " GDPR-DS ",
                "person", "SN-1"));
    assertTrue(p.errors.isEmpty(), p.errors.toString());
    assertEquals(42, p.after);
    assertEquals(Instant.parse("2026-11-30T00:00:00Z"), p.updatedSince);
    assertEquals(1000, p.limit);
    assertEquals("GDPR-DS", p.course);
    assertEquals(FeedParameters.DEFAULT_LIMIT, FeedParameters.ofFeed(query()).limit);
  }

  @Test
  void everyMistakeIsNamed() {
    var p =
        FeedParameters.ofFeed(
            query(
                "cursor", "garbage",
                "updatedSince", "yesterday",
                "limit", "1001",
                "course", " ",
                "colour", "blue"));
    assertEquals(
        List.of("colour", "cursor", "updatedSince", "limit", "course"),
        List.copyOf(p.errors.keySet()));
    assertTrue(FeedParameters.ofFeed(query("limit", "0")).errors.containsKey("limit"));
    assertTrue(FeedParameters.ofFeed(query("limit", "ten")).errors.containsKey("limit"));
    assertTrue(
        FeedParameters.ofFeed(query("limit", "5", "limit", "6")).errors.containsKey("limit"));
    assertTrue(
        FeedParameters.ofExport(query("cursor", FeedParameters.cursor(1)))
            .errors
            .containsKey("cursor"));
  }
}

package org.upskill.assessment.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimingTest {

  static final Instant START = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void extraTimeIsAPercentageOfTheLimitPlusOverrideMinutes() {
    assertEquals(Duration.ofMinutes(25), Timing.personalLimit(Duration.ofMinutes(20), 25, 0));
    assertEquals(Duration.ofMinutes(35), Timing.personalLimit(Duration.ofMinutes(20), 25, 10));
    // rounded up to the second: 10 % of 61 s is 6.1 s
    assertEquals(Duration.ofSeconds(68), Timing.personalLimit(Duration.ofSeconds(61), 10, 0));
    assertNull(Timing.personalLimit(null, 50, 10), "an untimed quiz stays untimed");
  }

  @Test
  void theDeadlineNeverPassesTheClose() {
    var limit = Duration.ofMinutes(30);
    assertEquals(START.plus(limit), Timing.deadline(START, limit, null));
    var close = START.plus(Duration.ofMinutes(10));
    assertEquals(close, Timing.deadline(START, limit, close));
    assertEquals(close, Timing.deadline(START, null, close));
    assertNull(Timing.deadline(START, null, null));
  }
}

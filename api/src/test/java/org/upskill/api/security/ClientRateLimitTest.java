package org.upskill.api.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClientRateLimitTest {

  @Test
  void aMinutesWorthGoesAtOnceThenTheBucketRefillsEvenly() {
    var bucket = new ClientRateLimit.Bucket(60);
    for (int i = 0; i < 60; i++) {
      assertEquals(0, bucket.take(60, 1_000), "request " + i);
    }
    assertEquals(1, bucket.take(60, 1_000), "one a second after the burst");
    assertEquals(1, bucket.take(60, 1_500), "half a token is not a token");
    assertEquals(0, bucket.take(60, 2_100));
    assertEquals(0, bucket.take(60, 62_100 + 59_000) + 0, "refilled");
  }

  @Test
  void aSlowLimitSaysHowLongToWait() {
    var bucket = new ClientRateLimit.Bucket(5);
    for (int i = 0; i < 5; i++) {
      assertEquals(0, bucket.take(5, 0));
    }
    assertEquals(12, bucket.take(5, 0));
    assertEquals(6, bucket.take(5, 6_000));
  }
}

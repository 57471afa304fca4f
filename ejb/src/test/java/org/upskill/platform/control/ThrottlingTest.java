package org.upskill.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThrottlingTest {

  private final ConcurrentMap<String, String> map = new ConcurrentHashMap<>();

  @Test
  void aMinutesWorthGoesAtOnceThenTheBucketRefillsEvenly() {
    for (int i = 0; i < 60; i++) {
      assertEquals(0, Throttling.takeToken(map, "c", 60, 1_000), "request " + i);
    }
    assertEquals(1, Throttling.takeToken(map, "c", 60, 1_000), "one a second after the burst");
    assertEquals(1, Throttling.takeToken(map, "c", 60, 1_500), "half a token is not a token");
    assertEquals(0, Throttling.takeToken(map, "c", 60, 2_100));
    assertEquals(0, Throttling.takeToken(map, "c", 60, 62_100 + 59_000), "refilled");
  }

  @Test
  void aSlowLimitSaysHowLongToWait() {
    for (int i = 0; i < 5; i++) {
      assertEquals(0, Throttling.takeToken(map, "c", 5, 0));
    }
    assertEquals(12, Throttling.takeToken(map, "c", 5, 0));
    assertEquals(6, Throttling.takeToken(map, "c", 5, 6_000));
  }

  @Test
  void eachClientHasItsOwnBucket() {
    for (int i = 0; i < 3; i++) {
      Throttling.takeToken(map, "a", 3, 0);
    }
    assertEquals(20, Throttling.takeToken(map, "a", 3, 0));
    assertEquals(0, Throttling.takeToken(map, "b", 3, 0));
  }

  @Test
  void aClockBehindTheLastUpdateDoesNotDrainTheBucket() {
    Throttling.takeToken(map, "c", 60, 10_000);
    // another node whose clock is 5 s behind: no negative refill
    for (int i = 0; i < 59; i++) {
      assertEquals(0, Throttling.takeToken(map, "c", 60, 5_000), "request " + i);
    }
  }

  @Test
  void concurrentTakesNeverLoseAnUpdate() throws InterruptedException {
    var granted = new AtomicInteger();
    var pool = Executors.newFixedThreadPool(8);
    for (int t = 0; t < 8; t++) {
      pool.execute(
          () -> {
            for (int i = 0; i < 500; i++) {
              if (Throttling.takeToken(map, "c", 1_000, 0) == 0) {
                granted.incrementAndGet();
              }
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(30, TimeUnit.SECONDS);
    assertEquals(1_000, granted.get(), "exactly the bucket's tokens, whatever the interleaving");
  }

  @Test
  void anUpdateThatLosesTheRaceReadsAgain() {
    // Another node takes a token between this node's read and its write, twice.
    var racing =
        new ConcurrentHashMap<String, String>() {
          int races = 2;

          @Override
          public boolean replace(String key, String expected, String value) {
            if (races > 0) {
              races--;
              super.replace(key, expected, "0.0;0");
              return false;
            }
            return super.replace(key, expected, value);
          }
        };
    racing.put("c", "3.0;0");
    assertEquals(60, Throttling.takeToken(racing, "c", 1, 0), "the others took the last token");
  }

  @Test
  void unknownCodesAreRefusedOnceTheLimitIsReachedWithinTheWindow() {
    var window = Duration.ofMinutes(1);
    for (int i = 0; i < 3; i++) {
      assertEquals(0, Throttling.retryAfter(map, "ip", 3, window, 1_000 * i));
      Throttling.countFailure(map, "ip", 3, window, 1_000 * i);
    }
    assertEquals(59, Throttling.retryAfter(map, "ip", 3, window, 2_000), "until the first expires");
    assertEquals(1, Throttling.retryAfter(map, "ip", 3, window, 59_500));
    assertEquals(0, Throttling.retryAfter(map, "ip", 3, window, 60_000), "the first expired");
    assertEquals(0, Throttling.retryAfter(map, "other", 3, window, 2_000), "per client");
  }

  @Test
  void failuresBeyondTheLimitKeepTheMostRecent() {
    var window = Duration.ofMinutes(1);
    for (int i = 0; i < 5; i++) {
      Throttling.countFailure(map, "ip", 3, window, 1_000 * i);
    }
    assertEquals("2000,3000,4000", map.get("ip"));
    assertEquals(59, Throttling.retryAfter(map, "ip", 3, window, 4_000));
  }

  @Test
  void unreadableEntriesCountAsEmpty() {
    map.put("c", "nonsense");
    assertEquals(0, Throttling.takeToken(map, "c", 2, 0));
    map.put("ip", "x,y");
    assertEquals(0, Throttling.retryAfter(map, "ip", 1, Duration.ofMinutes(1), 0));
  }
}

package org.upskill.system.support;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waiting for something the server does in its own time (a clock, the webhook dispatcher, an
 * email): looks again and again until it is so, and fails with what it waited for if it is not so
 * within a generous time limit. The limit only bounds the wait, so it is long enough for a busy
 * machine; a condition that holds early ends the wait early.
 */
public final class Eventually {

  private static final long FIRST_PAUSE_MILLIS = 20;
  private static final long LONGEST_PAUSE_MILLIS = 500;

  private Eventually() {}

  /** Waits until {@code condition} holds; fails after {@code limit}. */
  public static void until(String what, Duration limit, Callable<Boolean> condition)
      throws Exception {
    if (!holds(limit, condition)) {
      throw new AssertionError("Waited " + limit.toSeconds() + " s for " + what);
    }
  }

  /**
   * Waits until {@code condition} holds, at most {@code limit}; answers whether it held (for a
   * caller that asserts with its own message).
   */
  public static boolean holds(Duration limit, Callable<Boolean> condition) throws Exception {
    var deadline = System.nanoTime() + limit.toNanos();
    var pause = FIRST_PAUSE_MILLIS;
    while (!condition.call()) {
      if (System.nanoTime() - deadline > 0) {
        return false;
      }
      Thread.sleep(pause); // the interval between two looks, not a wait for the condition
      pause = Math.min(LONGEST_PAUSE_MILLIS, pause * 2);
    }
    return true;
  }
}

package org.upskill.platform.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;

/**
 * The throttles' arithmetic over a map of short strings, so that the map can be one shared by every
 * node: the Infinispan cache {@link #CACHE} (local on a single node, replicated in a cluster; see
 * upskill.cli and cluster.cli). Every update is a compare-and-set ({@code putIfAbsent}, {@code
 * replace(key, old, new)}), which an Infinispan cache performs atomically on the entry's primary
 * owner: two nodes counting the same client at once never lose a count, one of them simply reads
 * again and retries. Entries hold strings only, so any marshaller carries them. Forgotten entries
 * are the cache's business (it expires them two minutes after their last update; by then a bucket
 * is full again and a window empty, which is what a missing entry means).
 */
public final class Throttling {

  /** Where the application finds the shared cache. */
  public static final String CACHE = "java:jboss/infinispan/cache/upskill/throttles";

  /**
   * Compare-and-set attempts before an update gives up. Some attempt always succeeds, so only a
   * caller that keeps losing to others gets here; it is then refused for a second, never let
   * through uncounted (100 attempts were exhausted by eight threads on two cores in the unit test,
   * which is how a limit was overrun by one before this).
   */
  static final int ATTEMPTS = 10_000;

  private Throttling() {}

  /**
   * Takes a token from the key's bucket, which holds up to a minute's requests and is refilled
   * evenly: 0 when there was one, else the whole seconds until there is one.
   */
  public static long takeToken(
      ConcurrentMap<String, String> map, String key, int perMinute, long nowMillis) {
    long wait = 0;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      var stored = map.get(key);
      double tokens = perMinute;
      var separator = stored == null ? -1 : stored.indexOf(';');
      if (separator > 0) {
        try {
          var last = Long.parseLong(stored.substring(separator + 1));
          var elapsed = Math.max(0, nowMillis - last); // another node's clock may be behind
          tokens =
              Math.min(
                  perMinute,
                  Double.parseDouble(stored.substring(0, separator))
                      + elapsed * perMinute / 60_000.0);
        } catch (NumberFormatException unreadable) {
          tokens = perMinute;
        }
      }
      if (tokens >= 1) {
        tokens -= 1;
        wait = 0;
      } else {
        wait = Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / perMinute));
      }
      var updated = tokens + ";" + nowMillis;
      if (stored == null
          ? map.putIfAbsent(key, updated) == null
          : map.replace(key, stored, updated)) {
        return wait;
      }
    }
    return Math.max(1, wait);
  }

  /**
   * Seconds until the key has fewer than {@code limit} failures within the last {@code window}, or
   * 0 when it has fewer now.
   */
  public static long retryAfter(
      ConcurrentMap<String, String> map, String key, int limit, Duration window, long nowMillis) {
    var times = recent(map.get(key), window, nowMillis);
    if (times.size() < limit) {
      return 0;
    }
    // the failure whose expiry brings the count under the limit
    while (times.size() > limit) {
      times.removeFirst();
    }
    return Math.max(1, (times.peekFirst() + window.toMillis() - nowMillis) / 1000 + 1);
  }

  /** Counts a failure of the key now; at most {@code limit} (the most recent) are kept. */
  public static void countFailure(
      ConcurrentMap<String, String> map, String key, int limit, Duration window, long nowMillis) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      var stored = map.get(key);
      var times = recent(stored, window, nowMillis);
      times.addLast(nowMillis);
      while (times.size() > Math.max(1, limit)) {
        times.removeFirst();
      }
      var updated = times.stream().map(String::valueOf).collect(Collectors.joining(","));
      if (stored == null
          ? map.putIfAbsent(key, updated) == null
          : map.replace(key, stored, updated)) {
        return;
      }
    }
  }

  /** The stored failure times (epoch milliseconds, oldest first) still within the window. */
  private static Deque<Long> recent(String stored, Duration window, long nowMillis) {
    var times = new ArrayList<Long>();
    if (stored != null && !stored.isEmpty()) {
      for (var part : stored.split(",")) {
        try {
          var time = Long.parseLong(part);
          if (time + window.toMillis() > nowMillis) {
            times.add(time);
          }
        } catch (NumberFormatException unreadable) {
          // skipped: a corrupt entry counts as fewer failures, and the next update rewrites it
        }
      }
    }
    times.sort(null); // nodes' clocks may differ a little
    return new ArrayDeque<>(times);
  }
}

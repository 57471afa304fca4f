package org.upskill.certification.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards verification against enumeration: a client (by address) that looks up too many codes that
 * do not exist within a minute is refused for the rest of that minute (429 with Retry-After). Valid
 * codes never count against anyone. Counted per node: with N nodes a client gets at most N times
 * the limit, still far too few to guess an 80-bit code.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class VerificationThrottle {

  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final int MAX_CLIENTS = 100_000;

  @Inject
  @ConfigProperty(name = "upskill.verify.max-unknown-per-minute", defaultValue = "20")
  int limit;

  Clock clock = Clock.systemUTC();

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  /** Seconds the client must wait before it may look up again, or 0 when it may now. */
  public long retryAfter(String client) {
    var now = Instant.now(clock);
    var times = failures.get(client);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      prune(times, now);
      if (times.size() < limit) {
        return 0;
      }
      return Math.max(1, Duration.between(now, times.peekFirst().plus(WINDOW)).toSeconds() + 1);
    }
  }

  /** Counts a lookup of a code that does not exist. */
  public void failed(String client) {
    var now = Instant.now(clock);
    if (failures.size() > MAX_CLIENTS) {
      failures
          .values()
          .removeIf(
              times -> {
                synchronized (times) {
                  prune(times, now);
                  return times.isEmpty();
                }
              });
    }
    var times = failures.computeIfAbsent(client, c -> new ArrayDeque<>());
    synchronized (times) {
      prune(times, now);
      times.addLast(now);
    }
  }

  private static void prune(Deque<Instant> times, Instant now) {
    while (!times.isEmpty() && !times.peekFirst().plus(WINDOW).isAfter(now)) {
      times.removeFirst();
    }
  }
}

package org.upskill.certification.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.platform.control.Throttling;

/**
 * Guards verification against enumeration: a client (by address) that looks up too many codes that
 * do not exist within a minute is refused until it has fewer than that in the last minute (429 with
 * Retry-After). Valid codes never count against anyone. Counted in the shared throttle cache
 * ({@link Throttling}), so in a cluster the limit holds across all nodes together.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class VerificationThrottle {

  private static final Logger LOG = Logger.getLogger(VerificationThrottle.class.getName());
  static final Duration WINDOW = Duration.ofMinutes(1);
  private static final String PREFIX = "verify:";

  @Inject
  @ConfigProperty(name = "upskill.verify.max-unknown-per-minute", defaultValue = "20")
  int limit;

  @Resource(lookup = Throttling.CACHE)
  ConcurrentMap<String, String> entries;

  Clock clock = Clock.systemUTC();

  /** Seconds the client must wait before it may look up again, or 0 when it may now. */
  public long retryAfter(String client) {
    try {
      return Throttling.retryAfter(entries, PREFIX + client, limit, WINDOW, clock.millis());
    } catch (RuntimeException cacheTrouble) {
      // The cache answers from memory; should it fail (a cluster changing its members), the
      // lookup goes ahead rather than failing: 80-bit codes are not guessed in a few lookups.
      LOG.log(
          Level.WARNING,
          "The verification throttle could not be read; not throttling",
          cacheTrouble);
      return 0;
    }
  }

  /** Counts a lookup of a code that does not exist. */
  public void failed(String client) {
    try {
      Throttling.countFailure(entries, PREFIX + client, limit, WINDOW, clock.millis());
    } catch (RuntimeException cacheTrouble) {
      LOG.log(Level.WARNING, "The verification throttle could not count a failure", cacheTrouble);
    }
  }
}

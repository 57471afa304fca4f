package org.upskill.integration.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.time.Clock;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.upskill.platform.control.Throttling;

/**
 * The HR clients' token buckets (the API's ClientRateLimit filter decides who is limited and how
 * much), kept in the shared throttle cache ({@link Throttling}): in a cluster a client gets its
 * limit once across all nodes, not once per node.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ClientRateLimits {

  private static final Logger LOG = Logger.getLogger(ClientRateLimits.class.getName());
  private static final String PREFIX = "api-client:";

  @Resource(lookup = Throttling.CACHE)
  ConcurrentMap<String, String> entries;

  Clock clock = Clock.systemUTC();

  /**
   * Takes one request from the client's bucket of {@code perMinute} a minute: 0 when it may go
   * ahead, else the whole seconds until it may.
   */
  public long take(String client, int perMinute) {
    try {
      return Throttling.takeToken(entries, PREFIX + client, perMinute, clock.millis());
    } catch (RuntimeException cacheTrouble) {
      // An HR system is not refused because the limits could not be read for a moment.
      LOG.log(
          Level.WARNING, "The client rate limits could not be read; not limiting", cacheTrouble);
      return 0;
    }
  }
}

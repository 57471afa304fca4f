package org.upskill.integration.boundary;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The outbox backlog as a Micrometer gauge, {@value #BACKLOG} (Prometheus: {@code
 * upskill_outbox_backlog}), read from the database at each scrape with one count per stage: {@code
 * stage="fan-out"}, outbox events not yet turned into webhook deliveries; {@code stage="delivery"},
 * deliveries still pending (waiting for their next attempt or for a receiver's 2xx). A count that
 * cannot be read (database down) is NaN. The registry is WildFly's (micrometer subsystem).
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxMetrics {

  /** The gauge's name. */
  public static final String BACKLOG = "upskill.outbox.backlog";

  private static final Logger LOG = Logger.getLogger(OutboxMetrics.class.getName());
  private static final int QUERY_TIMEOUT_SECONDS = 3;

  @Inject MeterRegistry registry;

  @Resource(lookup = "java:jboss/datasources/UpskillDS")
  DataSource dataSource;

  @PostConstruct
  void register() {
    gauge("fan-out", "select count(*) from outbox_event where fanned_out = false");
    gauge("delivery", "select count(*) from webhook_delivery where state = 'PENDING'");
  }

  /** One gauge's query; held here, as Micrometer holds a gauge's object weakly. */
  record Count(String sql) {}

  private final java.util.List<Count> counts = new java.util.ArrayList<>();

  /**
   * Through {@code gauge(name, tags, object, function)}: WildFly's per-deployment registry passes
   * that on to its Prometheus registry, while a {@code Gauge.builder(...).register(...)} gauge
   * stays in the deployment and is never exported.
   */
  private void gauge(String stage, String countSql) {
    var count = new Count(countSql);
    counts.add(count);
    registry.gauge(BACKLOG, Tags.of("stage", stage), count, c -> count(c.sql()));
  }

  private double count(String sql) {
    try (var connection = dataSource.getConnection();
        var statement = connection.prepareStatement(sql)) {
      statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
      try (var rows = statement.executeQuery()) {
        return rows.next() ? rows.getLong(1) : Double.NaN;
      }
    } catch (Exception e) {
      LOG.log(Level.FINE, "Outbox backlog not read: {0}", e.toString());
      return Double.NaN;
    }
  }
}

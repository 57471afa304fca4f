package org.upskill.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@value #NAME}: a connection from Upskill's datasource answers {@code isValid}
 * within {@value #TIMEOUT_SECONDS} s. Without it this node can serve nothing, so {@code GET
 * /api/health} answers 503 when it is DOWN.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  /** The check's name in health reports. */
  public static final String NAME = "database";

  static final int TIMEOUT_SECONDS = 3;

  private static final Logger LOG = Logger.getLogger(DatabaseCheck.class.getName());

  @Resource(lookup = "java:jboss/datasources/UpskillDS")
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(NAME);
    try (var connection = dataSource.getConnection()) {
      var product = connection.getMetaData().getDatabaseProductName();
      return response
          .status(connection.isValid(TIMEOUT_SECONDS))
          .withData("product", product)
          .build();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Database health check failed: {0}", e.toString());
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}

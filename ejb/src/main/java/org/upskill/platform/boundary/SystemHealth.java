package org.upskill.platform.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether the parts Upskill depends on answer: the database and the identity provider. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SystemHealth {

  private static final Logger LOG = Logger.getLogger(SystemHealth.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  /** What was found; {@code up} is false when the database cannot be used. */
  public record Report(boolean database, boolean identityProvider) {
    public boolean up() {
      return database;
    }
  }

  @Resource(lookup = "java:jboss/datasources/UpskillDS")
  DataSource dataSource;

  @Inject
  @ConfigProperty(name = "upskill.keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "upskill.keycloak.realm", defaultValue = "upskill")
  String realm;

  /** Checks each dependency once, with a short timeout, and says which ones answered. */
  public Report check() {
    return new Report(databaseAnswers(), identityProviderAnswers());
  }

  boolean databaseAnswers() {
    try (var connection = dataSource.getConnection()) {
      return connection.isValid((int) TIMEOUT.toSeconds());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "Database health check failed: {0}", e.toString());
      return false;
    }
  }

  boolean identityProviderAnswers() {
    var uri =
        URI.create(
            keycloakUrl.replaceAll("/+$", "")
                + "/realms/"
                + realm
                + "/.well-known/openid-configuration");
    try {
      var response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.log(Level.FINE, "Identity provider health check failed: {0}", e.toString());
      return false;
    }
  }
}

package org.upskill.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@value #NAME}: Keycloak's {@code .well-known/openid-configuration} of Upskill's
 * realm answers 200 within 3 s (connect and answer). Its data names the address checked, and the
 * status or error seen. Signing in needs it; the public pages, certificate verification and calls
 * with a token already issued do not.
 */
@Readiness
@ApplicationScoped
public class IdentityProviderCheck implements HealthCheck {

  /** The check's name in health reports. */
  public static final String NAME = "identity-provider";

  private static final Logger LOG = Logger.getLogger(IdentityProviderCheck.class.getName());
  private static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Inject
  @ConfigProperty(name = "upskill.keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "upskill.keycloak.realm", defaultValue = "upskill")
  String realm;

  @Override
  public HealthCheckResponse call() {
    var uri =
        URI.create(
            keycloakUrl.replaceAll("/+$", "")
                + "/realms/"
                + realm
                + "/.well-known/openid-configuration");
    var response = HealthCheckResponse.named(NAME).withData("url", uri.toString());
    try {
      var answer =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.discarding());
      return response
          .status(answer.statusCode() == 200)
          .withData("httpStatus", answer.statusCode())
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    } catch (Exception e) {
      LOG.log(Level.FINE, "Identity provider health check failed: {0}", e.toString());
      return response.down().withData("error", e.getClass().getSimpleName()).build();
    }
  }
}

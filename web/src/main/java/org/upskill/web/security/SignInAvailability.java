package org.upskill.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak can take a sign-in now: its realm's discovery document answers 200 within a few
 * seconds. WildFly's OIDC client reads that document once and afterwards redirects every sign-in to
 * Keycloak whether it runs or not, so without this check a browser would be sent to an address that
 * does not answer. Each answer is remembered for a few seconds so that a burst of sign-ins costs
 * one probe, and recovery is noticed within that time.
 */
@ApplicationScoped
public class SignInAvailability {

  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
  static final long REMEMBER_MILLIS = 5_000;

  @Inject
  @ConfigProperty(name = "upskill.keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "upskill.keycloak.realm", defaultValue = "upskill")
  String realm;

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(PROBE_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  private record Answer(boolean available, long at) {}

  private volatile Answer last;

  /** True when Keycloak answered its discovery document lately (or does now). */
  public boolean available() {
    var remembered = last;
    var now = System.currentTimeMillis();
    if (remembered != null && now - remembered.at() < REMEMBER_MILLIS) {
      return remembered.available();
    }
    var answer = new Answer(probe(), System.currentTimeMillis());
    last = answer;
    return answer.available();
  }

  private boolean probe() {
    var request =
        HttpRequest.newBuilder(
                URI.create(
                    keycloakUrl.replaceAll("/+$", "")
                        + "/realms/"
                        + realm
                        + "/.well-known/openid-configuration"))
            .timeout(PROBE_TIMEOUT)
            .GET()
            .build();
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}

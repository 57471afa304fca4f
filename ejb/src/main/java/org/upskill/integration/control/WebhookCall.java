package org.upskill.integration.control;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One attempt to deliver a webhook: the address is checked again ({@link WebhookAddresses}), then
 * the request is sent once. Redirects are never followed — a 3xx is a failed attempt whose error
 * names where it pointed — as GitHub and Stripe do: a receiver could otherwise send Upskill's POST
 * on to an address the check refuses.
 *
 * <p>DNS rebinding: the check resolves the host at every attempt, so a name that moved to a private
 * address since it was subscribed is refused. The JDK 17 HttpClient cannot be told which address to
 * connect to (it has no resolver hook; connecting to the IP literal would break TLS host-name
 * verification and SNI, and it does not let the Host header be set). It resolves the name again
 * when it connects, through the same {@code InetAddress} cache as the check (kept for {@code
 * networkaddress.cache.ttl}, 30 s by default), so it connects to one of the addresses just checked
 * unless the cached answer expires in the instant between the check and the connection.
 */
public final class WebhookCall {

  /** What an attempt came to: the HTTP status (null when none came) and the error, if any. */
  public record Outcome(Integer status, String error) {

    /** Whether the receiver took the event (a 2xx). */
    public boolean delivered() {
      return error == null;
    }
  }

  private WebhookCall() {}

  /** A client for webhooks: connects within 5 seconds, never follows redirects. */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /**
   * Checks the request's address and sends the request once.
   *
   * @param http a client from {@link #newClient}
   * @param allowPrivate whether loopback, private and link-local addresses are allowed
   */
  public static Outcome post(
      HttpClient http,
      HttpRequest request,
      boolean allowPrivate,
      WebhookAddresses.Resolver resolver) {
    var refused = WebhookAddresses.refusal(request.uri(), allowPrivate, resolver);
    if (refused.isPresent()) {
      return new Outcome(null, "bad address: " + refused.get());
    }
    try {
      var response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return new Outcome(status, null);
      }
      if (status >= 300 && status < 400) {
        var location = response.headers().firstValue("Location");
        return new Outcome(
            status,
            "HTTP "
                + status
                + ": redirects are not followed"
                + location.map(l -> " (Location: " + abbreviated(l) + ")").orElse("")
                + "; subscribe the address that takes the events.");
      }
      return new Outcome(status, "HTTP " + status);
    } catch (IOException e) {
      return new Outcome(null, e.getClass().getSimpleName() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(null, "interrupted");
    } catch (IllegalArgumentException e) {
      return new Outcome(null, "bad address: " + e.getMessage());
    }
  }

  private static String abbreviated(String location) {
    return location.length() <= 300 ? location : location.substring(0, 300) + "…";
  }
}

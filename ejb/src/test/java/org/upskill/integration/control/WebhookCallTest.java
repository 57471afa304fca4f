package org.upskill.integration.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One delivery attempt against real receivers on this machine (the JDK's HttpServer). */
class WebhookCallTest {

  HttpServer receiver;
  HttpServer elsewhere;
  final AtomicInteger received = new AtomicInteger();
  final AtomicInteger receivedElsewhere = new AtomicInteger();
  volatile int answer = 204;

  @BeforeEach
  void start() throws Exception {
    elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    elsewhere.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          receivedElsewhere.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    elsewhere.start();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.incrementAndGet();
          if (answer >= 300 && answer < 400) {
            exchange
                .getResponseHeaders()
                .add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/x");
          }
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
    elsewhere.stop(0);
  }

  HttpRequest request(String host) {
    return HttpRequest.newBuilder(
            URI.create("http://" + host + ":" + receiver.getAddress().getPort() + "/hook"))
        .timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofString("{}"))
        .build();
  }

  static WebhookAddresses.Resolver answering(AtomicInteger asked, String... ips) {
    return host -> {
      var ip = ips[Math.min(asked.getAndIncrement(), ips.length - 1)];
      return new InetAddress[] {InetAddress.getByName(ip)};
    };
  }

  @Test
  void aTwoHundredIsDelivered() {
    var outcome =
        WebhookCall.post(
            WebhookCall.newClient(), request("127.0.0.1"), true, WebhookAddresses.SYSTEM);
    assertAll(
        () -> assertTrue(outcome.delivered()),
        () -> assertEquals(204, outcome.status()),
        () -> assertEquals(1, received.get()));
  }

  @ParameterizedTest(name = "HTTP {0}")
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectIsAFailedAttemptAndIsNotFollowed(int status) {
    answer = status;
    var outcome =
        WebhookCall.post(
            WebhookCall.newClient(), request("127.0.0.1"), true, WebhookAddresses.SYSTEM);
    assertAll(
        () -> assertFalse(outcome.delivered()),
        () -> assertEquals(status, outcome.status()),
        () ->
            assertEquals(
                "HTTP "
                    + status
                    + ": redirects are not followed (Location: http://127.0.0.1:"
                    + elsewhere.getAddress().getPort()
                    + "/x); subscribe the address that takes the events.",
                outcome.error()),
        () -> assertEquals(1, received.get()),
        () -> assertEquals(0, receivedElsewhere.get(), "the redirect's target got nothing"));
  }

  @Test
  void anErrorStatusIsAFailedAttempt() {
    answer = 503;
    var outcome =
        WebhookCall.post(
            WebhookCall.newClient(), request("127.0.0.1"), true, WebhookAddresses.SYSTEM);
    assertEquals(new WebhookCall.Outcome(503, "HTTP 503"), outcome);
  }

  @Test
  void theAddressIsCheckedAgainAtEachAttempt() {
    // DNS rebinding: the name resolved to a public address when subscribed and at the first
    // attempt, then to loopback
    var asked = new AtomicInteger();
    var resolver = answering(asked, "93.184.215.14", "127.0.0.1");
    var http = WebhookCall.newClient();
    var first = WebhookCall.post(http, request("localhost"), false, resolver);
    var second = WebhookCall.post(http, request("localhost"), false, resolver);
    assertAll(
        () -> assertTrue(first.delivered(), String.valueOf(first)),
        () -> assertNull(second.status()),
        () ->
            assertEquals(
                "bad address: The host localhost resolves to 127.0.0.1, in 127.0.0.0/8"
                    + " (loopback): webhooks go to public addresses only.",
                second.error()),
        () -> assertEquals(2, asked.get(), "resolved at each attempt"),
        () -> assertEquals(1, received.get(), "the second attempt sent nothing"));
  }

  @Test
  void aNameThatMovesToARefusedRangeIsRefusedEvenWhenPrivateAddressesAreAllowed() {
    var asked = new AtomicInteger();
    var resolver = answering(asked, "127.0.0.1", "198.18.0.1");
    var http = WebhookCall.newClient();
    var first = WebhookCall.post(http, request("localhost"), true, resolver);
    var second = WebhookCall.post(http, request("localhost"), true, resolver);
    assertAll(
        () -> assertTrue(first.delivered(), String.valueOf(first)),
        () -> assertTrue(second.error().contains("198.18.0.0/15 (benchmarking)"), second.error()),
        () -> assertEquals(1, received.get()));
  }
}

package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.upskill.system.support.ApiContract;
import org.upskill.system.support.Eventually;
import org.upskill.system.support.HrApi;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakClients;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * Webhooks (issue 7), against a real HTTP receiver in the test (the JDK's HttpServer): it refuses
 * every delivery for a while, then recovers and gets every event, each signed (HMAC-SHA256 over
 * timestamp and body, checked here), one person's events in order, none lost; a paused webhook
 * holds its events until resumed; a client sees only its own webhooks; bad input is named, and so
 * are addresses refused even with private addresses allowed (IPv6 forms carrying 127.0.0.1, the
 * benchmarking range, numbers not in dotted-quad form); a receiver's redirect is a failed attempt,
 * never followed.
 */
@ExtendWith(ArquillianExtension.class)
class WebhooksIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  static final String SECRET = "a-receivers-secret-of-some-length";

  /** One request the receiver got. */
  record Received(String eventId, String type, String signature, String body, JsonObject json) {}

  static HttpResponse<String> api(String method, String path, String token, String body)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return ApiContract.checked(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
  }

  static String hmac(String message) throws Exception {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  static void waitFor(String what, Callable<Boolean> condition) throws Exception {
    Eventually.until(what, Duration.ofMinutes(2), condition);
  }

  /** The subscription's delivery log. */
  static List<JsonObject> deliveries(long id, String token) throws Exception {
    return wrap(api("GET", "/api/v1/webhooks/" + id + "/deliveries", token, null).body())
        .getJsonArray("items")
        .stream()
        .map(v -> v.asJsonObject())
        .toList();
  }

  @Test
  void aReceiverThatWasDownGetsEveryEventSignedAndInOrder() throws Exception {
    var failing = new AtomicBoolean(true);
    var refused = new AtomicInteger();
    var received = Collections.synchronizedList(new ArrayList<Received>());
    var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          if (failing.get()) {
            refused.incrementAndGet();
            exchange.sendResponseHeaders(503, -1);
          } else {
            received.add(
                new Received(
                    exchange.getRequestHeaders().getFirst("Upskill-Event-Id"),
                    exchange.getRequestHeaders().getFirst("Upskill-Event-Type"),
                    exchange.getRequestHeaders().getFirst("Upskill-Signature"),
                    body,
                    Json.createReader(new StringReader(body)).readObject()));
            exchange.sendResponseHeaders(204, -1);
          }
          exchange.close();
        });
    var redirected = new AtomicInteger();
    server.createContext(
        "/moved",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.getResponseHeaders().add("Location", "/hook/redirected");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.createContext(
        "/hook/redirected",
        exchange -> {
          redirected.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    // A second, active subscription of the same events: what it gets shows what the dispatcher
    // has already sent
    var probed = Collections.synchronizedList(new ArrayList<String>());
    server.createContext(
        "/probe",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          probed.add(exchange.getRequestHeaders().getFirst("Upskill-Event-Id"));
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    try {
      var hook = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
      var token = KeycloakClients.tokenOfServiceClient("hr-hooks-test", "hr-integration");

      // Bad input is named
      for (var bad :
          List.of(
              "{\"url\":\"ftp://x\",\"secret\":\"" + SECRET + "\",\"eventTypes\":[\"*\"]}",
              "{\"url\":\"" + hook + "\",\"secret\":\"short\",\"eventTypes\":[\"*\"]}",
              "{\"url\":\""
                  + hook
                  + "\",\"secret\":\""
                  + SECRET
                  + "\",\"eventTypes\":[\"nope\"]}")) {
        var response = api("POST", "/api/v1/webhooks", token, bad);
        assertEquals(400, response.statusCode(), bad);
        assertTrue(Http.json(response).getJsonArray("errors").size() >= 1);
      }
      // Addresses reaching loopback through IPv6 forms, special-purpose ranges and numbers written
      // in other forms are refused with the reason, even here where private addresses are allowed
      for (var refusedUrl :
          List.of(
              List.of("https://[::127.0.0.1]/hook", "is in ::/96 (IPv4-compatible, deprecated)"),
              List.of(
                  "https://[64:ff9b::7f00:1]/hook",
                  "64:ff9b::/96 (IPv4-IPv6 translation, NAT64), carrying 127.0.0.1 in"
                      + " 127.0.0.0/8 (loopback): webhooks go to public addresses only."),
              List.of("https://[2002:7f00:1::]/hook", "2002::/16 (6to4), carrying 127.0.0.1"),
              List.of("https://198.18.0.1/hook", "is in 198.18.0.0/15 (benchmarking)"),
              List.of("https://0177.0.0.1/hook", "not written as four decimal numbers"),
              List.of("https://0x7f.1/hook", "not written as four decimal numbers"))) {
        var response =
            api(
                "POST",
                "/api/v1/webhooks",
                token,
                "{\"url\":\""
                    + refusedUrl.get(0)
                    + "\",\"secret\":\""
                    + SECRET
                    + "\",\"eventTypes\":[\"*\"]}");
        assertEquals(400, response.statusCode(), refusedUrl.get(0) + ": " + response.body());
        assertTrue(
            response
                .headers()
                .firstValue("Content-Type")
                .orElse("")
                .startsWith("application/problem+json"),
            response.headers().toString());
        var errors = Http.json(response).getJsonArray("errors");
        assertAll(
            () -> assertEquals(1, errors.size(), response.body()),
            () -> assertEquals("url", errors.getJsonObject(0).getString("field"), response.body()),
            () ->
                assertTrue(
                    errors.getJsonObject(0).getString("detail").contains(refusedUrl.get(1)),
                    response.body()));
      }
      var created =
          api(
              "POST",
              "/api/v1/webhooks",
              token,
              "{\"url\":\""
                  + hook
                  + "\",\"secret\":\""
                  + SECRET
                  + "\",\"eventTypes\":[\"enrolment.created\",\"enrolment.changed\"]}");
      assertEquals(201, created.statusCode(), created.body());
      var id = Http.json(created).getJsonNumber("id").longValue();
      assertTrue(!created.body().contains(SECRET), "the secret is never shown again");
      var moved =
          api(
              "POST",
              "/api/v1/webhooks",
              token,
              "{\"url\":\""
                  + hook.replace("/hook", "/moved")
                  + "\",\"secret\":\""
                  + SECRET
                  + "\",\"eventTypes\":[\"enrolment.created\"]}");
      assertEquals(201, moved.statusCode(), moved.body());
      var movedId = Http.json(moved).getJsonNumber("id").longValue();

      // While the receiver is down: three people enrolled, one of them leaves again
      var hr = Tokens.forHrDemoClient();
      var people = KeycloakUsers.create("wh" + (System.currentTimeMillis() % 1_000_000), 3);
      var enrolments = new ArrayList<Long>();
      for (var person : people) {
        assertEquals(200, QuizApi.onTestServer().me(person.token()).statusCode());
        var enrolled = HrApi.enrol(hr, person.staffNumber(), "PY-CLIN");
        assertEquals(201, enrolled.statusCode(), enrolled.body());
        enrolments.add(Http.json(enrolled).getJsonNumber("id").longValue());
      }
      assertEquals(204, HrApi.withdraw(hr, enrolments.get(0)).statusCode());
      waitFor("failed attempts", () -> refused.get() >= 4);
      var log = wrap(api("GET", "/api/v1/webhooks/" + id + "/deliveries", token, null).body());
      assertTrue(
          log.getJsonArray("items").stream()
              .map(v -> v.asJsonObject())
              .anyMatch(
                  d -> d.getString("state").equals("pending") && d.getInt("lastStatus", 0) == 503),
          log.toString());

      // A receiver answering with a redirect: a failed attempt saying so, never followed
      waitFor(
          "a redirect in the delivery log",
          () ->
              deliveries(token, movedId).stream()
                  .anyMatch(
                      d ->
                          d.getInt("lastStatus", 0) == 302
                              && d.getString("lastError", "")
                                  .startsWith("HTTP 302: redirects are not followed (Location:")));
      assertTrue(
          deliveries(token, movedId).stream()
              .allMatch(d -> d.getString("state").equals("pending")));
      assertEquals(0, redirected.get(), "the redirect's target got nothing");
      assertEquals(204, api("DELETE", "/api/v1/webhooks/" + movedId, token, null).statusCode());

      // It recovers: every event arrives, signed, the first person's in order
      failing.set(false);
      waitFor("four events", () -> received.size() >= 4);
      // A delivery is marked delivered once its receiver has answered, and is never sent again:
      // once all four are, nothing more comes
      waitFor(
          "every delivery marked delivered",
          () ->
              deliveries(id, token).stream()
                      .filter(d -> d.getString("state").equals("delivered"))
                      .count()
                  == 4);
      var now = System.currentTimeMillis() / 1000;
      for (var r : received) {
        var parts = r.signature().split(",");
        var t = Long.parseLong(parts[0].substring(2));
        assertAll(
            () -> assertEquals("v1=" + hmac(t + "." + r.body()), parts[1], "signature"),
            () -> assertTrue(Math.abs(now - t) < 600, "a fresh timestamp"),
            () -> assertEquals(r.eventId(), r.json().getString("id")),
            () -> assertEquals(r.type(), r.json().getString("type")));
      }
      assertEquals(4, received.stream().map(Received::eventId).distinct().count(), "none lost");
      assertEquals(4, received.size(), "none twice");
      var first = String.valueOf(enrolments.get(0));
      var ofFirst =
          received.stream()
              .filter(r -> r.json().getJsonObject("aggregate").getString("id").equals(first))
              .map(Received::type)
              .toList();
      assertEquals(List.of("enrolment.created", "enrolment.changed"), ofFirst);
      var delivered =
          wrap(api("GET", "/api/v1/webhooks/" + id + "/deliveries", token, null).body());
      var lines = delivered.getJsonArray("items").stream().map(v -> v.asJsonObject()).toList();
      assertAll(
          () -> assertTrue(lines.stream().allMatch(d -> d.getString("state").equals("delivered"))),
          // the three "created" were refused while the receiver was down, then delivered
          () ->
              assertEquals(
                  3,
                  lines.stream()
                      .filter(d -> d.getString("eventType").equals("enrolment.created"))
                      .filter(d -> d.getInt("attempts") >= 2)
                      .count(),
                  delivered.toString()),
          // the first person's "changed" waited behind their "created": never sent before it
          () ->
              assertEquals(
                  1,
                  lines.stream()
                      .filter(d -> d.getString("eventType").equals("enrolment.changed"))
                      .findFirst()
                      .orElseThrow()
                      .getInt("attempts"),
                  delivered.toString()));

      // Another client does not see it
      assertEquals(
          404, api("GET", "/api/v1/webhooks/" + id + "/deliveries", hr, null).statusCode());
      assertEquals(404, api("DELETE", "/api/v1/webhooks/" + id, hr, null).statusCode());

      // Paused, events wait; resumed, they go out
      var probe =
          api(
              "POST",
              "/api/v1/webhooks",
              token,
              "{\"url\":\""
                  + hook.replace("/hook", "/probe")
                  + "\",\"secret\":\""
                  + SECRET
                  + "\",\"eventTypes\":[\"enrolment.changed\"]}");
      assertEquals(201, probe.statusCode(), probe.body());
      var probeId = Http.json(probe).getJsonNumber("id").longValue();
      assertEquals(200, api("POST", "/api/v1/webhooks/" + id + "/pause", token, null).statusCode());
      assertEquals(204, HrApi.withdraw(hr, enrolments.get(1)).statusCode());
      // The dispatcher makes an event's deliveries and sends the due ones in the same run: once the
      // probe has this event, the paused webhook's delivery was there and was held
      waitFor("the event at the active webhook", () -> probed.size() >= 1);
      assertEquals(4, received.size(), "nothing while paused");
      var held =
          deliveries(id, token).stream()
              .filter(d -> d.getString("eventId").equals(probed.get(0)))
              .toList();
      assertEquals(1, held.size(), "the paused webhook's delivery of it: " + held);
      assertEquals("pending", held.get(0).getString("state"), held.toString());
      assertEquals(0, held.get(0).getInt("attempts"), held.toString());
      assertEquals(
          200, api("POST", "/api/v1/webhooks/" + id + "/resume", token, null).statusCode());
      waitFor("the held event", () -> received.size() >= 5);

      assertEquals(204, api("DELETE", "/api/v1/webhooks/" + id, token, null).statusCode());
      assertEquals(204, api("DELETE", "/api/v1/webhooks/" + probeId, token, null).statusCode());
      assertEquals("[]", api("GET", "/api/v1/webhooks", token, null).body().strip());
    } finally {
      server.stop(0);
    }
  }

  static List<JsonObject> deliveries(String token, long webhook) {
    try {
      return wrap(api("GET", "/api/v1/webhooks/" + webhook + "/deliveries", token, null).body())
          .getJsonArray("items")
          .stream()
          .map(v -> v.asJsonObject())
          .toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject wrap(String array) {
    return Json.createReader(new StringReader("{\"items\":" + array + "}")).readObject();
  }
}

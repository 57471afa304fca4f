package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.upskill.system.support.KeycloakClients;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * The API as an attacker or a careless client would try it (issue 16), driven by the OpenAPI
 * document the server publishes: every operation, called with no token, a garbage token, an HR
 * client's token (both HR roles) and a learner's token, with bad path values, bad query values, an
 * unknown parameter and bad bodies (trailing text, 1,000 levels deep, repeated and unknown members,
 * another charset, wrong types, huge numbers, no JSON at all). Nothing here may answer 5xx, a 4xx
 * that is not problem+json, or a body with a stack trace; and input that is wrong for every caller
 * (a malformed or control-character escape, a body that is not one well-formed JSON value of the
 * documented shape) must never be accepted. Paths use ids that do not exist, so no call changes
 * anything; the HR client is this test's own, so the demo client's rate limit is untouched.
 */
@ExtendWith(ArquillianExtension.class)
class ApiFuzzIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** Path values: none of them names something that exists. */
  private static final List<String> PATH_VALUES =
      List.of("999999999", "-1", "99999999999999999999", "x", "%zz", "a".repeat(300), "%00");

  /** Query values, each given to every query parameter. */
  private static final List<String> QUERY_VALUES =
      List.of(
          "",
          "%zz",
          "x".repeat(3000),
          "-1",
          "99999999999999999999",
          "%2B1000000000-12-31T23:59:59Z",
          "0",
          "1e9",
          "%00",
          "null");

  /** A bad body: its content type, its text, and whether it is wrong whatever the endpoint. */
  record Body(String contentType, String text, boolean alwaysWrong) {}

  private static final List<Body> BODIES =
      List.of(
          new Body("application/json", "{} xyz", true),
          new Body("application/json", "[".repeat(1000) + "]".repeat(1000), true),
          new Body("application/json", "{\"a\":1,\"a\":2}", true),
          new Body("application/json", "{\"noSuchMember\":1}", true),
          new Body("application/json; charset=EBCDIC", "{}", true),
          new Body("application/json", "not json", true),
          new Body("application/json", "[]", true),
          new Body("application/json", "{\"sequence\":1" + "0".repeat(50) + "}", true),
          new Body(
              "application/json",
              "{\"items\":[{\"person\":1}],\"url\":{},\"sequence\":\"x\",\"dueDate\":\"+10000-01-01\"}",
              true),
          new Body("application/json", "{\"responses\":{\"1\":null}}", true),
          new Body(
              "application/json", "{\"sequence\":-5,\"responses\":{\"99999999999\":{}}}", true),
          new Body("application/json", "", false),
          new Body("application/json", "null", false),
          new Body("text/plain", "x", false),
          new Body("application/xml", "<a/>", false));

  record Failure(String call, int status, String why, String body) {}

  private final List<Failure> failures = new ArrayList<>();
  private int requests;

  @Test
  void noBadRequestIsAnsweredWithAServerErrorAStackTraceOrAcceptance() throws Exception {
    var document = fetchDocument();
    Map<String, String> callers = new LinkedHashMap<>();
    callers.put("no token", null);
    callers.put("garbage token", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
    callers.put(
        "HR client", KeycloakClients.tokenOfServiceClient("fuzz-hr", "hr-integration", "hr-write"));
    callers.put("learner", Tokens.forUser("learner", "learner"));
    int operations = 0;
    var paths = document.getJsonObject("paths");
    for (var path : paths.keySet()) {
      var item = paths.getJsonObject(path);
      for (var method : item.keySet()) {
        if (method.equals("parameters")) {
          continue;
        }
        operations++;
        var operation = item.getJsonObject(method);
        var pathParameters = new ArrayList<String>();
        var queryParameters = new ArrayList<String>();
        for (var parameter :
            operation.getJsonArray("parameters") == null
                ? List.<JsonObject>of()
                : operation.getJsonArray("parameters").getValuesAs(JsonObject.class)) {
          (parameter.getString("in").equals("path") ? pathParameters : queryParameters)
              .add(parameter.getString("name"));
        }
        var jsonBody =
            operation.containsKey("requestBody")
                && operation
                    .getJsonObject("requestBody")
                    .getJsonObject("content")
                    .containsKey("application/json");
        for (var caller : callers.entrySet()) {
          fuzz(method.toUpperCase(), path, pathParameters, queryParameters, jsonBody, caller);
        }
      }
    }
    assertTrue(operations >= 25, "the document lists the API's operations: " + operations);
    var report = new StringBuilder();
    failures.stream()
        .limit(40)
        .forEach(
            f ->
                report
                    .append("\n  ")
                    .append(f.call())
                    .append(" → ")
                    .append(f.status())
                    .append(": ")
                    .append(f.why())
                    .append(" — ")
                    .append(f.body(), 0, Math.min(160, f.body().length())));
    assertTrue(
        failures.isEmpty(),
        failures.size() + " of " + requests + " requests were answered wrongly:" + report);
    assertTrue(requests > 1000, "the fuzz sent " + requests + " requests");
  }

  /**
   * The server decodes only well-formed addresses itself (upskill.cli): those must still reach both
   * applications decoded, and a malformed one must get the site's own page, not a bare error.
   */
  @Test
  void wellFormedEscapesAreDecodedForTheSiteAndTheApiAndMalformedOnesGetPages() throws Exception {
    var plain = send("GET", "/api/v1/courses?q=python", null, null, null);
    var escaped = send("GET", "/api/v1/courses?q=py%74hon", null, null, null);
    assertEquals(200, escaped.status());
    assertEquals(plain.body(), escaped.body());
    assertTrue(plain.body().contains("PY-CLIN"), plain.body());
    assertEquals(200, send("GET", "/api/v1/courses/PY%2DCLIN", null, null, null).status());
    var page = send("GET", "/courses?q=py%74hon", null, null, null);
    assertTrue(
        page.body().contains("value=\"python\""), "the site's search box shows the decoded text");
    var signIn = send("GET", "/signin?next=%2Fteach", null, null, null);
    assertEquals(302, signIn.status());
    var malformed = send("GET", "/courses?q=%zz", null, null, null);
    assertEquals(200, malformed.status());
    assertTrue(malformed.contentType().startsWith("text/html"), malformed.contentType());
    var api = send("GET", "/api/v1/courses?q=%zz", null, null, null);
    assertEquals(400, api.status());
    assertTrue(api.body().contains("\"field\":\"query\""), api.body());
  }

  private void fuzz(
      String method,
      String template,
      List<String> pathParameters,
      List<String> queryParameters,
      boolean jsonBody,
      Map.Entry<String, String> caller)
      throws Exception {
    var token = caller.getValue();
    var who = " (" + caller.getKey() + ")";
    var authenticated = caller.getKey().equals("HR client") || caller.getKey().equals("learner");
    for (var value : pathParameters.isEmpty() ? List.of("") : PATH_VALUES) {
      var path = fill(template, pathParameters, value);
      var malformed = value.startsWith("%");
      check(
          method + " " + path + who,
          send(method, path, token, jsonBody ? "application/json" : null, jsonBody ? "{}" : null),
          malformed);
    }
    var path = fill(template, pathParameters, "999999999");
    for (var parameter : queryParameters) {
      for (var value : QUERY_VALUES) {
        var address = path + "?" + parameter + "=" + value;
        check(
            method + " " + address + who,
            send(method, address, token, null, null),
            value.startsWith("%zz") || value.equals("%00"));
      }
    }
    check(
        method + " " + path + "?noSuchParameter=1" + who,
        send(method, path + "?noSuchParameter=1", token, null, null),
        false);
    if (jsonBody) {
      for (var body : BODIES) {
        check(
            method
                + " "
                + path
                + " with "
                + body.contentType()
                + " «"
                + shorten(body.text())
                + "»"
                + who,
            send(method, path, token, body.contentType(), body.text()),
            body.alwaysWrong() && authenticated);
      }
    }
  }

  private static String fill(String template, List<String> names, String value) {
    var path = template;
    for (var name : names) {
      path = path.replace("{" + name + "}", value);
    }
    return path;
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  /** An answer: status, content type, body. */
  record Answer(int status, String contentType, String body) {}

  /**
   * Sends a request over a plain socket, as written: the JDK's HTTP client refuses to send an
   * address with a malformed escape, and that is one of the things to try.
   */
  private Answer send(String method, String address, String token, String contentType, String body)
      throws IOException {
    requests++;
    var base = URI.create(TestEnvironment.baseUrl());
    var bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    var head = new StringBuilder();
    head.append(method).append(' ').append(address).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(base.getAuthority()).append("\r\n");
    head.append("Connection: close\r\n");
    if (token != null) {
      head.append("Authorization: Bearer ").append(token).append("\r\n");
    }
    if (contentType != null) {
      head.append("Content-Type: ").append(contentType).append("\r\n");
    }
    if (body != null || !method.equals("GET")) {
      head.append("Content-Length: ").append(bytes.length).append("\r\n");
    }
    head.append("\r\n");
    try (var socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      var out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(bytes);
      out.flush();
      var raw = socket.getInputStream().readAllBytes();
      var text = new String(raw, StandardCharsets.ISO_8859_1);
      var end = text.indexOf("\r\n\r\n");
      var headers = text.substring(0, end < 0 ? text.length() : end).split("\r\n");
      var status = Integer.parseInt(headers[0].split(" ")[1]);
      String type = "";
      boolean chunked = false;
      for (var line : headers) {
        var lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          type = line.substring(13).strip();
        } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      var payload = end < 0 ? "" : text.substring(end + 4);
      if (chunked) {
        var joined = new StringBuilder();
        int at = 0;
        while (at < payload.length()) {
          var lineEnd = payload.indexOf("\r\n", at);
          int size = Integer.parseInt(payload.substring(at, lineEnd).split(";")[0].strip(), 16);
          if (size == 0) {
            break;
          }
          joined.append(payload, lineEnd + 2, lineEnd + 2 + size);
          at = lineEnd + 2 + size + 2;
        }
        payload = joined.toString();
      }
      return new Answer(
          status,
          type,
          new String(payload.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }
  }

  private void check(String call, Answer response, boolean mustBeRefused) {
    var status = response.status();
    var body = response.body();
    var type = response.contentType();
    if (status >= 500) {
      failures.add(new Failure(call, status, "a server error", body));
    } else if (status >= 400 && !type.startsWith("application/problem+json")) {
      failures.add(new Failure(call, status, "not problem+json but " + type, body));
    } else if (status >= 400 && !problemOf(body, status)) {
      failures.add(new Failure(call, status, "not a problem document of this status", body));
    } else if (body.contains("\tat ") || body.contains("Exception") || body.contains("RESTEASY")) {
      failures.add(new Failure(call, status, "a stack trace or an exception's name", body));
    } else if (mustBeRefused && status < 400) {
      failures.add(new Failure(call, status, "bad input accepted", body));
    }
  }

  private static boolean problemOf(String body, int status) {
    try (var reader = Json.createReader(new StringReader(body))) {
      var problem = reader.readObject();
      return problem.getInt("status", -1) == status && problem.containsKey("title");
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static JsonObject fetchDocument() throws Exception {
    var response =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(TestEnvironment.baseUrl() + "/api/openapi?format=JSON"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }
}

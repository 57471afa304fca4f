package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.upskill.system.support.ApiContract;
import org.upskill.system.support.Http;
import org.upskill.system.support.KeycloakClients;
import org.upskill.system.support.KeycloakUsers;
import org.upskill.system.support.QuizApi;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * The role matrix of the HR API (issue 7), with real Keycloak tokens: every endpoint is called with
 * no token, a client token without roles, a learner's token, the read role ({@code hr-integration})
 * and the write role ({@code hr-write} as well); a webhook belongs to the client that made it
 * (another client gets 404). Every answer is checked against the OpenAPI document.
 */
@ExtendWith(ArquillianExtension.class)
class HrApiRoleMatrixIT {

  @Deployment(testable = false)
  static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** The callers, in the order the matrix lists them. */
  enum Caller {
    ANONYMOUS,
    NO_ROLE,
    LEARNER,
    READER,
    WRITER
  }

  /** One endpoint and the status each caller must get, in {@link Caller} order. */
  record Call(String method, String path, String body, int... expected) {
    Map<Caller, Integer> statuses() {
      var statuses = new LinkedHashMap<Caller, Integer>();
      for (var caller : Caller.values()) {
        statuses.put(caller, expected[caller.ordinal()]);
      }
      return statuses;
    }
  }

  static HttpResponse<String> send(String method, String path, String token, String body)
      throws Exception {
    var builder =
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return ApiContract.checked(CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
  }

  static String webhook(String port) {
    return "{\"url\":\"http://127.0.0.1:"
        + port
        + "/hook\",\"secret\":\"0123456789abcdef-matrix\",\"eventTypes\":[\"certificate.revoked\"]}";
  }

  @Test
  void everyEndpointChecksTheRoleAndTheOwner() throws Exception {
    var tokens = new LinkedHashMap<Caller, String>();
    tokens.put(Caller.ANONYMOUS, null);
    tokens.put(Caller.NO_ROLE, KeycloakClients.tokenOfServiceClient("hr-matrix-none"));
    var people = KeycloakUsers.create("rm" + (System.currentTimeMillis() % 1_000_000), 3);
    tokens.put(Caller.LEARNER, people.get(0).token());
    tokens.put(
        Caller.READER, KeycloakClients.tokenOfServiceClient("hr-matrix-reader", "hr-integration"));
    tokens.put(Caller.WRITER, Tokens.forHrDemoClient());
    for (var person : people) {
      assertEquals(200, QuizApi.onTestServer().me(person.token()).statusCode());
    }
    var writer = tokens.get(Caller.WRITER);
    var reader = tokens.get(Caller.READER);

    // What the calls act on: an enrolment to take away, a webhook of the read client's
    var enrolment =
        send(
            "POST",
            "/api/v1/enrolments",
            writer,
            "{\"person\":\"" + people.get(1).staffNumber() + "\",\"course\":\"PY-CLIN\"}");
    assertEquals(201, enrolment.statusCode(), enrolment.body());
    var enrolmentId = Http.json(enrolment).getJsonNumber("id").longValue();
    var hook = send("POST", "/api/v1/webhooks", reader, webhook("9"));
    assertEquals(201, hook.statusCode(), hook.body());
    var hookId = Http.json(hook).getJsonNumber("id").longValue();

    var person = people.get(0).staffNumber();
    var batch =
        "{\"items\":[{\"person\":\"" + people.get(2).staffNumber() + "\",\"course\":\"GDPR-DS\"}]}";
    var calls =
        List.of(
            // read role
            new Call("GET", "/api/v1/completions", null, 401, 403, 403, 200, 200),
            new Call("GET", "/api/v1/exports/completions.csv", null, 401, 403, 403, 200, 200),
            new Call(
                "GET", "/api/v1/people/" + person + "/transcript", null, 401, 403, 403, 200, 200),
            new Call("GET", "/api/v1/people/NOBODY-404/transcript", null, 401, 403, 403, 404, 404),
            new Call("GET", "/api/v1/enrolments", null, 401, 403, 403, 200, 200),
            new Call("GET", "/api/v1/compliance", null, 401, 403, 403, 200, 200),
            new Call("GET", "/api/v1/compliance/changes", null, 401, 403, 403, 200, 200),
            new Call("GET", "/api/v1/webhooks", null, 401, 403, 403, 200, 200),
            // write role
            new Call(
                "POST",
                "/api/v1/enrolments",
                "{\"person\":\"" + person + "\",\"course\":\"MI-ML\"}",
                401,
                403,
                403,
                403,
                201),
            new Call("POST", "/api/v1/enrolments/batch", batch, 401, 403, 403, 403, 200),
            new Call("DELETE", "/api/v1/enrolments/" + enrolmentId, null, 401, 403, 403, 403, 204),
            new Call("DELETE", "/api/v1/enrolments/999999999", null, 401, 403, 403, 403, 404),
            // a webhook is its client's own: the other client is told it does not exist
            new Call(
                "GET", "/api/v1/webhooks/" + hookId + "/deliveries", null, 401, 403, 403, 200, 404),
            new Call(
                "POST", "/api/v1/webhooks/" + hookId + "/pause", null, 401, 403, 403, 200, 404),
            new Call(
                "POST", "/api/v1/webhooks/" + hookId + "/resume", null, 401, 403, 403, 200, 404),
            new Call("DELETE", "/api/v1/webhooks/" + hookId, null, 401, 403, 403, 204, 404),
            new Call("POST", "/api/v1/webhooks", webhook("9"), 401, 403, 403, 201, 201),
            // open to all
            new Call("GET", "/api/v1/courses", null, 200, 200, 200, 200, 200),
            new Call("GET", "/api/v1/courses/PY-CLIN", null, 200, 200, 200, 200, 200),
            new Call(
                "GET", "/api/v1/verifications/ZZZZZZZZZZZZZZZZ", null, 404, 404, 404, 404, 404));

    var checks = new ArrayList<Executable>();
    var created = new ArrayList<String>();
    for (var call : calls) {
      // Refusals first, then the callers who may act (a delete must be refused before it is done)
      var order = new ArrayList<>(call.statuses().entrySet());
      order.sort(Comparator.comparing(e -> e.getValue() >= 200 && e.getValue() < 300));
      for (var entry : order) {
        var caller = entry.getKey();
        var response = send(call.method(), call.path(), tokens.get(caller), call.body());
        int expected = entry.getValue();
        int actual = response.statusCode();
        var what = call.method() + " " + call.path() + " as " + caller;
        checks.add(() -> assertEquals(expected, actual, what + ": " + response.body()));
        if (actual == 401) {
          checks.add(
              () ->
                  assertTrue(
                      response
                          .headers()
                          .firstValue("WWW-Authenticate")
                          .orElse("")
                          .startsWith("Bearer"),
                      what + " names the scheme"));
        }
        if (actual >= 400) {
          checks.add(
              () ->
                  assertTrue(
                      response
                          .headers()
                          .firstValue("Content-Type")
                          .orElse("")
                          .startsWith("application/problem+json"),
                      what + " is a problem"));
        }
        if (actual == 201 && call.path().equals("/api/v1/webhooks")) {
          created.add(caller == Caller.READER ? reader : writer);
          created.add(String.valueOf(Http.json(response).getJsonNumber("id").longValue()));
        }
      }
    }
    // The hooks made by the matrix are removed by their owners
    for (int i = 0; i < created.size(); i += 2) {
      assertEquals(
          204,
          send("DELETE", "/api/v1/webhooks/" + created.get(i + 1), created.get(i), null)
              .statusCode());
    }
    assertAll(checks);
  }
}

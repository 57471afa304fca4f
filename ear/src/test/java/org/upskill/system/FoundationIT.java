package org.upskill.system;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.upskill.system.support.Http;
import org.upskill.system.support.TestDatabase;
import org.upskill.system.support.TestEnvironment;
import org.upskill.system.support.Tokens;

/**
 * The foundation, black-box: the real EAR on a managed WildFly 39 against MariaDB/MySQL through
 * Connector/J, with tokens from the real Keycloak. The database starts empty, so the first deploy
 * shows the migrations and the demo content arriving; the last test deploys again and shows that
 * nothing is loaded twice.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FoundationIT {

  static final String EAR = "upskill";

  @Deployment(name = EAR, managed = false, testable = false)
  static EnterpriseArchive ear() {
    return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, TestEnvironment.ear().toFile());
  }

  @ArquillianResource Deployer deployer;

  @BeforeAll
  static void startFromAnEmptyDatabase() throws SQLException {
    TestDatabase.recreate();
  }

  private static String url(String path) {
    return TestEnvironment.baseUrl() + path;
  }

  @Test
  @Order(1)
  void migrationsApplyOnAnEmptyDatabase() throws SQLException, IOException {
    deployer.deploy(EAR);

    long migrationFiles;
    try (var files =
        Files.list(TestEnvironment.projectRoot().resolve("ejb/src/main/resources/db/migration"))) {
      migrationFiles =
          files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
    }
    var applied =
        TestDatabase.number(
            "select count(*) from flyway_schema_history where success = 1 and version is not null");
    var failed =
        TestDatabase.number("select count(*) from flyway_schema_history where success = 0");
    assertAll(
        () -> assertTrue(migrationFiles >= 2, "the project should have migrations"),
        () -> assertEquals(migrationFiles, applied, "every migration should be applied once"),
        () -> assertEquals(0, failed, "no migration should have failed"));
  }

  @Test
  @Order(2)
  void healthReportsTheDatabaseAndKeycloak() {
    var response = Http.get(url("/api/health"));

    assertEquals(200, response.statusCode(), response.body());
    assertTrue(
        response.headers().firstValue("Cache-Control").orElse("").contains("no-store"),
        "never cached");
    var health = Http.json(response);
    var checks = checksByName(health);
    assertAll(
        () -> assertEquals("UP", health.getString("status")),
        () -> assertEquals("UP", checks.get("database").getString("status"), response.body()),
        () ->
            assertEquals(
                "UP", checks.get("identity-provider").getString("status"), response.body()),
        () ->
            assertEquals(
                TestEnvironment.keycloakUrl() + "/realms/upskill/.well-known/openid-configuration",
                checks.get("identity-provider").getJsonObject("data").getString("url")));
  }

  @Test
  @Order(2)
  void managementHealthReadyRunsUpskillsChecks() {
    var response = Http.get(TestEnvironment.managementUrl() + "/health/ready");

    assertEquals(200, response.statusCode(), response.body());
    var health = Http.json(response);
    var checks = checksByName(health);
    assertAll(
        () -> assertEquals("UP", health.getString("status"), response.body()),
        () -> assertEquals("UP", checks.get("database").getString("status"), response.body()),
        () ->
            assertEquals(
                "UP", checks.get("identity-provider").getString("status"), response.body()));
  }

  @Test
  @Order(2)
  void managementMetricsHaveTheRequestTimerAndTheOutboxBacklog() throws SQLException {
    assertEquals(200, Http.get(url("/api/health")).statusCode());
    // Other tests' deliveries may move on meanwhile: the gauge lies between the counts before
    // and after the scrape
    var pendingBefore =
        TestDatabase.number("select count(*) from webhook_delivery where state = 'PENDING'");
    var response = Http.get(TestEnvironment.managementUrl() + "/metrics");

    assertEquals(200, response.statusCode());
    var metrics = response.body();
    var pendingAfter =
        TestDatabase.number("select count(*) from webhook_delivery where state = 'PENDING'");
    var low = Math.min(pendingBefore, pendingAfter);
    var high = Math.max(pendingBefore, pendingAfter);
    var unfanned =
        TestDatabase.number("select count(*) from outbox_event where fanned_out = false");
    assertAll(
        () ->
            assertTrue(
                metrics
                    .lines()
                    .anyMatch(
                        l ->
                            l.startsWith("upskill_api_requests_seconds_count{")
                                && l.contains("group=\"health\"")
                                && l.contains("status=\"2xx\"")),
                "the request timer counts GET /api/health"),
        () ->
            assertTrue(
                metrics
                    .lines()
                    .anyMatch(
                        l ->
                            l.startsWith("upskill_outbox_backlog{")
                                && l.contains("stage=\"delivery\"")
                                && gauge(l) >= low
                                && gauge(l) <= high),
                "the backlog gauge shows the " + low + " to " + high + " pending deliveries"),
        () ->
            assertTrue(
                metrics
                    .lines()
                    .anyMatch(
                        l ->
                            l.startsWith("upskill_outbox_backlog{")
                                && l.contains("stage=\"fan-out\"")),
                "the backlog gauge has the fan-out stage (" + unfanned + " in the database)"));
  }

  /** The value of a line of Prometheus text: its last field. */
  private static double gauge(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }

  private static Map<String, JsonObject> checksByName(JsonObject health) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .collect(Collectors.toMap(c -> c.getString("name"), c -> c, (a, b) -> a));
  }

  @Test
  @Order(3)
  void demoContentIsLoadedIntoTheEmptyDatabase() throws SQLException {
    for (var code : List.of("PY-CLIN", "GDPR-DS", "MI-ML")) {
      assertEquals(
          1, TestDatabase.number("select count(*) from course where code = ?", code), code);
      assertTrue(
          TestDatabase.number(
                  "select count(*) from course_module m join course c on c.id = m.course_id"
                      + " where c.code = ?",
                  code)
              >= 3,
          code + " should have at least three modules");
      assertEquals(
          0,
          TestDatabase.number(
              "select count(*) from lesson l join course_module m on m.id = l.module_id"
                  + " join course c on c.id = m.course_id"
                  + " where c.code = ? and char_length(l.body_markdown) < 500",
              code),
          code + " should have no empty or stub lessons");
    }
    for (var pathway :
        List.of(
            "ai-research-scientist",
            "data-scientist",
            "ml-engineer",
            "clinical-informatician",
            "ai-implementation-specialist")) {
      assertTrue(
          TestDatabase.number(
                  "select count(*) from pathway_course pc join pathway p on p.id = pc.pathway_id"
                      + " where p.code = ?",
                  pathway)
              >= 2,
          "pathway " + pathway + " should lead through courses");
    }
  }

  @Test
  @Order(4)
  void homePageShowsTheCatalogue() {
    var response = Http.get(url("/"));

    assertEquals(200, response.statusCode());
    assertAll(
        () -> assertTrue(response.body().contains("Python for clinicians"), "PY-CLIN listed"),
        () -> assertTrue(response.body().contains("GDPR for data scientists"), "GDPR-DS listed"),
        () -> assertTrue(response.body().contains("Medical-imaging ML"), "MI-ML listed"),
        () -> assertTrue(response.body().contains("Sign in"), "a signed-out visitor can sign in"));
  }

  @Test
  @Order(5)
  void catalogueSearchNarrowsTheList() {
    var found = Http.get(url("/?q=imaging")).body();
    var none = Http.get(url("/?q=no-such-course-xyz")).body();

    assertTrue(
        found.contains("Medical-imaging ML"), "a search for imaging finds Medical-imaging ML");
    assertFalse(
        found.contains("Clinical informatics foundations"), "unrelated courses are left out");
    assertTrue(none.contains("No course matches your search"), "an empty result says so");
  }

  @Test
  @Order(6)
  void aProtectedPageSendsTheBrowserToKeycloak() {
    // A signed-in page sends an anonymous browser to /signin (which checks that Keycloak answers),
    // and the sign-in's return address, the one the container guards, on to Keycloak.
    var response = Http.get(url("/profile"));

    assertEquals(302, response.statusCode());
    assertEquals(
        url("/signin?next=%2Fprofile"), response.headers().firstValue("Location").orElse(""));
    var signIn = Http.get(url("/signin?next=%2Fprofile"));
    assertEquals(302, signIn.statusCode());
    assertEquals(url("/signin/return"), signIn.headers().firstValue("Location").orElse(""));
    response = Http.get(url("/signin/return"));
    assertEquals(302, response.statusCode());
    var location = response.headers().firstValue("Location").orElse("");
    assertTrue(
        location.startsWith(
            TestEnvironment.keycloakUrl() + "/realms/upskill/protocol/openid-connect/auth"),
        "redirected to Keycloak's login, not " + location);
    assertTrue(location.contains("client_id=upskill-web"), location);
  }

  @Test
  @Order(7)
  void meWithoutATokenIsUnauthorizedAsProblemJson() {
    var response = Http.get(url("/api/v1/me"));

    assertProblem(response, 401);
    assertTrue(
        response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"),
        "a 401 challenges for a bearer token");
  }

  @Test
  @Order(8)
  void meWithAForgedTokenIsUnauthorized() {
    var token = Tokens.forUser("learner", "learner");
    var forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";

    assertProblem(Http.get(url("/api/v1/me"), forged), 401);
  }

  @Test
  @Order(9)
  void meWithATokenWithoutAPersonRoleIsForbiddenAsProblemJson() {
    var response = Http.get(url("/api/v1/me"), Tokens.forHrDemoClient());

    assertProblem(response, 403);
  }

  @Test
  @Order(10)
  void meProvisionsThePersonFromARealTokenAndUpdatesItLater() throws SQLException {
    var token = Tokens.forUser("learner", "learner");

    var first = Http.get(url("/api/v1/me"), token);
    var second = Http.get(url("/api/v1/me"), token);

    assertEquals(200, first.statusCode(), first.body());
    var me = Http.json(first);
    var subject = me.getString("subject");
    assertAll(
        () -> assertEquals("learner", me.getString("username")),
        () -> assertEquals("Priya Shah", me.getString("name")),
        () -> assertEquals("priya.shah@example.org", me.getString("email")),
        () ->
            assertEquals(
                "Northshire Teaching Hospitals NHS Foundation Trust", me.getString("organisation")),
        () -> assertEquals("Nursing and midwifery", me.getString("staffGroup")),
        () -> assertEquals(List.of("NHS staff"), strings(me.getJsonArray("groups"))),
        () -> assertEquals(List.of("learner"), strings(me.getJsonArray("roles"))));
    assertEquals(me.getInt("id"), Http.json(second).getInt("id"), "the same person both times");
    assertEquals(1, TestDatabase.number("select count(*) from person where subject = ?", subject));
    assertEquals(
        1,
        TestDatabase.number(
            "select count(*) from person_group g join person p on p.id = g.person_id"
                + " where p.subject = ? and g.group_name = 'NHS staff'",
            subject));
    assertNotEquals(
        me.getString("lastSeen"),
        Http.json(second).getString("lastSeen"),
        "a later sign-in refreshes last seen");
  }

  @Test
  @Order(11)
  void anUnknownApiAddressIsNotFoundAsProblemJson() {
    assertProblem(Http.get(url("/api/v1/no-such-thing")), 404);
  }

  @Test
  @Order(12)
  void theApiIsDocumented() {
    var openapi = Http.get(url("/api/openapi"));
    var docs = Http.get(url("/api/docs/"));

    assertEquals(200, openapi.statusCode());
    assertTrue(openapi.body().contains("/api/v1/me"), "the OpenAPI document lists /api/v1/me");
    var json = Http.get(url("/api/openapi?format=JSON"));
    assertEquals(200, json.statusCode());
    var document = Http.json(json);
    var paths = document.getJsonObject("paths");
    for (var path :
        List.of(
            "/api/v1/completions",
            "/api/v1/exports/completions.csv",
            "/api/v1/enrolments/batch",
            "/api/v1/webhooks",
            "/api/v1/verifications/{code}",
            "/api/v1/people/{id}/transcript")) {
      assertTrue(paths.containsKey(path), "the document lists " + path);
    }
    // Every operation says its errors are problem details, with the Problem schema
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, operation) -> {
                      if (operation.getValueType() == jakarta.json.JsonValue.ValueType.OBJECT
                          && operation.asJsonObject().containsKey("responses")) {
                        var fallback =
                            operation
                                .asJsonObject()
                                .getJsonObject("responses")
                                .getJsonObject("default");
                        assertTrue(
                            fallback != null
                                && fallback
                                    .getJsonObject("content")
                                    .containsKey("application/problem+json"),
                            method + " " + path + " declares its problems");
                      }
                    }));
    assertTrue(
        document
            .getJsonObject("components")
            .getJsonObject("schemas")
            .getJsonObject("Problem")
            .getJsonObject("properties")
            .containsKey("errors"));
    assertEquals(200, docs.statusCode());
    assertTrue(docs.body().contains("swagger-ui-bundle.js"), "the docs page loads Swagger UI");
  }

  @Test
  @Order(99)
  void aSecondStartLoadsNoDemoContent() throws SQLException {
    try {
      var before = counts();

      deployer.undeploy(EAR);
      deployer.deploy(EAR);

      assertEquals(before, counts(), "a second start must not add or remove demo content");
      assertEquals(200, Http.get(url("/api/health")).statusCode());
    } finally {
      deployer.undeploy(EAR);
    }
  }

  private static Map<String, Long> counts() throws SQLException {
    return Map.of(
        "course", TestDatabase.number("select count(*) from course"),
        "lesson", TestDatabase.number("select count(*) from lesson"),
        "skill", TestDatabase.number("select count(*) from skill"),
        "pathway", TestDatabase.number("select count(*) from pathway"),
        "migrations", TestDatabase.number("select count(*) from flyway_schema_history"));
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals(
        "application/problem+json",
        response.headers().firstValue("Content-Type").orElse(""),
        "errors are RFC 9457 problem details");
    var problem = Http.json(response);
    assertEquals(status, problem.getInt("status"));
    assertFalse(problem.getString("title").isBlank(), "a problem has a title");
    assertFalse(response.body().contains("Exception"), "no stack trace or exception name leaks");
  }

  private static List<String> strings(jakarta.json.JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }
}

package org.upskill.system.support;

import jakarta.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Learners made for one test in the real Keycloak (through its admin API, as the master realm's
 * bootstrap admin that {@code ./upskill} sets up): username = password, role {@code learner}, an
 * email and a staff number so that the HR API can enrol them.
 */
public final class KeycloakUsers {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private KeycloakUsers() {}

  /** A test learner's names. */
  public record Learner(String username, String email, String staffNumber) {
    public String token() {
      return Tokens.forUser(username, username);
    }

    /** A token from another Keycloak with the realm (a test's private one). */
    public String token(String keycloakUrl) {
      return Tokens.forUser(keycloakUrl, username, username);
    }
  }

  /** Creates {@code count} learners named {@code prefix-1…}; existing ones are kept. */
  public static List<Learner> create(String prefix, int count) {
    return create(prefix, count, "learner");
  }

  /** Creates {@code count} learners in another Keycloak with the realm (a test's private one). */
  public static List<Learner> createIn(String keycloakUrl, String prefix, int count) {
    return createUsersOf(
        keycloakUrl, prefix, count, null, null, "Test Trust", null, new String[] {"learner"});
  }

  /** Creates {@code count} people with these realm roles; existing ones are kept. */
  public static List<Learner> create(String prefix, int count, String... roles) {
    return createUsers(prefix, count, null, null, roles);
  }

  /**
   * Creates {@code count} learners in a Keycloak group (created when missing) and with a staff
   * group attribute; either may be {@code null}. Existing ones are kept.
   */
  public static List<Learner> createInGroups(
      String prefix, int count, String keycloakGroup, String staffGroup) {
    return createUsers(prefix, count, keycloakGroup, staffGroup, "learner");
  }

  /**
   * Creates {@code count} people of an organisation (and a staff group, may be {@code null}) with
   * these realm roles; existing ones are kept.
   */
  public static List<Learner> createInOrganisation(
      String prefix, int count, String organisation, String staffGroup, String... roles) {
    return createUsersOf(prefix, count, null, staffGroup, organisation, null, roles);
  }

  private static List<Learner> createUsers(
      String prefix, int count, String keycloakGroup, String staffGroup, String... roles) {
    return createUsersOf(prefix, count, keycloakGroup, staffGroup, "Test Trust", null, roles);
  }

  /**
   * Creates one person with a family name of their own (so that their name is found nowhere else),
   * in an organisation, with these realm roles.
   */
  public static Learner createNamed(
      String username, String familyName, String organisation, String... roles) {
    return createUsersOf(username, 1, null, null, organisation, familyName, roles).get(0);
  }

  private static List<Learner> createUsersOf(
      String prefix,
      int count,
      String keycloakGroup,
      String staffGroup,
      String organisation,
      String familyName,
      String... roles) {
    return createUsersOf(
        TestEnvironment.keycloakUrl(),
        prefix,
        count,
        keycloakGroup,
        staffGroup,
        organisation,
        familyName,
        roles);
  }

  private static List<Learner> createUsersOf(
      String keycloakUrl,
      String prefix,
      int count,
      String keycloakGroup,
      String staffGroup,
      String organisation,
      String familyName,
      String... roles) {
    var learners = new ArrayList<Learner>();
    var users = Json.createArrayBuilder();
    for (int i = 1; i <= count; i++) {
      var name = prefix + "-" + i;
      var learner = new Learner(name, name + "@example.org", ("SN-" + name).toUpperCase());
      learners.add(learner);
      var attributes =
          Json.createObjectBuilder()
              .add("staffNumber", Json.createArrayBuilder().add(learner.staffNumber()))
              .add("organisation", Json.createArrayBuilder().add(organisation));
      if (staffGroup != null) {
        attributes.add("staffGroup", Json.createArrayBuilder().add(staffGroup));
      }
      var user =
          Json.createObjectBuilder()
              .add("username", name)
              .add("enabled", true)
              .add("email", learner.email())
              .add("emailVerified", true)
              .add("firstName", "Test")
              .add("lastName", familyName != null ? familyName : "Learner " + i)
              .add("attributes", attributes)
              .add(
                  "credentials",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("type", "password")
                              .add("value", name)
                              .add("temporary", false)))
              .add("realmRoles", Json.createArrayBuilder(List.of(roles)));
      if (keycloakGroup != null) {
        user.add("groups", Json.createArrayBuilder().add("/" + keycloakGroup));
      }
      users.add(user);
    }
    if (keycloakGroup != null) {
      // (A partial import of a new group fails inside Keycloak 26; the groups API does not.)
      var created =
          send(
              HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/upskill/groups"))
                  .header("Authorization", "Bearer " + adminToken(keycloakUrl))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          Json.createObjectBuilder().add("name", keycloakGroup).build().toString()))
                  .build());
      if (created.statusCode() != 201 && created.statusCode() != 409) {
        throw new IllegalStateException(
            "Keycloak refused the group: " + created.statusCode() + " " + created.body());
      }
    }
    var body = Json.createObjectBuilder().add("ifResourceExists", "SKIP").add("users", users);
    var response =
        send(
            HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/upskill/partialImport"))
                .header("Authorization", "Bearer " + adminToken(keycloakUrl))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.build().toString()))
                .build());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused the test users: " + response.statusCode() + " " + response.body());
    }
    return learners;
  }

  /**
   * Lets a client of the realm in another Keycloak (a test's private one) send browsers back to one
   * more address, such as a private server's {@code http://localhost:8820/*}.
   */
  public static void allowRedirect(String keycloakUrl, String clientId, String redirectUri) {
    var token = adminToken(keycloakUrl);
    var clients = keycloakUrl + "/admin/realms/upskill/clients";
    var found =
        send(
            HttpRequest.newBuilder(URI.create(clients + "?clientId=" + clientId))
                .header("Authorization", "Bearer " + token)
                .build());
    if (found.statusCode() != 200) {
      throw new IllegalStateException("Keycloak did not list " + clientId + ": " + found.body());
    }
    try (var reader = Json.createReader(new java.io.StringReader(found.body()))) {
      var client = reader.readArray().getJsonObject(0);
      var uris = Json.createArrayBuilder(client.getJsonArray("redirectUris")).add(redirectUri);
      var updated = Json.createObjectBuilder(client).add("redirectUris", uris).build();
      var put =
          send(
              HttpRequest.newBuilder(URI.create(clients + "/" + client.getString("id")))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .PUT(HttpRequest.BodyPublishers.ofString(updated.toString()))
                  .build());
      if (put.statusCode() != 204) {
        throw new IllegalStateException(
            "Keycloak refused the redirect address: " + put.statusCode() + " " + put.body());
      }
    }
  }

  static String adminToken() {
    return adminToken(TestEnvironment.keycloakUrl());
  }

  static String adminToken(String keycloakUrl) {
    var user = System.getenv().getOrDefault("UPSKILL_KEYCLOAK_ADMIN", "admin");
    var password = System.getenv().getOrDefault("UPSKILL_KEYCLOAK_ADMIN_PASSWORD", "admin");
    var response =
        Http.postForm(
            keycloakUrl + "/realms/master/protocol/openid-connect/token",
            "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "The Keycloak admin could not sign in (UPSKILL_KEYCLOAK_ADMIN/_PASSWORD): "
              + response.statusCode());
    }
    return Http.json(response).getString("access_token");
  }

  static HttpResponse<String> send(HttpRequest request) {
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}

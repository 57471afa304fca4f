package org.upskill.system.support;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * HR clients made for a test in a Keycloak (client-credentials, chosen realm roles): the test
 * Keycloak unless one is named.
 */
public final class KeycloakClients {

  private KeycloakClients() {}

  /**
   * Creates (or keeps) a confidential client with a service account holding {@code roles}, with the
   * same scopes as the demo HR client; answers a fresh access token of it.
   */
  public static String tokenOfServiceClient(String clientId, String... roles) {
    return tokenOfServiceClientIn(TestEnvironment.keycloakUrl(), clientId, roles);
  }

  /** As {@link #tokenOfServiceClient}, in the Keycloak at {@code keycloakUrl}. */
  public static String tokenOfServiceClientIn(
      String keycloakUrl, String clientId, String... roles) {
    var admin = KeycloakUsers.adminToken(keycloakUrl);
    var base = keycloakUrl + "/admin/realms/upskill";
    var secret = clientId + "-secret";
    var client =
        Json.createObjectBuilder()
            .add("clientId", clientId)
            .add("enabled", true)
            .add("publicClient", false)
            .add("secret", secret)
            .add("standardFlowEnabled", false)
            .add("directAccessGrantsEnabled", false)
            .add("serviceAccountsEnabled", true)
            .add(
                "defaultClientScopes",
                Json.createArrayBuilder()
                    .add("service_account")
                    .add("roles")
                    .add("basic")
                    .add("upskill-claims"))
            .build();
    var created =
        KeycloakUsers.send(
            HttpRequest.newBuilder(URI.create(base + "/clients"))
                .header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client.toString()))
                .build());
    if (created.statusCode() == 201) {
      var location = created.headers().firstValue("Location").orElseThrow();
      var internalId = location.substring(location.lastIndexOf('/') + 1);
      var account =
          Http.json(
              KeycloakUsers.send(
                  HttpRequest.newBuilder(
                          URI.create(base + "/clients/" + internalId + "/service-account-user"))
                      .header("Authorization", "Bearer " + admin)
                      .build()));
      var mappings = Json.createArrayBuilder();
      for (var role : roles) {
        mappings.add(
            Http.json(
                KeycloakUsers.send(
                    HttpRequest.newBuilder(URI.create(base + "/roles/" + role))
                        .header("Authorization", "Bearer " + admin)
                        .build())));
      }
      var assigned =
          KeycloakUsers.send(
              HttpRequest.newBuilder(
                      URI.create(
                          base + "/users/" + account.getString("id") + "/role-mappings/realm"))
                  .header("Authorization", "Bearer " + admin)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(mappings.build().toString()))
                  .build());
      if (assigned.statusCode() != 204) {
        throw new IllegalStateException("Keycloak refused the roles: " + assigned.body());
      }
    } else if (created.statusCode() != 409) {
      throw new IllegalStateException(
          "Keycloak refused the client: " + created.statusCode() + " " + created.body());
    }
    var response =
        Http.postForm(
            keycloakUrl + "/realms/upskill/protocol/openid-connect/token",
            "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("No token for " + clientId + ": " + response.body());
    }
    return Http.json(response).getString("access_token");
  }
}

package org.upskill.system.support;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Real access tokens from the test Keycloak, with the realm's demo users and clients. */
public final class Tokens {

  private Tokens() {}

  /** A demo user's token, by the password grant of the test-only client {@code upskill-tests}. */
  public static String forUser(String username, String password) {
    return forUser(TestEnvironment.keycloakUrl(), username, password);
  }

  /** The same from another Keycloak with the realm (a test's private one). */
  public static String forUser(String keycloakUrl, String username, String password) {
    return token(
        keycloakUrl,
        "grant_type=password&client_id=upskill-tests&scope=openid&username="
            + encode(username)
            + "&password="
            + encode(password));
  }

  /** The HR demo client's token, by the client-credentials grant. */
  public static String forHrDemoClient() {
    return forHrDemoClient(TestEnvironment.keycloakUrl());
  }

  /** The same from another Keycloak with the realm (a test's private one). */
  public static String forHrDemoClient(String keycloakUrl) {
    return token(
        keycloakUrl,
        "grant_type=client_credentials&client_id=hr-demo&client_secret=hr-demo-secret");
  }

  private static String token(String keycloakUrl, String form) {
    var response =
        Http.postForm(keycloakUrl + "/realms/upskill/protocol/openid-connect/token", form);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "Keycloak refused a token: " + response.statusCode() + " " + response.body());
    }
    return Http.json(response).getString("access_token");
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

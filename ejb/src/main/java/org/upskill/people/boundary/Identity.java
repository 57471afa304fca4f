package org.upskill.people.boundary;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.upskill.platform.control.Jsonp;

/**
 * What a verified Keycloak token says about its holder. The web and API layers read it from the
 * token; the core trusts it because the container has already checked the token's signature, issuer
 * and expiry.
 *
 * @param subject the token's {@code sub}: stable for the life of the account
 * @param roles realm roles (learner, trainer, manager, admin, hr-integration…)
 * @param groups Keycloak groups (NHS staff, Tech learners…)
 */
public record Identity(
    String subject,
    String username,
    String displayName,
    String email,
    String organisation,
    String staffGroup,
    String jobRole,
    String staffNumber,
    Set<String> groups,
    Set<String> roles) {

  public Identity {
    Objects.requireNonNull(subject, "A token without a subject cannot identify a person");
    if (subject.isBlank()) {
      throw new IllegalArgumentException("A token without a subject cannot identify a person");
    }
    username = blankToNull(username);
    displayName = blankToNull(displayName);
    email = blankToNull(email);
    organisation = blankToNull(organisation);
    staffGroup = blankToNull(staffGroup);
    jobRole = blankToNull(jobRole);
    staffNumber = blankToNull(staffNumber);
    groups = groups == null ? Set.of() : Set.copyOf(groups);
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }

  /**
   * Reads the claims of an access token that the container has already verified (signature, issuer,
   * expiry): the payload is only decoded here, never trusted on its own.
   *
   * <p>Claims Keycloak leaves out when they are empty (groups, staff number…) become empty values.
   */
  public static Identity fromVerifiedAccessToken(String compactJwt) {
    var parts = compactJwt == null ? new String[0] : compactJwt.split("\\.");
    if (parts.length < 2) {
      throw new IllegalArgumentException("Not a JSON Web Token");
    }
    var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    try (var reader = Jsonp.reader(new StringReader(payload))) {
      return fromClaims(reader.readObject());
    }
  }

  /** Reads the claims that Upskill's Keycloak realm puts into its tokens. */
  public static Identity fromClaims(JsonObject claims) {
    var realmAccess = claims.get("realm_access");
    var roles =
        realmAccess != null && realmAccess.getValueType() == JsonValue.ValueType.OBJECT
            ? strings(realmAccess.asJsonObject(), "roles")
            : Set.<String>of();
    return new Identity(
        claims.getString("sub", null),
        claims.getString("preferred_username", null),
        claims.getString("name", null),
        claims.getString("email", null),
        claims.getString("organisation", null),
        claims.getString("staff_group", null),
        claims.getString("job_role", null),
        claims.getString("staff_number", null),
        strings(claims, "groups"),
        roles);
  }

  private static Set<String> strings(JsonObject json, String key) {
    var value = json.get(key);
    if (value == null) {
      return Set.of();
    }
    var found = new LinkedHashSet<String>();
    switch (value.getValueType()) {
      case STRING -> found.add(((JsonString) value).getString());
      case ARRAY ->
          value.asJsonArray().stream()
              .filter(JsonString.class::isInstance)
              .map(v -> ((JsonString) v).getString())
              .forEach(found::add);
      default -> {
        // another shape means the claim is not ours: ignore it
      }
    }
    return found;
  }

  /** Whether the token holds this realm role. */
  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  /** The name to show: the display name, else the username, else the subject. */
  public String nameToShow() {
    if (displayName != null) {
      return displayName;
    }
    return username != null ? username : subject;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

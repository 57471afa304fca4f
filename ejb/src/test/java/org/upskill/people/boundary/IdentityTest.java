package org.upskill.people.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityTest {

  private static String jwt(String payloadJson) {
    var encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + encoder.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + ".signature";
  }

  @Test
  void readsUpskillsClaimsFromAnAccessToken() {
    var identity =
        Identity.fromVerifiedAccessToken(
            jwt(
                """
                {"sub":"6221cabd","preferred_username":"learner","name":"Priya Shah",
                 "email":"priya.shah@example.org","groups":["NHS staff"],
                 "organisation":"Northshire Teaching Hospitals NHS Foundation Trust",
                 "staff_group":"Nursing and midwifery","job_role":"Staff nurse",
                 "staff_number":"NTH-100234",
                 "realm_access":{"roles":["default-roles-upskill","learner","offline_access"]}}
                """));

    assertEquals("6221cabd", identity.subject());
    assertEquals("learner", identity.username());
    assertEquals("Priya Shah", identity.nameToShow());
    assertEquals("Northshire Teaching Hospitals NHS Foundation Trust", identity.organisation());
    assertEquals("Nursing and midwifery", identity.staffGroup());
    assertEquals("NTH-100234", identity.staffNumber());
    assertEquals(Set.of("NHS staff"), identity.groups());
    assertTrue(identity.hasRole("learner"));
    assertFalse(identity.hasRole("admin"));
  }

  @Test
  void claimsKeycloakLeavesOutBecomeEmpty() {
    var identity =
        Identity.fromVerifiedAccessToken(
            jwt("{\"sub\":\"abc\",\"preferred_username\":\"service-account-hr-demo\"}"));

    assertEquals(Set.of(), identity.groups());
    assertEquals(Set.of(), identity.roles());
    assertNull(identity.staffNumber());
    assertEquals("service-account-hr-demo", identity.nameToShow(), "falls back to the username");
  }

  @Test
  void aTokenWithoutSubjectOrNotAJwtIsRefused() {
    assertThrows(
        NullPointerException.class,
        () -> Identity.fromVerifiedAccessToken(jwt("{\"name\":\"x\"}")));
    assertThrows(
        IllegalArgumentException.class, () -> Identity.fromVerifiedAccessToken("nonsense"));
  }
}

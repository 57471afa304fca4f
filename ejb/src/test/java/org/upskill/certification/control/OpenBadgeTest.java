package org.upskill.certification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.json.Json;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenBadgeTest {

  static RSAKey key;
  static RSAKey other;

  @BeforeAll
  static void keys() throws Exception {
    key =
        new RSAKeyGenerator(2048)
            .keyUse(KeyUse.SIGNATURE)
            .algorithm(JWSAlgorithm.RS256)
            .keyIDFromThumbprint(true)
            .generate();
    other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
  }

  static final Instant FROM = Instant.parse("2026-11-30T10:00:00Z");
  static final Instant UNTIL = Instant.parse("2027-12-01T00:00:00Z");

  static OpenBadge.Claims claims() {
    return new OpenBadge.Claims(
        "urn:uuid:1c2d3e4f-0000-4000-8000-000000000001",
        "https://upskill.example/api/v1/issuer",
        "Upskill",
        "https://upskill.example/",
        "Priya Shah",
        "https://upskill.example/courses/GDPR-DS#version-1",
        "GDPR for data scientists",
        "UK GDPR for people who handle patient data.",
        "Completed every required lesson and quiz.",
        FROM,
        UNTIL);
  }

  @Test
  void theCredentialIsAnOpenBadgeCredentialWithTheRequiredParts() throws Exception {
    var token = OpenBadge.sign(claims(), key);
    var jws = JWSObject.parse(token);
    assertEquals(JWSAlgorithm.RS256, jws.getHeader().getAlgorithm());
    assertEquals(key.getKeyID(), jws.getHeader().getKeyID());
    var payload = Json.createReader(new StringReader(jws.getPayload().toString())).readObject();
    assertEquals(
        List.of(OpenBadge.VC_CONTEXT, OpenBadge.OB_CONTEXT),
        payload.getJsonArray("@context").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals(
        List.of("VerifiableCredential", "OpenBadgeCredential"),
        payload.getJsonArray("type").getValuesAs(jakarta.json.JsonString::getString));
    assertEquals("Profile", payload.getJsonObject("issuer").getJsonArray("type").getString(0));
    assertEquals("2026-11-30T10:00:00Z", payload.getString("validFrom"));
    assertEquals("2027-12-01T00:00:00Z", payload.getString("validUntil"));
    assertEquals(FROM.getEpochSecond(), payload.getJsonNumber("nbf").longValue());
    assertEquals(UNTIL.getEpochSecond(), payload.getJsonNumber("exp").longValue());
    assertEquals(payload.getString("id"), payload.getString("jti"));
    var achievement = payload.getJsonObject("credentialSubject").getJsonObject("achievement");
    assertEquals("GDPR for data scientists", achievement.getString("name"));
    assertTrue(achievement.getJsonObject("criteria").containsKey("narrative"));
    assertEquals(
        "Priya Shah",
        payload
            .getJsonObject("credentialSubject")
            .getJsonArray("identifier")
            .getJsonObject(0)
            .getString("identityHash"));
  }

  @Test
  void theSignatureHoldsWithThePublicKeyAndNotWithAnotherKey() {
    var token = OpenBadge.sign(claims(), key);
    var check = OpenBadge.check(token, key.toPublicJWK(), Instant.parse("2027-01-01T00:00:00Z"));
    assertTrue(check.signatureValid());
    assertTrue(check.withinDates());
    assertEquals("urn:uuid:1c2d3e4f-0000-4000-8000-000000000001", check.credentialId());
    assertFalse(
        OpenBadge.check(token, other.toPublicJWK(), Instant.parse("2027-01-01T00:00:00Z"))
            .signatureValid());
  }

  @Test
  void changingAnyOneCharacterBreaksTheSignature() {
    var token = OpenBadge.sign(claims(), key);
    var now = Instant.parse("2027-01-01T00:00:00Z");
    // a character in the payload, one in the signature, one in the header
    var payloadAt = token.indexOf('.') + 10;
    for (var at : List.of(5, payloadAt, token.length() - 5)) {
      var chars = token.toCharArray();
      chars[at] = chars[at] == 'A' ? 'B' : 'A';
      var check = OpenBadge.check(new String(chars), key.toPublicJWK(), now);
      assertFalse(check.signatureValid(), "changed at " + at + ": " + check);
    }
    assertFalse(OpenBadge.check("not a token", key.toPublicJWK(), now).signatureValid());
  }

  @Test
  void datesAreChecked() {
    var token = OpenBadge.sign(claims(), key);
    var before = OpenBadge.check(token, key.toPublicJWK(), FROM.minusSeconds(1));
    var after = OpenBadge.check(token, key.toPublicJWK(), UNTIL);
    assertTrue(before.signatureValid());
    assertFalse(before.withinDates());
    assertEquals("Not valid yet.", before.problem());
    assertFalse(after.withinDates());
    assertEquals("Expired.", after.problem());
  }
}

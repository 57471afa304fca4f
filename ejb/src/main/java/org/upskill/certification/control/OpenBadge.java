package org.upskill.certification.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.text.ParseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.upskill.platform.control.Jsonp;

/**
 * Open Badges 3.0 credentials: an {@code OpenBadgeCredential} (issuer Profile, validFrom /
 * validUntil, a subject named by an identity object, the achievement with its criteria), secured as
 * a VC-JWT (OB 3.0 §8.2): the JWT's payload is the credential itself with {@code iss}, {@code jti},
 * {@code nbf} and {@code exp} beside it, signed RS256 with the issuer's key ({@code kid} names it
 * in the JWKS).
 */
public final class OpenBadge {

  /** The contexts every OB 3.0 credential names (their documents are served by the API). */
  public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

  public static final String OB_CONTEXT =
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

  /** What the credential says. */
  public record Claims(
      String credentialId,
      String issuerId,
      String issuerName,
      String issuerUrl,
      String holderName,
      String achievementId,
      String achievementName,
      String achievementDescription,
      String criteria,
      Instant validFrom,
      Instant validUntil) {}

  /** What a check of a credential found. */
  public record Check(
      boolean signatureValid,
      boolean withinDates,
      String credentialId,
      Instant validFrom,
      Instant validUntil,
      String problem) {}

  private OpenBadge() {}

  /** The credential as JSON (unsigned). */
  public static JsonObject credential(Claims claims) {
    var subject =
        Jsonp.objectBuilder()
            .add("type", Jsonp.arrayBuilder(java.util.List.of("AchievementSubject")))
            .add(
                "identifier",
                Jsonp.arrayBuilder()
                    .add(
                        Jsonp.objectBuilder()
                            .add("type", "IdentityObject")
                            .add("identityHash", claims.holderName())
                            .add("identityType", "name")
                            .add("hashed", false)))
            .add(
                "achievement",
                Jsonp.objectBuilder()
                    .add("id", claims.achievementId())
                    .add("type", Jsonp.arrayBuilder(java.util.List.of("Achievement")))
                    .add("name", claims.achievementName())
                    .add("description", claims.achievementDescription())
                    .add("criteria", Jsonp.objectBuilder().add("narrative", claims.criteria())));
    var credential =
        Jsonp.objectBuilder()
            .add("@context", Jsonp.arrayBuilder(java.util.List.of(VC_CONTEXT, OB_CONTEXT)))
            .add("id", claims.credentialId())
            .add(
                "type",
                Jsonp.arrayBuilder(
                    java.util.List.of("VerifiableCredential", "OpenBadgeCredential")))
            .add("name", claims.achievementName())
            .add(
                "issuer",
                Jsonp.objectBuilder()
                    .add("id", claims.issuerId())
                    .add("type", Jsonp.arrayBuilder(java.util.List.of("Profile")))
                    .add("name", claims.issuerName())
                    .add("url", claims.issuerUrl()))
            .add("validFrom", claims.validFrom().toString())
            .add("credentialSubject", subject);
    if (claims.validUntil() != null) {
      credential.add("validUntil", claims.validUntil().toString());
    }
    return credential.build();
  }

  /** The credential signed as a compact VC-JWT. */
  public static String sign(Claims claims, RSAKey key) {
    var payload = Jsonp.objectBuilder(credential(claims));
    payload.add("iss", claims.issuerId());
    payload.add("jti", claims.credentialId());
    payload.add("nbf", claims.validFrom().getEpochSecond());
    if (claims.validUntil() != null) {
      payload.add("exp", claims.validUntil().getEpochSecond());
    }
    var header =
        new JWSHeader.Builder(JWSAlgorithm.RS256)
            .type(JOSEObjectType.JWT)
            .keyID(key.getKeyID())
            .build();
    var jws = new JWSObject(header, new Payload(payload.build().toString()));
    try {
      jws.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("The credential could not be signed", e);
    }
    return jws.serialize();
  }

  /**
   * Checks a compact VC-JWT against the issuer's public key and the clock: the signature, the key
   * it names, and that {@code now} lies between validFrom and validUntil.
   */
  public static Check check(String token, RSAKey publicKey, Instant now) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(token.strip());
    } catch (ParseException e) {
      return new Check(false, false, null, null, null, "This is not a signed credential (JWS).");
    }
    if (!JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm())) {
      return new Check(false, false, null, null, null, "The credential is not signed with RS256.");
    }
    if (!publicKey.getKeyID().equals(jws.getHeader().getKeyID())) {
      return new Check(false, false, null, null, null, "The credential names another key.");
    }
    boolean valid;
    try {
      valid = jws.verify(new RSASSAVerifier(publicKey));
    } catch (JOSEException e) {
      valid = false;
    }
    if (!valid) {
      return new Check(false, false, null, null, null, "The signature does not match.");
    }
    JsonObject payload;
    try (var reader = Jsonp.reader(new StringReader(jws.getPayload().toString()))) {
      payload = reader.readObject();
    } catch (RuntimeException e) {
      return new Check(true, false, null, null, null, "The credential is not JSON.");
    }
    try {
      var from = Instant.parse(payload.getString("validFrom"));
      var until =
          Optional.ofNullable(payload.getString("validUntil", null))
              .map(Instant::parse)
              .orElse(null);
      var within = !now.isBefore(from) && (until == null || now.isBefore(until));
      return new Check(
          true,
          within,
          payload.getString("id", null),
          from,
          until,
          within ? null : now.isBefore(from) ? "Not valid yet." : "Expired.");
    } catch (DateTimeParseException | ClassCastException | NullPointerException e) {
      return new Check(true, false, null, null, null, "The credential's dates are not readable.");
    }
  }
}

package org.upskill.integration.control;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signatures: {@code Upskill-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body"
 * with the subscription's secret>}. Receivers recompute it and compare in constant time, and refuse
 * old timestamps (replays).
 */
public final class WebhookSignature {

  public static final String HEADER = "Upskill-Signature";

  private WebhookSignature() {}

  /** The header's value for this body at this time. */
  public static String sign(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  /**
   * Whether a header's value is the signature of this body, made at most {@code tolerance} before
   * {@code nowSeconds}.
   */
  public static boolean verify(
      String secret, String header, String body, long nowSeconds, Duration tolerance) {
    if (header == null) {
      return false;
    }
    long t = -1;
    String v1 = null;
    for (var part : header.split(",")) {
      var kv = part.strip().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t") && kv[1].matches("\\d{1,12}")) {
        t = Long.parseLong(kv[1]);
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t < 0 || v1 == null || Math.abs(nowSeconds - t) > tolerance.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(
        hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }

  private static String hmac(String secret, String message) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The wait before attempt {@code n + 1} after {@code n} failures: base × 2^(n−1), at most 1 h.
   */
  public static Duration backoff(Duration base, int failures) {
    var factor = 1L << Math.min(20, Math.max(0, failures - 1));
    var wait = base.multipliedBy(factor);
    return wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
  }
}

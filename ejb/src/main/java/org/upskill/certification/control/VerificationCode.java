package org.upskill.certification.control;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Verification codes: 16 characters of Crockford's base32 (digits and letters without I, L, O and
 * U), 80 random bits — too many to guess, short enough to type from paper. Shown in groups of four
 * ({@code 7KQ2-M9XD-4HTA-0PZE}); read back forgivingly (case, spaces and hyphens ignored, O read as
 * zero, I and L as one).
 */
public final class VerificationCode {

  static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  public static final int LENGTH = 16;

  private static final SecureRandom RANDOM = new SecureRandom();

  private VerificationCode() {}

  /** A new random code. */
  public static String generate() {
    var code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The public verification page of a code (the QR code's target). */
  public static String pageUrl(String baseUrl, String code) {
    return baseUrl + "/verify/" + code;
  }

  /** The code as people read it: four groups of four. */
  public static String display(String code) {
    return code.substring(0, 4)
        + "-"
        + code.substring(4, 8)
        + "-"
        + code.substring(8, 12)
        + "-"
        + code.substring(12, 16);
  }

  /**
   * The code someone typed or scanned, in its stored form; empty when it cannot be a code at all
   * (wrong length or characters), so that nothing is looked up for it.
   */
  public static Optional<String> normalise(String typed) {
    if (typed == null || typed.length() > 64) {
      return Optional.empty();
    }
    var code =
        typed
            .toUpperCase(Locale.ROOT)
            .replaceAll("[\\s-]", "")
            .replace('O', '0')
            .replace('I', '1')
            .replace('L', '1');
    if (code.length() != LENGTH) {
      return Optional.empty();
    }
    for (var c : code.toCharArray()) {
      if (ALPHABET.indexOf(c) < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(code);
  }
}

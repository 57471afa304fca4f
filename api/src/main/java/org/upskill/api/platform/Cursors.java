package org.upskill.api.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque paging cursors: {@code <kind>:<number>} in base64url, so that a client passes them back as
 * they came and a cursor of one list is not taken for another's.
 */
public final class Cursors {

  private Cursors() {}

  /** The cursor that continues after {@code number} in a list of this kind. */
  public static String encode(String kind, long number) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((kind + ":" + number).getBytes(StandardCharsets.US_ASCII));
  }

  /** The number a cursor of this kind continues after, or -1 when it is not one. */
  public static long decode(String kind, String cursor) {
    try {
      var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      var prefix = kind + ":";
      if (!text.startsWith(prefix) || !text.substring(prefix.length()).matches("\\d{1,18}")) {
        return -1;
      }
      return Long.parseLong(text.substring(prefix.length()));
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }
}

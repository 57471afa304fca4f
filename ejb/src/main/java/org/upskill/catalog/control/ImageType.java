package org.upskill.catalog.control;

import java.util.Optional;

/**
 * What an uploaded file really is, from its first bytes (never from its name or the browser's
 * claim): PNG, JPEG, GIF or WebP. Anything else — SVG (which can carry script), HTML, PDF, an
 * executable renamed .png — is refused.
 */
public final class ImageType {

  private ImageType() {}

  /** The image's media type, or empty when the bytes are not one of the accepted formats. */
  public static Optional<String> of(byte[] bytes) {
    if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of("image/png");
    }
    if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
      return Optional.of("image/jpeg");
    }
    if (starts(bytes, 'G', 'I', 'F', '8')) {
      return Optional.of("image/gif");
    }
    if (bytes.length >= 12
        && starts(bytes, 'R', 'I', 'F', 'F')
        && bytes[8] == 'W'
        && bytes[9] == 'E'
        && bytes[10] == 'B'
        && bytes[11] == 'P') {
      return Optional.of("image/webp");
    }
    return Optional.empty();
  }

  private static boolean starts(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}

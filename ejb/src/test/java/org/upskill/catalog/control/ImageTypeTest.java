package org.upskill.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImageTypeTest {

  static byte[] bytes(int... values) {
    var result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  @Test
  void recognisesTheFourFormatsByTheirFirstBytes() {
    assertEquals(
        Optional.of("image/png"),
        ImageType.of(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0)));
    assertEquals(Optional.of("image/jpeg"), ImageType.of(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
    assertEquals(
        Optional.of("image/gif"), ImageType.of("GIF89a...".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.of("image/webp"),
        ImageType.of("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void refusesSvgHtmlAndRenamedFiles() {
    for (var text :
        new String[] {
          "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
          "<!DOCTYPE html><script>alert(1)</script>",
          "%PDF-1.7",
          "MZ\u0090\0",
          "",
          "RIFF\0\0\0\0WAVE"
        }) {
      assertTrue(ImageType.of(text.getBytes(StandardCharsets.ISO_8859_1)).isEmpty(), text);
    }
  }
}

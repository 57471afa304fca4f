package org.upskill.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1970-01-01T00:00:00Z",
        "2026-11-30T10:15:30Z",
        "2026-11-30T10:15:30.100Z",
        "2026-11-30T10:15:30.123Z",
        "2026-11-30T10:15:30.000100Z",
        "2026-11-30T10:15:30.123456Z",
        "2026-11-30T10:15:30.000000001Z",
        "2026-11-30T10:15:30.123456789Z",
        "2024-02-29T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999Z",
        "1969-12-31T23:59:59.5Z",
        "0999-03-04T05:06:07Z"
      })
  void writesWhatInstantToStringWrites(String text) {
    var instant = Instant.parse(text);
    assertEquals(instant.toString(), IsoInstants.format(instant));
  }

  @Test
  void yearsOutsideFourDigitsAreLeftToInstant() {
    for (var instant :
        new Instant[] {
          Instant.parse("+10000-01-01T00:00:00Z"),
          Instant.parse("-0001-12-31T23:59:59Z"),
          Instant.MIN,
          Instant.MAX
        }) {
      assertEquals(instant.toString(), IsoInstants.format(instant));
    }
  }

  @Test
  void agreesWithInstantOnRandomInstants() {
    var random = new SplittableRandom(20261130);
    long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 200_000; i++) {
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      var instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nanos);
      assertEquals(instant.toString(), IsoInstants.format(instant));
    }
  }
}

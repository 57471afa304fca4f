package org.upskill.certification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {

  @Test
  void codesAreSixteenCharactersOfTheAlphabetAndDoNotRepeat() {
    var seen = new HashSet<String>();
    for (int i = 0; i < 10_000; i++) {
      var code = VerificationCode.generate();
      assertEquals(16, code.length());
      assertTrue(code.chars().allMatch(c -> VerificationCode.ALPHABET.indexOf(c) >= 0), code);
      assertTrue(seen.add(code), "repeated " + code);
    }
    assertNotEquals(VerificationCode.generate(), VerificationCode.generate());
  }

  @Test
  void typedCodesAreReadForgivingly() {
    assertEquals("7KQ2M9XD4HTA0PZE", VerificationCode.display("7KQ2M9XD4HTA0PZE").replace("-", ""));
    assertEquals("7KQ2-M9XD-4HTA-0PZE", VerificationCode.display("7KQ2M9XD4HTA0PZE"));
    assertEquals(
        Optional.of("7KQ2M9XD4HTA0PZE"), VerificationCode.normalise(" 7kq2-m9xd 4hta-oPZE "));
    assertEquals(Optional.of("1111222233334444"), VerificationCode.normalise("IiLl222233334444"));
  }

  @Test
  void whatCannotBeACodeIsNotLookedUp() {
    assertEquals(Optional.empty(), VerificationCode.normalise(null));
    assertEquals(Optional.empty(), VerificationCode.normalise("7KQ2M9XD4HTA0PZ"));
    assertEquals(Optional.empty(), VerificationCode.normalise("7KQ2M9XD4HTA0PZEE"));
    assertEquals(Optional.empty(), VerificationCode.normalise("7KQ2M9XD4HTA0PZU"));
    assertEquals(Optional.empty(), VerificationCode.normalise("' OR 1=1 --'aaaaaaaa"));
    assertEquals(Optional.empty(), VerificationCode.normalise("x".repeat(100)));
  }
}

package org.upskill.api.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressCheckTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cursor=%zz%",
        "a=%",
        "a=%4",
        "q=%C3",
        "q=%FF%FE",
        "q=%00",
        "q=a%0Ab",
        "/api/v1/courses/%g1"
      })
  void malformedEscapesAreRefused(String part) {
    assertTrue(AddressCheck.problem(part).isPresent(), part);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cursor=djE6MTA%3D",
        "q=caf%C3%A9",
        "q=python",
        "/api/v1/courses/PY-CLIN",
        "a=%25"
      })
  void wellFormedAddressesPass(String part) {
    assertEquals(Optional.empty(), AddressCheck.problem(part));
  }
}

package org.upskill.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RefusalTest {

  @Test
  void eachReasonHasItsHttpStatus() {
    assertEquals(404, Refusal.Reason.NOT_FOUND.status());
    assertEquals(403, Refusal.Reason.FORBIDDEN.status());
    assertEquals(409, Refusal.Reason.CONFLICT.status());
    assertEquals(503, Refusal.Reason.UNAVAILABLE.status());
  }

  @Test
  void outsideATransactionNotFoundMeansNotFound() {
    var refusal = Refusal.notFound("There is no such attempt.");
    assertEquals(Refusal.Reason.NOT_FOUND, refusal.reason());
    assertEquals("There is no such attempt.", refusal.getMessage());
  }
}

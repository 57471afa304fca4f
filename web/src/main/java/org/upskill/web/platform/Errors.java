package org.upskill.web.platform;

import org.upskill.platform.boundary.Refusal;

/** HTTP statuses for the core's refusals. */
public final class Errors {

  private Errors() {}

  public static int status(Refusal refusal) {
    return refusal.reason().status();
  }
}

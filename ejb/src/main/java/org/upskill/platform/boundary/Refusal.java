package org.upskill.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A request that breaks a rule, refused with words a person can act on. The web and API layers turn
 * the {@link Reason} into an HTTP status (404, 403, 409) and show the message. Nothing is changed:
 * the transaction rolls back.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

  /** Why, in HTTP's terms. */
  public enum Reason {
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT
  }

  private final Reason reason;

  public Refusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public static Refusal notFound(String message) {
    return new Refusal(Reason.NOT_FOUND, message);
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Reason.FORBIDDEN, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Reason.CONFLICT, message);
  }
}

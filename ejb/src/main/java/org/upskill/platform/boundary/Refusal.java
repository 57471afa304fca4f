package org.upskill.platform.boundary;

import jakarta.ejb.ApplicationException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A request that breaks a rule, refused with words a person can act on. The web and API layers turn
 * the {@link Reason} into its HTTP status ({@link Reason#status()}) and show the message. Nothing
 * is changed: the transaction rolls back.
 *
 * <p>A "not found" is only believed while the transaction is healthy. Hibernate's {@code
 * EntityManager.find} answers {@code null} instead of throwing when a JDBC error hits a transaction
 * that is already marked for rollback (HHH-12472, for WildFly's IronJacamar, which marks the
 * transaction when a pooled connection breaks): a database node dying under a request would
 * otherwise read as "there is no such attempt". {@link #notFound} therefore answers {@link
 * Reason#UNAVAILABLE} (503, try again) when the current transaction is marked for rollback.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

  /** What a client is told when the database failed under its request. */
  public static final String DATABASE_UNAVAILABLE =
      "Upskill could not reach its database just now, so nothing was changed. Try again in a few"
          + " seconds.";

  /** Why, in HTTP's terms. */
  public enum Reason {
    NOT_FOUND(404),
    FORBIDDEN(403),
    CONFLICT(409),
    /** The database failed under the request: nothing was changed, the client may try again. */
    UNAVAILABLE(503);

    private final int status;

    Reason(int status) {
      this.status = status;
    }

    /** The HTTP status that answers this reason. */
    public int status() {
      return status;
    }
  }

  private final Reason reason;

  public Refusal(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /**
   * Nothing of that name or number (or not this caller's): 404 — or 503 when the transaction is
   * already doomed, because then the lookup that found nothing may have failed (see the class).
   */
  public static Refusal notFound(String message) {
    return transactionDoomed()
        ? new Refusal(Reason.UNAVAILABLE, DATABASE_UNAVAILABLE)
        : new Refusal(Reason.NOT_FOUND, message);
  }

  public static Refusal forbidden(String message) {
    return new Refusal(Reason.FORBIDDEN, message);
  }

  public static Refusal conflict(String message) {
    return new Refusal(Reason.CONFLICT, message);
  }

  /** Whether the caller's transaction is marked for rollback (false outside a container). */
  static boolean transactionDoomed() {
    try {
      var registry =
          (TransactionSynchronizationRegistry)
              new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
      return registry.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK;
    } catch (NamingException | RuntimeException outsideAContainer) {
      return false;
    }
  }
}

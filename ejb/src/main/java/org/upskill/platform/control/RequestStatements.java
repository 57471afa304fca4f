package org.upskill.platform.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Counts the SQL statements one request runs, on the thread that serves it.
 *
 * <p>{@link StatementCountFilter} opens a count for a request (only when {@code
 * UPSKILL_DIAGNOSTICS_STATEMENT_COUNT} is on); {@link CountingStatementInspector} adds every
 * statement Hibernate prepares on that thread, and the code that uses plain JDBC ({@link #prepare})
 * adds its own. Statements of other threads (the clocks, the webhook dispatcher, other requests)
 * never count, because they have no count open. With no count open this costs one {@link
 * ThreadLocal} read per statement.
 */
public final class RequestStatements {

  private static final ThreadLocal<Count> CURRENT = new ThreadLocal<>();

  private RequestStatements() {}

  /** The statements counted since {@link #open()}, until {@link #close()}. */
  public static final class Count implements AutoCloseable {

    private final Count outer;
    private int statements;

    private Count(Count outer) {
      this.outer = outer;
    }

    /** The statements counted so far. */
    public int statements() {
      return statements;
    }

    /** Stops counting on this thread (an outer count, if any, counts again). */
    @Override
    public void close() {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * Starts counting the statements of this thread. An inner count (a request dispatched within
   * another) adds to the outer one too.
   */
  public static Count open() {
    var count = new Count(CURRENT.get());
    CURRENT.set(count);
    return count;
  }

  /** Adds one statement to the counts open on this thread, if any. */
  public static void counted() {
    for (var count = CURRENT.get(); count != null; count = count.outer) {
      count.statements++;
    }
  }

  /** {@code connection.prepareStatement(sql)}, counted: for the code that reads with plain JDBC. */
  public static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    counted();
    return connection.prepareStatement(sql);
  }
}

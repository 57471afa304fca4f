package org.upskill.platform.control;

import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Hibernate calls this once for every statement it prepares (queries, inserts, updates, deletes,
 * native queries; a JDBC batch once); it adds it to the request's {@link RequestStatements count}
 * and changes nothing. Configured in {@code persistence.xml} ({@code
 * hibernate.session_factory.statement_inspector}).
 */
public class CountingStatementInspector implements StatementInspector {

  @Override
  public String inspect(String sql) {
    RequestStatements.counted();
    return sql;
  }
}

package org.upskill.platform.control;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native queries, whatever type the driver (Connector/J, H2) hands back. */
public final class SqlValues {

  private SqlValues() {}

  /** A DATETIME(6) column (UTC) as an instant; {@code null} stays {@code null}. */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return local.atZone(ZoneOffset.UTC).toInstant();
    }
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    return (Instant) value;
  }

  /** A DATE column as a local date; {@code null} stays {@code null}. */
  public static java.time.LocalDate date(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof LocalDateTime local) {
      return local.toLocalDate();
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toLocalDateTime().toLocalDate();
    }
    return (java.time.LocalDate) value;
  }
}

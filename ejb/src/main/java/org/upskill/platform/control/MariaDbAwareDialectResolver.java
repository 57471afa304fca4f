package org.upskill.platform.control;

import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Tells Hibernate the truth about MariaDB when it is reached through MySQL Connector/J.
 *
 * <p>Connector/J reports every server as product "MySQL"; MariaDB announces itself as {@code
 * 5.5.5-10.11.x-MariaDB}, so Hibernate would pick an old MySQL dialect and turn newer SQL off. The
 * version string still carries the real server, so this resolver reads it and answers {@link
 * MariaDBDialect} with the real version. For every other database it answers {@code null}, which
 * lets Hibernate's standard resolution decide (MySQL 8.4, H2).
 */
public class MariaDbAwareDialectResolver implements DialectResolver {

  @Override
  public Dialect resolveDialect(DialectResolutionInfo info) {
    var version = mariaDbVersion(info.getDatabaseName(), info.getDatabaseVersion());
    return version == null ? null : new MariaDBDialect(version);
  }

  /**
   * The MariaDB version hidden in a server version string, or {@code null} when the server is not
   * MariaDB.
   */
  static DatabaseVersion mariaDbVersion(String productName, String productVersion) {
    if (productVersion == null || !productVersion.contains("MariaDB")) {
      return null;
    }
    if (productName != null
        && !productName.startsWith("MySQL")
        && !productName.startsWith("MariaDB")) {
      return null;
    }
    // "5.5.5-10.11.19-MariaDB-0+deb12u1" (replication prefix) or "10.11.19-MariaDB".
    var version =
        productVersion.startsWith("5.5.5-") ? productVersion.substring(6) : productVersion;
    var parts = version.split("[.-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      int micro = parts.length > 2 && parts[2].matches("\\d+") ? Integer.parseInt(parts[2]) : 0;
      return DatabaseVersion.make(major, minor, micro);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package org.upskill.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MariaDbAwareDialectResolverTest {

  @Test
  void readsTheRealMariaDbVersionBehindConnectorJsReplicationPrefix() {
    var version =
        MariaDbAwareDialectResolver.mariaDbVersion("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1");

    assertEquals(10, version.getDatabaseMajorVersion());
    assertEquals(11, version.getDatabaseMinorVersion());
    assertEquals(19, version.getDatabaseMicroVersion());
  }

  @Test
  void readsAPlainMariaDbVersion() {
    var version = MariaDbAwareDialectResolver.mariaDbVersion("MariaDB", "11.4.2-MariaDB");

    assertEquals(11, version.getDatabaseMajorVersion());
    assertEquals(4, version.getDatabaseMinorVersion());
  }

  @Test
  void leavesMySqlAndOtherDatabasesToHibernate() {
    assertNull(MariaDbAwareDialectResolver.mariaDbVersion("MySQL", "8.4.3"), "MySQL 8.4");
    assertNull(MariaDbAwareDialectResolver.mariaDbVersion("H2", "2.2.224 (2023-09-17)"), "H2");
    assertNull(MariaDbAwareDialectResolver.mariaDbVersion("MySQL", null), "no version");
  }
}

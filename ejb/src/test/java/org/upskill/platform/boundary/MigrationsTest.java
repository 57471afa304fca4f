package org.upskill.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void aSchemaWithOnlyTheClusterDiscoveryTableIsMigratedFromEmpty() {
    assertTrue(Migrations.onlyClusterTables(List.of("JGROUPSPING")));
    assertTrue(Migrations.onlyClusterTables(List.of("jgroupsping")), "whatever the case");
  }

  @Test
  void anyOtherSchemaIsLeftToFlywaysOwnChecks() {
    assertFalse(Migrations.onlyClusterTables(List.of()), "empty: Flyway migrates it anyway");
    assertFalse(
        Migrations.onlyClusterTables(List.of("JGROUPSPING", "flyway_schema_history")),
        "migrated before");
    assertFalse(
        Migrations.onlyClusterTables(List.of("JGROUPSPING", "customers")),
        "someone else's tables: Flyway refuses, as it should");
  }
}

package org.upskill.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.engine.spi.SessionFactoryImplementor;

/**
 * Brings the schema up to date when the application starts, then checks that the entities match it.
 *
 * <p>Flyway owns the schema; Hibernate never generates it. Hibernate's own validation would run
 * while the persistence unit boots, which is before any migration could have run on an empty
 * database, so the persistence unit is told to leave the schema alone and the same validation runs
 * here, after the migrations. A mismatch fails the deployment.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = "java:jboss/datasources/UpskillDS")
  DataSource dataSource;

  @PersistenceUnit EntityManagerFactory entityManagerFactory;

  /**
   * Tables that are not the application's but may be in its schema before the first migration: a
   * cluster member's JGroups creates its discovery table (JDBC_PING, ear/src/main/wildfly/
   * cluster.cli) when the server starts, before this deployment does.
   */
  static final Set<String> CLUSTER_TABLES = Set.of("jgroupsping");

  @PostConstruct
  void migrate() {
    var flyway =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration");
    if (onlyClusterTables(tables())) {
      // Flyway refuses a schema with tables but no history of its own. Holding nothing but the
      // cluster's discovery table, it is as good as empty: a baseline below every migration (0)
      // lets all of them run, as on an empty database.
      LOG.info("The schema holds only the cluster's discovery table: migrating it from empty");
      flyway
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .baselineDescription("cluster tables only");
    }
    var result = flyway.load().migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
    guardTheAuditLog();
    var sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    var dialect = sessionFactory.getJdbcServices().getDialect();
    LOG.info(
        () ->
            "Hibernate dialect " + dialect.getClass().getSimpleName() + " " + dialect.getVersion());
    sessionFactory.getSchemaManager().validateMappedObjects();
  }

  /** Whether the schema has tables, none of them Flyway's history and all of them the cluster's. */
  static boolean onlyClusterTables(Collection<String> tables) {
    return !tables.isEmpty()
        && tables.stream().allMatch(t -> CLUSTER_TABLES.contains(t.toLowerCase(Locale.ROOT)));
  }

  /** The tables in the schema of the connection (MySQL and MariaDB; none are looked for on H2). */
  private List<String> tables() {
    try (var connection = dataSource.getConnection()) {
      var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        return List.of();
      }
      var tables = new ArrayList<String>();
      try (var query =
              connection.prepareStatement(
                  "select table_name from information_schema.TABLES where table_schema = database()");
          var result = query.executeQuery()) {
        while (result.next()) {
          tables.add(result.getString(1));
        }
      }
      return tables;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Could not list the tables of the schema", e);
    }
  }

  /**
   * On MySQL and MariaDB, triggers that refuse any UPDATE or DELETE of the audit log, whoever sends
   * it. (On H2, the embedded demo database, a trigger would need a class inside the driver's
   * module; there the application's own code is the guard: nothing updates or deletes an entry.) A
   * database user without the right to create triggers gets a warning, not a failed start.
   */
  void guardTheAuditLog() {
    try (var connection = dataSource.getConnection()) {
      var product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
      if (!product.contains("mysql") && !product.contains("mariadb")) {
        return;
      }
      for (var operation : List.of("UPDATE", "DELETE")) {
        var name = "audit_entry_no_" + operation.toLowerCase(Locale.ROOT);
        try (var exists =
            connection.prepareStatement(
                "select count(*) from information_schema.TRIGGERS"
                    + " where TRIGGER_SCHEMA = database() and TRIGGER_NAME = ?")) {
          exists.setString(1, name);
          try (var result = exists.executeQuery()) {
            result.next();
            if (result.getInt(1) > 0) {
              continue;
            }
          }
        }
        try (var create = connection.createStatement()) {
          create.execute(
              "CREATE TRIGGER "
                  + name
                  + " BEFORE "
                  + operation
                  + " ON audit_entry FOR EACH ROW SIGNAL SQLSTATE '45000'"
                  + " SET MESSAGE_TEXT = 'The audit log is append-only'");
        }
        LOG.info(() -> "Audit log guarded against " + operation);
      }
    } catch (java.sql.SQLException e) {
      LOG.log(
          java.util.logging.Level.WARNING,
          "Could not create the audit log's guard triggers; the application still never changes"
              + " an entry",
          e);
    }
  }
}

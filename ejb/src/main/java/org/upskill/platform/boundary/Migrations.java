package org.upskill.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
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

  @PostConstruct
  void migrate() {
    var result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Database schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
    var sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
    var dialect = sessionFactory.getJdbcServices().getDialect();
    LOG.info(
        () ->
            "Hibernate dialect " + dialect.getClass().getSimpleName() + " " + dialect.getVersion());
    sessionFactory.getSchemaManager().validateMappedObjects();
  }
}

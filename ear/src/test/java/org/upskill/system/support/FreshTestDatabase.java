package org.upskill.system.support;

import java.sql.SQLException;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Drops and recreates the test database once, before the first system test runs, whatever order
 * Failsafe picks: a database left by an earlier run (with other migrations) must never decide the
 * outcome. Registered in {@code META-INF/services}; does nothing outside a Maven system-test run.
 */
public class FreshTestDatabase implements LauncherSessionListener {

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (System.getProperty("upskill.it.db.url") == null) {
      return;
    }
    try {
      TestDatabase.recreate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not recreate the test database", e);
    }
  }
}

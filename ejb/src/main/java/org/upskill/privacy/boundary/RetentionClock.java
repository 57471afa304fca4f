package org.upskill.privacy.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.platform.boundary.ScheduledJobs;

/**
 * Once a day, on whichever node claims it: retention's dry run is logged, and applied when {@code
 * UPSKILL_RETENTION_APPLY=true} (otherwise an admin applies it from {@code /admin/retention} after
 * reading the dry run).
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RetentionClock {

  private static final Logger LOG = Logger.getLogger(RetentionClock.class.getName());

  @Inject Retention retention;
  @Inject ScheduledJobs jobs;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "upskill.retention.apply", defaultValue = "false")
  boolean apply;

  @PostConstruct
  void schedule() {
    timers.createIntervalTimer(60_000, 3_600_000, new TimerConfig("retention-clock", false));
  }

  @Timeout
  void tick() {
    try {
      var today = LocalDate.now(ZoneOffset.UTC);
      if (!jobs.claim("retention-daily", today)) {
        return;
      }
      var report = apply ? retention.apply(AuditLog.Actor.system()) : retention.dryRun();
      LOG.info(
          () ->
              (apply
                      ? "Retention applied: "
                      : "Retention dry run (UPSKILL_RETENTION_APPLY=false): ")
                  + report.responses()
                  + " quiz answer(s) of "
                  + report.attempts()
                  + " attempt(s), "
                  + report.people().size()
                  + " inactive person(s)");
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Retention failed; tomorrow's run tries again", e);
    }
  }
}

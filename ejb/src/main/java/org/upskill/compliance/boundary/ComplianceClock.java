package org.upskill.compliance.boundary;

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
import java.time.DayOfWeek;
import java.time.temporal.TemporalAdjusters;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.platform.boundary.ScheduledJobs;

/**
 * Every {@code UPSKILL_COMPLIANCE_CLOCK_SECONDS} (600 by default) looks whether today's compliance
 * run was done; whichever node claims it first (see {@link ScheduledJobs}) runs it: everyone's
 * statuses recomputed (dates move on: compliant becomes due soon, due soon overdue), the learners'
 * reminders sent, and the managers' weekly digests (at the week's first run; each manager's digest
 * is recorded, so it goes once a week).
 */
@Singleton
@Startup
@DependsOn("Migrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ComplianceClock {

  private static final Logger LOG = Logger.getLogger(ComplianceClock.class.getName());
  static final String DAILY = "compliance-daily";

  @Inject Compliance compliance;
  @Inject Reminders reminders;
  @Inject ScheduledJobs jobs;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "upskill.compliance.clock-seconds", defaultValue = "600")
  long seconds;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    var interval = Math.max(1, seconds) * 1000;
    timers.createIntervalTimer(interval, interval, new TimerConfig("compliance-clock", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return; // the previous run is still going
    }
    try {
      var today = compliance.today();
      if (jobs.claim(DAILY, today)) {
        try {
          int enrolled = recomputeEveryone();
          int sent = reminders.send(reminders.learnerRemindersDue());
          // the digest of the week goes at the week's first run; one refused goes the next day
          var monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
          int digests = reminders.send(reminders.digestsDue(monday));
          LOG.info(
              () ->
                  "Compliance run of "
                      + today
                      + ": "
                      + enrolled
                      + " enrolment(s) made, "
                      + sent
                      + " reminder(s) and "
                      + digests
                      + " digest(s) sent");
        } catch (RuntimeException e) {
          jobs.release(DAILY, today);
          throw e;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "The compliance run failed; the next tick tries again", e);
    } finally {
      running.set(false);
    }
  }

  /** Everyone's statuses, 100 people per transaction; answers how many enrolments were made. */
  public int recomputeEveryone() {
    int changed = 0;
    long after = 0;
    while (true) {
      var people = compliance.peopleAfter(after, 100);
      if (people.isEmpty()) {
        return changed;
      }
      changed += compliance.recomputeAll(people);
      after = people.get(people.size() - 1);
    }
  }
}

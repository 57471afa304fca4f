package org.upskill.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/**
 * Jobs that must run once per period however many WildFly nodes there are: a node runs a job only
 * if it moves the job's {@code last_run_on} forward to the period's day, in one UPDATE. The row
 * lock makes the second node's UPDATE wait, then find the day already set and change nothing.
 *
 * <p>Each claim is counted, so that this can be seen on a cluster: the node adds one to its own
 * {@code scheduled_tick} row of the job (its {@code jboss.node.name}), and a claim that wins adds
 * one to the job's {@code runs}. Both nodes' ticks go up; the runs go up once a day.
 */
@Stateless
public class ScheduledJobs {

  /** This node's name in a cluster (the WildFly node name), for its tick counts. */
  static final String NODE =
      System.getProperty("jboss.node.name", System.getProperty("jboss.host.name", "node"));

  @PersistenceContext EntityManager em;

  /** Whether this node claimed the job for {@code day} (and so must run it). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claim(String job, LocalDate day) {
    // One row per job and node, written by that node alone: update, else (its first tick) insert
    var counted =
        em.createNativeQuery(
                "update scheduled_tick set ticks = ticks + 1, last_tick_at = current_timestamp(6)"
                    + " where job = ?1 and node = ?2")
            .setParameter(1, job)
            .setParameter(2, NODE)
            .executeUpdate();
    if (counted == 0) {
      em.createNativeQuery(
              "insert into scheduled_tick (job, node, ticks, last_tick_at)"
                  + " values (?1, ?2, 1, current_timestamp(6))")
          .setParameter(1, job)
          .setParameter(2, NODE)
          .executeUpdate();
    }
    return em.createNativeQuery(
                "update scheduled_job set last_run_on = ?2, runs = runs + 1 where name = ?1"
                    + " and (last_run_on is null or last_run_on < ?2)")
            .setParameter(1, job)
            .setParameter(2, day)
            .executeUpdate()
        == 1;
  }

  /** Gives a claimed day back after the run failed, so that the next tick tries again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(String job, LocalDate day) {
    em.createNativeQuery(
            "update scheduled_job set last_run_on = null, runs = runs - 1"
                + " where name = ?1 and last_run_on = ?2")
        .setParameter(1, job)
        .setParameter(2, day)
        .executeUpdate();
  }
}

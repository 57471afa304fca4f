package org.upskill.compliance.boundary;

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
 */
@Stateless
public class ScheduledJobs {

  @PersistenceContext EntityManager em;

  /** Whether this node claimed the job for {@code day} (and so must run it). */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claim(String job, LocalDate day) {
    return em.createNativeQuery(
                "update scheduled_job set last_run_on = ?2 where name = ?1"
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
            "update scheduled_job set last_run_on = null where name = ?1 and last_run_on = ?2")
        .setParameter(1, job)
        .setParameter(2, day)
        .executeUpdate();
  }
}

package org.upskill.assessment.boundary;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends attempts whose time is up, every 15 seconds, even when the learner has closed the browser.
 * Each attempt is ended in its own transaction under a row lock, so two nodes running this at once
 * (or a learner submitting at the same moment) grade it once.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttemptClock {

  private static final Logger LOG = Logger.getLogger(AttemptClock.class.getName());

  @Inject Quizzes quizzes;

  @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false)
  public void endOverdueAttempts() {
    int ended = 0;
    for (var id : quizzes.overdueAttempts(200)) {
      try {
        if (quizzes.closeIfOverdue(id)) {
          ended++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not end overdue attempt " + id, e);
      }
    }
    if (ended > 0) {
      LOG.info("Ended " + ended + " attempt(s) whose time was up");
    }
  }
}

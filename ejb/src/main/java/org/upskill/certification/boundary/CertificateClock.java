package org.upskill.certification.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Now and then (every {@code UPSKILL_CERTIFICATE_CLOCK_SECONDS}, 300 by default) certificates whose
 * expiry date has passed become expired, with a {@code certificate.expired} event each. Safe on
 * several nodes: rows are claimed with {@code SELECT … FOR UPDATE SKIP LOCKED}, so no certificate
 * expires twice. Verification does not wait for it: it judges the dates itself. The run holds no
 * transaction: each batch of 200 commits on its own. A run still busy when the next is due is not
 * doubled.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CertificateClock {

  private static final Logger LOG = Logger.getLogger(CertificateClock.class.getName());

  @Inject Certificates certificates;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "upskill.certificates.clock-seconds", defaultValue = "300")
  long seconds;

  @PostConstruct
  void schedule() {
    var interval = Math.max(1, seconds) * 1000;
    timers.createIntervalTimer(interval, interval, new TimerConfig("certificate-clock", false));
  }

  private final AtomicBoolean running = new AtomicBoolean();

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      int expired;
      do {
        expired = certificates.expireDue(200);
      } while (expired == 200);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Expiring certificates failed; the next run tries again", e);
    } finally {
      running.set(false);
    }
  }
}

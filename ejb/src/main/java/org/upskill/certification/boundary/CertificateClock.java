package org.upskill.certification.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Now and then (every {@code UPSKILL_CERTIFICATE_CLOCK_SECONDS}, 300 by default) certificates whose
 * expiry date has passed become expired, with a {@code certificate.expired} event each. Safe on
 * several nodes: rows are claimed with {@code SELECT … FOR UPDATE SKIP LOCKED}, so no certificate
 * expires twice. Verification does not wait for it: it judges the dates itself.
 */
@Singleton
@Startup
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

  @Timeout
  void tick() {
    try {
      int expired;
      do {
        expired = certificates.expireDue(200);
      } while (expired == 200);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Expiring certificates failed; the next run tries again", e);
    }
  }
}

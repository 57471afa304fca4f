package org.upskill.integration.boundary;

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
 * Every {@code UPSKILL_WEBHOOKS_INTERVAL_MILLIS} (1,000 by default) turns new outbox events into
 * deliveries and sends the deliveries that are due. Several nodes may run it at once: each step
 * claims rows with {@code SKIP LOCKED}. A run still busy when the next is due is not doubled. The
 * run holds no transaction: each step has its own.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class.getName());

  @Inject Webhooks webhooks;
  @Resource TimerService timers;

  @Inject
  @ConfigProperty(name = "upskill.webhooks.interval-millis", defaultValue = "1000")
  long interval;

  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void schedule() {
    var every = Math.max(100, interval);
    timers.createIntervalTimer(every, every, new TimerConfig("webhooks", false));
  }

  @Timeout
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      while (webhooks.fanOut(500) == 500) {
        // more waiting
      }
      for (var id : webhooks.due(100)) {
        webhooks.deliver(id);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook dispatch failed; the next run tries again", e);
    } finally {
      running.set(false);
    }
  }
}

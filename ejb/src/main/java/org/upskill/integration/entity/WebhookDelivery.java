package org.upskill.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event for one subscription: pending until the receiver says 2xx, or given up after 24 h. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

  public static final String PENDING = "PENDING";
  public static final String DELIVERED = "DELIVERED";
  public static final String FAILED = "FAILED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "subscription_id", nullable = false, updatable = false)
  private long subscriptionId;

  @Column(name = "outbox_id", nullable = false, updatable = false)
  private long outboxId;

  @Column(name = "event_id", nullable = false, length = 36, updatable = false)
  private String eventId;

  @Column(name = "event_type", nullable = false, length = 50, updatable = false)
  private String eventType;

  /** Whose event it is: one person's events go out in order. */
  @Column(name = "person_key", length = 100, updatable = false)
  private String personKey;

  @Column(nullable = false, length = 20)
  private String state = PENDING;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_status")
  private Integer lastStatus;

  @Column(name = "last_error", length = 1000)
  private String lastError;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "delivered_at")
  private Instant deliveredAt;

  protected WebhookDelivery() {}

  public WebhookDelivery(
      long subscriptionId,
      long outboxId,
      String eventId,
      String eventType,
      String personKey,
      Instant now) {
    this.subscriptionId = subscriptionId;
    this.outboxId = outboxId;
    this.eventId = eventId;
    this.eventType = eventType;
    this.personKey = personKey;
    this.createdAt = now;
    this.nextAttemptAt = now;
  }

  /** The receiver took it. */
  public void delivered(int status, Instant now) {
    attempts++;
    lastStatus = status;
    lastError = null;
    state = DELIVERED;
    deliveredAt = now;
  }

  /** It failed; try again at {@code next}, or give up when that is past the deadline. */
  public void failed(Integer status, String error, Instant next, Instant giveUpAt) {
    attempts++;
    lastStatus = status;
    lastError = error == null ? null : error.substring(0, Math.min(1000, error.length()));
    if (next.isAfter(giveUpAt)) {
      state = FAILED;
    } else {
      nextAttemptAt = next;
    }
  }

  public Long getId() {
    return id;
  }

  public long getSubscriptionId() {
    return subscriptionId;
  }

  public long getOutboxId() {
    return outboxId;
  }

  public String getEventId() {
    return eventId;
  }

  public String getEventType() {
    return eventType;
  }

  public String getState() {
    return state;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public Integer getLastStatus() {
    return lastStatus;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getDeliveredAt() {
    return deliveredAt;
  }
}

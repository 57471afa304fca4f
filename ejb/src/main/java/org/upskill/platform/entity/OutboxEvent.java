package org.upskill.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A domain event that leaves the system (course.completed, enrolment.changed…), written in the same
 * transaction as the change it reports; a dispatcher delivers it later, so nothing is lost.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(name = "event_id", nullable = false, updatable = false, length = 36)
  private String eventId;

  @Column(name = "event_type", nullable = false, updatable = false, length = 50)
  private String type;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "aggregate_type", nullable = false, updatable = false, length = 50)
  private String aggregateType;

  @Column(name = "aggregate_id", nullable = false, updatable = false, length = 100)
  private String aggregateId;

  @Column(nullable = false, updatable = false, length = 1_000_000)
  private String payload;

  protected OutboxEvent() {}

  public OutboxEvent(
      String type, String aggregateType, String aggregateId, String payload, Instant now) {
    this.eventId = UUID.randomUUID().toString();
    this.type = type;
    this.aggregateType = aggregateType;
    this.aggregateId = aggregateId;
    this.payload = payload;
    this.occurredAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getType() {
    return type;
  }

  public java.time.Instant getOccurredAt() {
    return occurredAt;
  }

  public String getAggregateType() {
    return aggregateType;
  }

  public String getAggregateId() {
    return aggregateId;
  }

  public String getPayload() {
    return payload;
  }
}

package org.upskill.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** An HR client's webhook: where to send which events, and the secret that signs them. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription {

  public static final String ACTIVE = "ACTIVE";
  public static final String PAUSED = "PAUSED";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "client_id", nullable = false, updatable = false)
  private String clientId;

  @Column(nullable = false, length = 2000, updatable = false)
  private String url;

  @Column(nullable = false, updatable = false)
  private String secret;

  /** Comma-separated event types, or {@code *} for all. */
  @Column(name = "event_types", nullable = false, length = 1000, updatable = false)
  private String eventTypes;

  @Column(nullable = false, length = 20)
  private String state = ACTIVE;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Version private long version;

  protected WebhookSubscription() {}

  public WebhookSubscription(
      String clientId, String url, String secret, List<String> eventTypes, Instant now) {
    this.clientId = clientId;
    this.url = url;
    this.secret = secret;
    this.eventTypes = String.join(",", eventTypes);
    this.createdAt = now;
  }

  public boolean wants(String type) {
    return eventTypes.equals("*") || Arrays.asList(eventTypes.split(",")).contains(type);
  }

  public void pause() {
    state = PAUSED;
  }

  public void resume() {
    state = ACTIVE;
  }

  public Long getId() {
    return id;
  }

  public String getClientId() {
    return clientId;
  }

  public String getUrl() {
    return url;
  }

  public String getSecret() {
    return secret;
  }

  public List<String> getEventTypes() {
    return List.of(eventTypes.split(","));
  }

  public String getState() {
    return state;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}

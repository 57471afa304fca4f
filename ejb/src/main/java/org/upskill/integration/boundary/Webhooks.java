package org.upskill.integration.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.integration.control.WebhookAddresses;
import org.upskill.integration.control.WebhookCall;
import org.upskill.integration.control.WebhookSignature;
import org.upskill.integration.entity.WebhookDelivery;
import org.upskill.integration.entity.WebhookSubscription;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.Jsonp;
import org.upskill.platform.control.SqlValues;
import org.upskill.platform.entity.OutboxEvent;

/**
 * Webhooks for HR clients: subscriptions (a client sees and changes only its own), the fan-out of
 * outbox events into deliveries, and the delivery of one due event — signed, retried with growing
 * waits for 24 hours, one person's events strictly in order. Every step claims its rows with {@code
 * FOR UPDATE SKIP LOCKED}, so several nodes share the work without sending anything twice at once;
 * a node killed mid-delivery leaves the delivery pending, and it is sent again (at least once:
 * receivers drop duplicates by event id).
 */
@Stateless
public class Webhooks {

  /** The event types a subscription may ask for. */
  public static final Set<String> EVENT_TYPES =
      Set.of(
          "enrolment.created",
          "enrolment.changed",
          "course.completed",
          "certificate.issued",
          "certificate.renewed",
          "certificate.expired",
          "certificate.revoked",
          "compliance.changed");

  /** A subscription as its client sees it (never with its secret). */
  public record SubscriptionView(
      long id,
      String clientId,
      String url,
      List<String> eventTypes,
      String state,
      Instant createdAt) {}

  /** A line of a subscription's delivery log. */
  public record DeliveryView(
      long id,
      String eventId,
      String eventType,
      String state,
      int attempts,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant nextAttemptAt,
      Instant deliveredAt) {}

  static final Duration GIVE_UP_AFTER = Duration.ofHours(24);
  private static final HttpClient HTTP = WebhookCall.newClient(); // never follows redirects

  @PersistenceContext EntityManager em;
  @Inject AuditLog audit;

  @Inject
  @ConfigProperty(name = "upskill.webhooks.retry-base-seconds", defaultValue = "10")
  long retryBaseSeconds;

  @Inject
  @ConfigProperty(name = "upskill.webhooks.allow-private-addresses", defaultValue = "false")
  boolean allowPrivateAddresses;

  Clock clock = Clock.systemUTC();

  // ------------------------------------------------------------------------------ subscriptions

  /**
   * A client subscribes an address to event types.
   *
   * @throws Refusal 409 for an unknown event type
   */
  public SubscriptionView subscribe(
      String clientId, String url, String secret, List<String> types) {
    for (var type : types) {
      if (!type.equals("*") && !EVENT_TYPES.contains(type)) {
        throw Refusal.conflict("There is no event type " + type + ".");
      }
    }
    var subscription =
        new WebhookSubscription(clientId, url, secret, List.copyOf(types), Instant.now(clock));
    em.persist(subscription);
    em.flush();
    audit.record(
        AuditLog.Actor.client(clientId),
        "webhook.subscribed",
        null,
        "webhook",
        subscription.getId(),
        null,
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("url", url)
            .add("eventTypes", org.upskill.platform.control.Jsonp.arrayBuilder(types))
            .build());
    return view(subscription);
  }

  /** The client's subscriptions, oldest first. */
  public List<SubscriptionView> of(String clientId) {
    return em
        .createQuery(
            "select s from WebhookSubscription s where s.clientId = :client order by s.id",
            WebhookSubscription.class)
        .setParameter("client", clientId)
        .getResultList()
        .stream()
        .map(Webhooks::view)
        .toList();
  }

  /** Every subscription (admins). */
  public List<SubscriptionView> all() {
    return em
        .createQuery("select s from WebhookSubscription s order by s.id", WebhookSubscription.class)
        .getResultList()
        .stream()
        .map(Webhooks::view)
        .toList();
  }

  /** Pauses or resumes one of the client's subscriptions (deliveries wait while paused). */
  public SubscriptionView pause(String clientId, long id, boolean paused) {
    var subscription = own(clientId, id);
    if (paused) {
      subscription.pause();
    } else {
      subscription.resume();
    }
    audit.record(
        AuditLog.Actor.client(clientId),
        paused ? "webhook.paused" : "webhook.resumed",
        null,
        "webhook",
        id,
        null,
        null);
    return view(subscription);
  }

  /** Deletes one of the client's subscriptions with its delivery log. */
  public void delete(String clientId, long id) {
    var subscription = own(clientId, id);
    em.createQuery("delete from WebhookDelivery d where d.subscriptionId = :id")
        .setParameter("id", subscription.getId())
        .executeUpdate();
    em.remove(subscription);
    audit.record(
        AuditLog.Actor.client(clientId),
        "webhook.deleted",
        null,
        "webhook",
        id,
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("url", subscription.getUrl())
            .build(),
        null);
  }

  /** The newest deliveries of a subscription ({@code clientId} null: an admin's view). */
  public List<DeliveryView> deliveries(String clientId, long id, int limit) {
    var subscription =
        clientId == null
            ? java.util.Optional.ofNullable(em.find(WebhookSubscription.class, id))
                .orElseThrow(() -> Refusal.notFound("There is no webhook " + id + "."))
            : own(clientId, id);
    return em
        .createQuery(
            "select d from WebhookDelivery d where d.subscriptionId = :id order by d.id desc",
            WebhookDelivery.class)
        .setParameter("id", subscription.getId())
        .setMaxResults(limit)
        .getResultList()
        .stream()
        .map(
            d ->
                new DeliveryView(
                    d.getId(),
                    d.getEventId(),
                    d.getEventType(),
                    d.getState().toLowerCase(Locale.ROOT),
                    d.getAttempts(),
                    d.getLastStatus(),
                    d.getLastError(),
                    d.getCreatedAt(),
                    d.getNextAttemptAt(),
                    d.getDeliveredAt()))
        .toList();
  }

  private WebhookSubscription own(String clientId, long id) {
    var subscription = em.find(WebhookSubscription.class, id);
    if (subscription == null || !subscription.getClientId().equals(clientId)) {
      throw Refusal.notFound("There is no webhook " + id + ".");
    }
    return subscription;
  }

  private static SubscriptionView view(WebhookSubscription s) {
    return new SubscriptionView(
        s.getId(),
        s.getClientId(),
        s.getUrl(),
        s.getEventTypes(),
        s.getState().toLowerCase(Locale.ROOT),
        s.getCreatedAt());
  }

  // ------------------------------------------------------------------------------ fan-out

  /**
   * Turns up to {@code max} outbox events not yet handled into deliveries, one per subscription
   * that wants the type and existed when the event happened.
   *
   * @return how many events were handled
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int fanOut(int max) {
    @SuppressWarnings("unchecked")
    List<Object[]> events =
        em.createNativeQuery(
                "select id, event_id, event_type, occurred_at, payload from outbox_event"
                    + " where fanned_out = false order by id limit ?1 for update skip locked")
            .setParameter(1, max)
            .getResultList();
    if (events.isEmpty()) {
      return 0;
    }
    var subscriptions =
        em.createQuery("select s from WebhookSubscription s", WebhookSubscription.class)
            .getResultList();
    var now = Instant.now(clock);
    var ids = new ArrayList<Long>();
    for (var row : events) {
      var outboxId = ((Number) row[0]).longValue();
      ids.add(outboxId);
      var type = (String) row[2];
      var occurredAt = SqlValues.instant(row[3]);
      String person = personOf((String) row[4]);
      for (var subscription : subscriptions) {
        if (subscription.wants(type) && !subscription.getCreatedAt().isAfter(occurredAt)) {
          em.persist(
              new WebhookDelivery(
                  subscription.getId(), outboxId, ((String) row[1]).strip(), type, person, now));
        }
      }
    }
    em.createNativeQuery("update outbox_event set fanned_out = true where id in (?1)")
        .setParameter(1, ids)
        .executeUpdate();
    return events.size();
  }

  private static String personOf(String payload) {
    try (var reader = Jsonp.reader(new StringReader(payload))) {
      var json = reader.readObject();
      return json.containsKey("personId") ? json.get("personId").toString() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------------------ delivery

  /**
   * Ids of up to {@code max} deliveries due now, of active subscriptions, each the oldest pending
   * one of its person (so one person's events never overtake each other).
   */
  public List<Long> due(int max) {
    @SuppressWarnings("unchecked")
    List<Number> ids =
        em.createNativeQuery(
                "select d.id from webhook_delivery d"
                    + " join webhook_subscription s on s.id = d.subscription_id"
                    + " where d.state = 'PENDING' and d.next_attempt_at <= ?1"
                    + " and s.state = 'ACTIVE'"
                    + " and not exists (select 1 from webhook_delivery e"
                    + " where e.subscription_id = d.subscription_id and e.state = 'PENDING'"
                    + " and e.person_key = d.person_key and e.outbox_id < d.outbox_id)"
                    + " order by d.outbox_id limit ?2")
            .setParameter(1, java.sql.Timestamp.from(Instant.now(clock)))
            .setParameter(2, max)
            .getResultList();
    return ids.stream().map(Number::longValue).toList();
  }

  /**
   * Sends one delivery, if it is still due and no other node holds it: a 2xx marks it delivered,
   * anything else — a redirect too, never followed — schedules the next attempt (or gives up after
   * 24 hours). The address is checked again first ({@link WebhookCall}).
   *
   * @return whether it was delivered now
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean deliver(long deliveryId) {
    var claimed =
        em.createQuery(
                "select d from WebhookDelivery d where d.id = :id and d.state = :pending",
                WebhookDelivery.class)
            .setParameter("id", deliveryId)
            .setParameter("pending", WebhookDelivery.PENDING)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
            .getResultStream()
            .findFirst();
    if (claimed.isEmpty()) {
      return false;
    }
    var delivery = claimed.get();
    var now = Instant.now(clock);
    if (delivery.getNextAttemptAt().isAfter(now)) {
      return false;
    }
    var subscription = em.find(WebhookSubscription.class, delivery.getSubscriptionId());
    var event = em.find(OutboxEvent.class, delivery.getOutboxId());
    var body =
        Jsonp.objectBuilder()
            .add("id", delivery.getEventId())
            .add("type", delivery.getEventType())
            .add("occurredAt", event.getOccurredAt().toString())
            .add(
                "aggregate",
                Jsonp.objectBuilder()
                    .add("type", event.getAggregateType())
                    .add("id", event.getAggregateId()))
            .add("payload", Jsonp.reader(new StringReader(event.getPayload())).readObject())
            .build()
            .toString();
    // The address is checked again at each attempt (the name may resolve elsewhere since it was
    // subscribed); a redirect is a failed attempt, never followed.
    WebhookCall.Outcome outcome;
    try {
      outcome =
          WebhookCall.post(
              HTTP,
              HttpRequest.newBuilder(URI.create(subscription.getUrl()))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "application/json")
                  .header("User-Agent", "Upskill-Webhooks/1")
                  .header("Upskill-Event-Id", delivery.getEventId())
                  .header("Upskill-Event-Type", delivery.getEventType())
                  .header(
                      WebhookSignature.HEADER,
                      WebhookSignature.sign(subscription.getSecret(), now.getEpochSecond(), body))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              allowPrivateAddresses,
              WebhookAddresses.SYSTEM);
    } catch (IllegalArgumentException e) {
      outcome = new WebhookCall.Outcome(null, "bad address: " + e.getMessage());
    }
    if (outcome.delivered()) {
      delivery.delivered(outcome.status(), Instant.now(clock));
      return true;
    }
    var next =
        Instant.now(clock)
            .plus(
                WebhookSignature.backoff(
                    Duration.ofSeconds(retryBaseSeconds), delivery.getAttempts() + 1));
    delivery.failed(
        outcome.status(), outcome.error(), next, delivery.getCreatedAt().plus(GIVE_UP_AFTER));
    return false;
  }
}

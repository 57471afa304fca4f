package org.upskill.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import org.upskill.platform.entity.OutboxEvent;

/** Records domain events for delivery to HR systems and webhooks. */
@Stateless
public class Outbox {

  @PersistenceContext EntityManager em;

  /**
   * Writes an event in the caller's transaction: it exists if and only if the change it reports is
   * committed.
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void record(
      String type, String aggregateType, String aggregateId, JsonObject payload, Instant now) {
    em.persist(new OutboxEvent(type, aggregateType, aggregateId, payload.toString(), now));
  }
}

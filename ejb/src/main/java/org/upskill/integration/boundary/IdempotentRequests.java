package org.upskill.integration.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The HR API's idempotency keys: a client claims a key for a request (its hash) before the write
 * runs; the first response is kept and replayed for the same key and request; a key that comes back
 * with another request is refused. Each step is its own short transaction, so that a claim is
 * visible to a concurrent retry at once (it is told the first request is still running).
 */
@Stateless
public class IdempotentRequests {

  /** What was stored for a key: status 0 while the first request still runs. */
  public record Stored(String requestHash, int status, String body, String location) {
    public boolean inProgress() {
      return status == 0;
    }
  }

  @PersistenceContext EntityManager em;

  /**
   * Claims the key for this request, or answers what is stored for it already.
   *
   * @return empty when this call claimed the key (the caller runs the request, then {@link
   *     #complete} or {@link #release})
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<Stored> claim(String client, String key, String requestHash) {
    var inserted =
        em.createNativeQuery(
                "insert ignore into idempotent_request (client_id, request_key, request_hash,"
                    + " status, created_at) values (?1, ?2, ?3, 0, ?4)")
            .setParameter(1, client)
            .setParameter(2, key)
            .setParameter(3, requestHash)
            .setParameter(4, Timestamp.from(Instant.now()))
            .executeUpdate();
    if (inserted == 1) {
      return Optional.empty();
    }
    var row =
        (Object[])
            em.createNativeQuery(
                    "select request_hash, status, response_body, location from idempotent_request"
                        + " where client_id = ?1 and request_key = ?2")
                .setParameter(1, client)
                .setParameter(2, key)
                .getSingleResult();
    return Optional.of(
        new Stored(
            row[0].toString().strip(),
            ((Number) row[1]).intValue(),
            row[2] == null ? null : row[2].toString(),
            (String) row[3]));
  }

  /** Keeps the first response to a claimed key. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void complete(String client, String key, int status, String body, String location) {
    em.createNativeQuery(
            "update idempotent_request set status = ?3, response_body = ?4, location = ?5"
                + " where client_id = ?1 and request_key = ?2")
        .setParameter(1, client)
        .setParameter(2, key)
        .setParameter(3, status)
        .setParameter(4, body)
        .setParameter(5, location)
        .executeUpdate();
  }

  /** Frees a claimed key whose request failed on our side (5xx), so that a retry runs again. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void release(String client, String key) {
    em.createNativeQuery(
            "delete from idempotent_request where client_id = ?1 and request_key = ?2 and status = 0")
        .setParameter(1, client)
        .setParameter(2, key)
        .executeUpdate();
  }
}

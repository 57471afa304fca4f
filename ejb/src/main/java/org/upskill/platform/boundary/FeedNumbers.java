package org.upskill.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Numbers for the feeds that HR systems read "everything after n" from (the completions feed of
 * certification, the compliance feed): each feed has one row in {@code feed_counter}, and a writer
 * takes its numbers under that row's lock, which it holds until it commits. A second writer waits
 * for that commit before it gets the next numbers, so once a reader sees number n every number
 * below n is committed and visible too: a reader never misses a change and never sees one twice,
 * whatever commits concurrently. Take the numbers as late as possible in the transaction: the lock
 * orders every writer of the feed behind it.
 *
 * <p>On a Galera cluster the lock is local to a node, so every writer must write through one node
 * (the SQL front of {@code ./upskill cluster} does).
 */
@Stateless
public class FeedNumbers {

  /** The completions feed's counter ({@code completion_change}). */
  public static final int COMPLETIONS = 1;

  /** The compliance feed's counter ({@code compliance_change}). */
  public static final int COMPLIANCE = 2;

  @PersistenceContext EntityManager em;

  /**
   * Takes {@code count} consecutive numbers of feed {@code feed} in the caller's transaction, which
   * holds the feed's lock until it ends.
   *
   * @return the first of them (the others follow it)
   */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public long take(int feed, int count) {
    var last =
        ((Number)
                em.createNativeQuery(
                        "select last_sequence from feed_counter where id = ?1 for update")
                    .setParameter(1, feed)
                    .getSingleResult())
            .longValue();
    em.createNativeQuery("update feed_counter set last_sequence = ?1 where id = ?2")
        .setParameter(1, last + count)
        .setParameter(2, feed)
        .executeUpdate();
    return last + 1;
  }
}

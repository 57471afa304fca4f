/**
 * Certificates: issued when a course is completed, renewed, expired by the certificate clock,
 * revoked; their PDF, Open Badge and public verification (throttled cluster-wide), the issuer's
 * signing keys, and the HR completions feed ({@code CompletionFeed}: every change numbered in
 * commit order, numbered by platform's {@code FeedNumbers}). Tables {@code certificate}, {@code
 * completion_change}.
 *
 * <p>Uses platform, audit, people, catalog and learning.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.certification;

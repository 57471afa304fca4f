/**
 * Plumbing that every component shares and that knows no business: the database's start-up ({@code
 * Migrations}: Flyway, then Hibernate's validation), refusals ({@code Refusal}, mapped to HTTP by
 * the web and API tiers), pages of results ({@code Page}), database failures seen as retryable
 * ({@code DatabaseFailure}), the transactional outbox ({@code Outbox}, table {@code outbox_event}:
 * written in the caller's transaction, delivered by integration's webhook dispatcher), claims of
 * scheduled jobs that must run once per period on a cluster ({@code ScheduledJobs}, tables {@code
 * scheduled_job} and {@code scheduled_tick}), the numbering of the feeds HR systems read in order
 * ({@code FeedNumbers}, table {@code feed_counter}), JSON, CSV, instants, throttling and
 * statement-count diagnostics ({@code control}).
 *
 * <p>Uses no other component.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.platform;

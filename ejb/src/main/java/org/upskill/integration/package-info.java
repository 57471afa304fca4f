/**
 * Other systems: webhook subscriptions and their delivery from the outbox ({@code Webhooks}, {@code
 * WebhookDispatcher}, signed calls, allowed addresses), HR clients' rate limits and idempotency
 * records, transcripts for HR, the outbox backlog metric. Tables {@code webhook_subscription},
 * {@code webhook_delivery}, {@code idempotent_request}; the rate limits count in the replicated
 * Infinispan cache {@code upskill/throttles}.
 *
 * <p>Uses platform, audit, people, enrolment, learning and certification.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.integration;

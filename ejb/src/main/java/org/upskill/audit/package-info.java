/**
 * The audit log: who did what to whom, when ({@code AuditLog}, table {@code audit_entry}, rows
 * never changed; the database refuses updates). Every component that makes a change that matters
 * writes an entry in its own transaction.
 *
 * <p>Uses platform only.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.audit;

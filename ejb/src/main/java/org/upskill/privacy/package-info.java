/**
 * Personal data: a learner's export of everything held about them, erasure (names, email and staff
 * number removed while completions still count and certificates verify "holder withheld"), and
 * retention ({@code Retention}, {@code RetentionClock}: old answers deleted, inactive people
 * erased; a dry run by default).
 *
 * <p>Uses platform, audit, people and certification.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.privacy;

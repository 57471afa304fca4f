/**
 * People and organisations: a {@code Person} is made or refreshed from the verified Keycloak token
 * at sign-in ({@code People.signIn}), with their organisation, staff number and roles ({@code
 * Identity}). Tables {@code person}, {@code person_group}, {@code organisation}.
 *
 * <p>Uses platform and audit.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.people;

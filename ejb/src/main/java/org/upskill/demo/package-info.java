/**
 * The demo content loaded into an empty database at start (courses, pathways, skills, quizzes,
 * questions) from the files under {@code demo/}.
 *
 * <p>Uses platform, catalog and assessment.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.demo;

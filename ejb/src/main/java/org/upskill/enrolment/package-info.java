/**
 * Enrolments: enrolling (self, approval, waitlist, by HR or by rule), bulk enrolment from CSV,
 * enrolment rules, a learner's courses ({@code MyCourse}), and moving learners to a course's newer
 * version ({@code VersionMoves}, which tells the components that keep their progress through the
 * events {@code LearnersMoving} and {@code LearnersMoved}). Tables {@code enrolment}, {@code
 * enrolment_batch}, {@code enrolment_rule}.
 *
 * <p>Uses platform, audit, people and catalog.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.enrolment;

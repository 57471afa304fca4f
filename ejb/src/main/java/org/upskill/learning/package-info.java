/**
 * Studying: opening and completing lessons, progress, completing a course (in the transaction of
 * the last thing it requires: {@code CourseCompleted} is fired and {@code course.completed} written
 * to the outbox), cohorts for trainers, lesson progress across versions ({@code ProgressVersions}).
 * Tables {@code lesson_progress}, {@code course_completion}.
 *
 * <p>Uses platform, people, catalog and enrolment.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.learning;

/**
 * Quizzes: the question bank, quiz authoring, attempts (start, autosave, submit, the attempt clock
 * that closes timed attempts), grading, review, accommodations, statistics, and quizzes across
 * course versions ({@code QuizVersions}, the catalogue's {@code CourseActivities}). Tables {@code
 * quiz}, {@code quiz_slot}, {@code question}, {@code question_category}, {@code quiz_attempt},
 * {@code attempt_response}, {@code quiz_grade}, {@code quiz_override}.
 *
 * <p>Uses platform, audit, people, catalog, enrolment and learning.
 *
 * <p>Each component has {@code boundary} (the EJBs and records other components and the web and API
 * tiers call), {@code control} (its own helpers) and {@code entity} (its JPA entities and value
 * types); {@code docs/architecture.md} draws the allowed dependencies and {@code ArchitectureTest}
 * enforces them.
 */
package org.upskill.assessment;

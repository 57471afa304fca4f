package org.upskill.enrolment.boundary;

/**
 * Fired in the transaction of {@link VersionMoves#moveLearners}, before the enrolments of the
 * learners on version {@code fromVersion} of a course move to {@code toVersion}: each component
 * that keeps what a learner did in a course version (lesson progress, quiz grades, accommodations)
 * copies it to the same lessons and quizzes of the new version, selecting the learners as those
 * still enrolled ({@code live}) on {@code fromVersion}. Observed synchronously, in that
 * transaction.
 */
public record LearnersMoving(long courseId, int fromVersion, int toVersion) {}

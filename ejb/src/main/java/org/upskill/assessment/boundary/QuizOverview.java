package org.upskill.assessment.boundary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A quiz's page for one learner: the settings, what applies to them (extra time, an override),
 * their attempts and grade, and whether they can start (and if not, why).
 *
 * @param timeLimit the quiz's limit, {@code null} when untimed
 * @param yourTimeLimit the limit with the learner's extra time and override
 * @param closesAt when the quiz closes for this learner (an override may extend it)
 * @param attemptsAllowed attempts allowed for this learner, {@code null} for unlimited
 */
public record QuizOverview(
    long id,
    String courseCode,
    String courseTitle,
    String title,
    String intro,
    int questions,
    Duration timeLimit,
    Duration yourTimeLimit,
    int extraTimePercent,
    int overrideExtraMinutes,
    int overrideExtraAttempts,
    boolean closeExtended,
    Instant opensAt,
    Instant closesAt,
    Integer attemptsAllowed,
    int attemptsUsed,
    BigDecimal passPercent,
    String gradingMethod,
    boolean required,
    boolean onePerPage,
    List<AttemptSummary> attempts,
    Long openAttemptId,
    String cannotStart,
    BigDecimal grade,
    boolean passed) {

  public boolean canStart() {
    return cannotStart == null;
  }

  public boolean hasAccommodation() {
    return extraTimePercent > 0
        || overrideExtraMinutes > 0
        || overrideExtraAttempts > 0
        || closeExtended;
  }
}

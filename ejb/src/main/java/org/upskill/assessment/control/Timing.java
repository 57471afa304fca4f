package org.upskill.assessment.control;

import java.time.Duration;
import java.time.Instant;

/** When an attempt must end, from the quiz's settings and what applies to the learner. */
public final class Timing {

  private Timing() {}

  /**
   * The time a learner gets: the quiz's limit plus their extra-time percentage (an accommodation
   * that applies to every timed quiz) plus a per-quiz override's extra minutes; {@code null} for an
   * untimed quiz. Rounded up to whole seconds.
   */
  public static Duration personalLimit(Duration limit, int extraPercent, int extraMinutes) {
    if (limit == null) {
      return null;
    }
    long seconds = limit.toSeconds();
    long extra = (seconds * Math.max(0, extraPercent) + 99) / 100;
    return Duration.ofSeconds(seconds + extra).plusMinutes(Math.max(0, extraMinutes));
  }

  /**
   * The attempt's deadline: start plus the personal limit, never after the quiz closes (for this
   * learner); {@code null} when there is neither a limit nor a close.
   */
  public static Instant deadline(Instant start, Duration personalLimit, Instant closesAt) {
    Instant byLimit = personalLimit == null ? null : start.plus(personalLimit);
    if (byLimit == null) {
      return closesAt;
    }
    return closesAt != null && closesAt.isBefore(byLimit) ? closesAt : byLimit;
  }
}

package org.upskill.compliance.control;

import java.util.Locale;

/** Where a person stands against one requirement. */
public enum ComplianceStatus {
  /** Holds a valid completion, not running out within the due-soon window. */
  COMPLIANT,
  /** Holds a completion that runs out within the due-soon window, or is in its grace period. */
  DUE_SOON,
  /** Past the due date (newcomers) or past valid-until plus grace (renewals). */
  OVERDUE,
  /** Has never completed the course and is not yet past their due date. */
  NOT_STARTED,
  /** Exempted by a manager or an admin, with a reason. */
  EXEMPT;

  /** The name on the wire and in the database: {@code due_soon}. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ComplianceStatus fromWire(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }

  /** For pages: "Due soon". */
  public String label() {
    var words = name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  /** Whether the person must act (and is enrolled automatically when not on the course). */
  public boolean needsTraining() {
    return this == DUE_SOON || this == OVERDUE || this == NOT_STARTED;
  }
}

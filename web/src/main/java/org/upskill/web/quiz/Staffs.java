package org.upskill.web.quiz;

import org.upskill.assessment.boundary.Quizzes;
import org.upskill.web.security.SignedIn;

/** The signed-in person as the assessment boundary judges who may set accommodations. */
public final class Staffs {

  private Staffs() {}

  /** The signed-in person's id and roles; {@code null} when nobody is signed in. */
  public static Quizzes.Staff of(SignedIn who) {
    return who == null
        ? null
        : new Quizzes.Staff(
            who.personId(), who.hasRole("admin"), who.hasRole("manager"), who.hasRole("trainer"));
  }
}

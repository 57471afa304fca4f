package org.upskill.web.teach;

import org.upskill.platform.boundary.Staff;
import org.upskill.web.platform.Viewer;

/** Who may author: trainers and admins. */
final class Authors {

  private Authors() {}

  /**
   * The viewer as an author, after sending them to sign in or refusing them with 403; {@code null}
   * when the page must stop.
   */
  static Staff of(Viewer viewer) {
    if (!viewer.requireSignIn()) {
      return null;
    }
    if (!(viewer.hasRole("trainer") || viewer.hasRole("admin"))) {
      viewer.refuse(403, "Only trainers and admins write courses.");
      return null;
    }
    return viewer.signedIn().staff();
  }
}

package org.upskill.web.compliance;

import org.upskill.compliance.boundary.ComplianceReports;
import org.upskill.web.platform.Viewer;

/** Who may see compliance pages: managers (their organisation) and admins (any). */
final class ComplianceViewers {

  private ComplianceViewers() {}

  /** The viewer as the reports know them, or null after refusing (sign in first, or 403). */
  static ComplianceReports.Viewer of(Viewer viewer) {
    if (!viewer.requireSignIn()) {
      return null;
    }
    var admin = viewer.hasRole("admin");
    if (!admin && !viewer.hasRole("manager")) {
      viewer.refuse(403, "Only managers and admins see compliance.");
      return null;
    }
    return new ComplianceReports.Viewer(viewer.personId(), admin);
  }

  /** A number typed in an address, or null when absent or not a number. */
  static Long number(String value) {
    if (value == null || !value.matches("\\d{1,12}")) {
      return null;
    }
    return Long.valueOf(value);
  }
}

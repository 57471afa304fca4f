package org.upskill.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.upskill.privacy.boundary.Retention;
import org.upskill.web.platform.Viewer;

/**
 * {@code /admin/retention}: the retention periods and their dry run (what would be deleted or
 * erased now), with the button that applies it. Admins only.
 */
@Named
@RequestScoped
public class RetentionPage {

  @Inject Retention retention;
  @Inject Viewer viewer;

  private Retention.Report report;

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    if (!viewer.hasRole("admin")) {
      viewer.refuse(403, "Only admins see retention.");
      return;
    }
    report = retention.dryRun();
  }

  public Retention.Report getReport() {
    return report;
  }

  /** The first 100 people who would be erased (the page lists no more). */
  public java.util.List<Retention.Inactive> getFirstPeople() {
    return report.people().subList(0, Math.min(100, report.people().size()));
  }

  /** Whether applying would change anything. */
  public boolean isAnything() {
    return report.responses() > 0 || !report.people().isEmpty();
  }
}

package org.upskill.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.privacy.boundary.Retention;
import org.upskill.web.platform.Viewer;

/**
 * {@code /admin/retention}: the retention periods and their dry run (what would be deleted or
 * erased now), with the button that applies it, a Faces postback to this page. Admins only: the
 * view action runs on postbacks too, and the dry run is read only for an admin.
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
    }
  }

  /** The dry run, read once per request; null for anyone but an admin. */
  public Retention.Report getReport() {
    if (report == null && viewer.hasRole("admin")) {
      report = retention.dryRun();
    }
    return report;
  }

  /** The first 100 people who would be erased (the page lists no more). */
  public List<Retention.Inactive> getFirstPeople() {
    var people = getReport().people();
    return people.subList(0, Math.min(100, people.size()));
  }

  /** Whether applying would change anything. */
  public boolean isAnything() {
    var found = getReport();
    return found != null && (found.responses() > 0 || !found.people().isEmpty());
  }

  /** The form's action: applies retention now. */
  public void apply() {
    var done = retention.apply(AuditLog.Actor.person(viewer.personId()));
    viewer.notice(
        "Retention applied: "
            + done.responses()
            + " quiz answers deleted, "
            + done.people().size()
            + " people erased.");
    viewer.redirect("/admin/retention");
  }
}

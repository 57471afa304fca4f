package org.upskill.web.compliance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.Facet;
import org.upskill.compliance.boundary.Requirements;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * The admins' requirement pages: the list ({@code /admin/requirements}), the form to add or change
 * one ({@code /admin/requirements/new}, {@code /admin/requirements/{id}}) and the confirmation
 * before removing one ({@code /admin/requirements/{id}/remove}).
 */
@Named
@RequestScoped
public class RequirementsPage {

  public static final String FORM = "requirement";

  public static final List<Facet> RENEWALS =
      List.of(
          new Facet("MONTHS", "Every so many months from completion"),
          new Facet("ANNUAL_DATE", "Every year on the same date (for example 1 April)"),
          new Facet("NONE", "As long as the course's certificate is valid"));

  @Inject Requirements requirements;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private List<Requirements.Line> lines;
  private Requirements.Definition definition;
  private Map<String, String> errors = Map.of();
  private Map<String, String> values =
      Map.of("renewal", "MONTHS", "months", "12", "graceDays", "0", "newcomerDueDays", "30");
  private boolean ready;

  private boolean admin() {
    if (!viewer.requireSignIn()) {
      return false;
    }
    if (!viewer.hasRole("admin")) {
      viewer.refuse(403, "Only admins define requirements.");
      return false;
    }
    return true;
  }

  /** The list. */
  public void loadList() {
    if (admin()) {
      lines = requirements.all();
      ready = true;
    }
  }

  /** The form: empty for a new requirement, filled for an existing one. */
  public void loadForm() {
    if (!admin()) {
      return;
    }
    var id = ComplianceViewers.number((String) request.getAttribute(PrettyUrlFilter.CODE));
    if (request.getAttribute(PrettyUrlFilter.CODE) != null) {
      try {
        definition =
            requirements
                .find(id == null ? -1 : id)
                .orElseThrow(() -> Refusal.notFound("There is no such requirement."));
      } catch (Refusal refusal) {
        viewer.refuse(refusal);
        return;
      }
      values = RequirementForm.valuesOf(definition);
    }
    var kept = viewer.takeValues(FORM);
    if (!kept.isEmpty()) {
      values = kept;
      errors = viewer.takeErrors(FORM);
    }
    ready = true;
  }

  public boolean isReady() {
    return ready;
  }

  public List<Requirements.Line> getLines() {
    return lines;
  }

  public Requirements.Definition getDefinition() {
    return definition;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public List<Facet> getRenewals() {
    return RENEWALS;
  }
}

package org.upskill.web.compliance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.compliance.boundary.ComplianceReports;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * {@code /manage/compliance/people/{id}}: one person's status against each requirement that applies
 * to them, with the form that exempts them (a reason is required) or ends an exemption. A manager
 * sees only people of their organisation; anyone else's address answers 404.
 */
@Named
@RequestScoped
public class PersonCompliancePage {

  public static final String FORM = "exemption";

  @Inject ComplianceReports reports;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private ComplianceReports.PersonRow person;
  private Map<Long, ComplianceReports.RequirementRef> requirements = Map.of();
  private Map<String, String> errors = Map.of();
  private Map<String, String> values = Map.of();

  public void load() {
    var who = ComplianceViewers.of(viewer);
    if (who == null) {
      return;
    }
    var id = ComplianceViewers.number((String) request.getAttribute(PrettyUrlFilter.CODE));
    try {
      if (id == null) {
        throw Refusal.notFound("There is no such person.");
      }
      person = reports.person(who, id);
      requirements = reports.requirementsOf(id);
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      person = null;
      return;
    }
    var kept = viewer.takeValues(FORM);
    if (!kept.isEmpty()) {
      values = kept;
      errors = viewer.takeErrors(FORM);
    }
  }

  public ComplianceReports.PersonRow getPerson() {
    return person;
  }

  public List<ComplianceReports.RequirementRef> getRequirements() {
    return List.copyOf(requirements.values());
  }

  public ComplianceReports.Cell cell(ComplianceReports.RequirementRef requirement) {
    return person.cells().get(requirement.id());
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }

  /** The colour of a status's tag. */
  public String colour(org.upskill.compliance.control.ComplianceStatus status) {
    return CompliancePage.tagColour(status);
  }
}

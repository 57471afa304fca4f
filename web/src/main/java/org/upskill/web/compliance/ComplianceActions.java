package org.upskill.web.compliance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.upskill.compliance.boundary.ComplianceReports;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.Viewer;
import org.upskill.web.security.SignedIn;

/** The compliance forms: exempt a person from a requirement, end an exemption. */
@RequestScoped
public class ComplianceActions {

  @Inject ComplianceReports reports;

  static ComplianceReports.Viewer viewer(SignedIn who) {
    var admin = who.roles().contains("admin");
    if (!admin && !who.roles().contains("manager")) {
      throw Refusal.forbidden("Only managers and admins set exemptions.");
    }
    return new ComplianceReports.Viewer(who.personId(), admin);
  }

  private static long id(String value, String what) {
    var id = ComplianceViewers.number(value);
    if (id == null) {
      throw Refusal.notFound("There is no such " + what + ".");
    }
    return id;
  }

  public void exempt(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var viewer = viewer(who);
    var personId = id(request.getParameter("person"), "person");
    var requirementId = id(request.getParameter("requirement"), "requirement");
    var back = request.getContextPath() + "/manage/compliance/people/" + personId;
    var reason = request.getParameter("reason") == null ? "" : request.getParameter("reason");
    Map<String, String> errors = new LinkedHashMap<>();
    if (reason.isBlank()) {
      errors.put("reason-" + requirementId, "Enter why this person is exempt");
    } else if (reason.length() > 1000) {
      errors.put("reason-" + requirementId, "The reason is 1000 characters or fewer");
    }
    if (!errors.isEmpty()) {
      Viewer.keepForm(
          request, PersonCompliancePage.FORM, errors, Map.of("reason-" + requirementId, reason));
      response.sendRedirect(back + "#requirement-" + requirementId);
      return;
    }
    reports.exempt(viewer, personId, requirementId, reason);
    Viewer.notice(
        request, "Exemption recorded. The person no longer counts against this requirement.");
    response.sendRedirect(back);
  }

  public void endExemption(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var viewer = viewer(who);
    var personId = id(request.getParameter("person"), "person");
    var requirementId = id(request.getParameter("requirement"), "requirement");
    reports.endExemption(viewer, personId, requirementId);
    Viewer.notice(request, "Exemption ended. The status now comes from the person's training.");
    response.sendRedirect(request.getContextPath() + "/manage/compliance/people/" + personId);
  }
}

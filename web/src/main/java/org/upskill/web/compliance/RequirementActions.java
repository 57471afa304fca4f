package org.upskill.web.compliance;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import org.upskill.compliance.boundary.ComplianceClock;
import org.upskill.compliance.boundary.Requirements;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.Viewer;
import org.upskill.web.security.SignedIn;

/**
 * Admins' requirement forms: save one (then everyone's statuses are recomputed, enrolling those now
 * due), remove one after its confirmation page.
 */
@RequestScoped
public class RequirementActions {

  @Inject Requirements requirements;
  @Inject ComplianceClock clock;
  @Inject Validator validator;

  private static void admin(SignedIn who) {
    if (!who.roles().contains("admin")) {
      throw Refusal.forbidden("Only admins define requirements.");
    }
  }

  public void save(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    admin(who);
    var form = RequirementForm.from(request);
    var errors = form.errors(validator);
    var definition = errors.isEmpty() ? form.definition() : null;
    if (definition != null) {
      errors = requirements.save(who.personId(), definition);
    }
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, RequirementsPage.FORM, errors, form.values());
      var back =
          definition != null && definition.id() != null
              ? "/admin/requirements/" + definition.id()
              : form.values().get("id").matches("\\d{1,12}")
                  ? "/admin/requirements/" + form.values().get("id")
                  : "/admin/requirements/new";
      response.sendRedirect(request.getContextPath() + back);
      return;
    }
    int enrolled = clock.recomputeEveryone();
    Viewer.notice(
        request,
        "Requirement “"
            + definition.name()
            + "” saved. Everyone's status has been recomputed"
            + (enrolled == 0
                ? "."
                : "; "
                    + enrolled
                    + (enrolled == 1 ? " person was" : " people were")
                    + " enrolled on the course because it is due."));
    response.sendRedirect(request.getContextPath() + "/admin/requirements");
  }

  public void remove(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    admin(who);
    var id = ComplianceViewers.number(request.getParameter("requirement"));
    if (id == null) {
      throw Refusal.notFound("There is no such requirement.");
    }
    var name = requirements.remove(who.personId(), id);
    Viewer.notice(
        request,
        "Requirement “" + name + "” removed. People keep their training and certificates.");
    response.sendRedirect(request.getContextPath() + "/admin/requirements");
  }
}

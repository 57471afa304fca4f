package org.upskill.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;
import org.upskill.privacy.boundary.Privacy;
import org.upskill.web.platform.Viewer;
import org.upskill.web.security.SignedIn;

/** The admin console's forms: a person's extra time, and a person's erasure (after confirming). */
@RequestScoped
public class AdminActions {

  @Inject People people;
  @Inject Privacy privacy;
  @Inject org.upskill.privacy.boundary.Retention retention;

  private static void admin(SignedIn who) {
    if (!who.roles().contains("admin")) {
      throw Refusal.forbidden("Only admins use the admin console.");
    }
  }

  private static long person(HttpServletRequest request) {
    var id = request.getParameter("person");
    if (id == null || !id.matches("\\d{1,12}")) {
      throw Refusal.notFound("There is no such person.");
    }
    return Long.parseLong(id);
  }

  public void extraTime(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    admin(who);
    var id = person(request);
    var back = request.getContextPath() + "/admin/people/" + id;
    var typed =
        request.getParameter("percent") == null ? "" : request.getParameter("percent").strip();
    if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) > 200) {
      Viewer.keepForm(
          request,
          AdminPages.EXTRA_TIME_FORM,
          Map.of("percent", "Enter extra time as a whole number from 0 to 200"),
          Map.of("percent", typed));
      response.sendRedirect(back + "#percent");
      return;
    }
    people.setExtraTime(who.personId(), true, id, Integer.parseInt(typed));
    Viewer.notice(request, "Extra time saved: " + typed + "% on every timed quiz.");
    response.sendRedirect(back);
  }

  public void applyRetention(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    admin(who);
    var done = retention.apply(org.upskill.audit.boundary.AuditLog.Actor.person(who.personId()));
    Viewer.notice(
        request,
        "Retention applied: "
            + done.responses()
            + " quiz answers deleted, "
            + done.people().size()
            + " people erased.");
    response.sendRedirect(request.getContextPath() + "/admin/retention");
  }

  public void erase(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    admin(who);
    var id = person(request);
    var pseudonym =
        privacy.erase(org.upskill.audit.boundary.AuditLog.Actor.person(who.personId()), id);
    Viewer.notice(
        request,
        "Erased: the person is now “"
            + pseudonym
            + "”. Delete their account in the sign-in service (Keycloak) too.");
    response.sendRedirect(request.getContextPath() + "/admin/people/" + id);
  }
}

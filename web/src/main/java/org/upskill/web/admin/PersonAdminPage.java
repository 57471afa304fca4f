package org.upskill.web.admin;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.people.boundary.People;
import org.upskill.privacy.boundary.Privacy;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * One person in the admin console ({@code /admin/people/{id}}: what Keycloak said at their last
 * sign-in, their extra time, erasure) and the erasure's confirmation ({@code
 * /admin/people/{id}/erase}). Admins only.
 *
 * <p>Both forms are Faces postbacks to their page (docs/architecture.md, "A form"). The person is
 * read when the bean is made, and only for an admin, so the forms exist on a postback and nobody
 * else's post finds anything; the view action runs on postbacks too and answers anyone else 403 (or
 * sends a stranger to sign in) before any form's action.
 */
@Named
@RequestScoped
public class PersonAdminPage {

  @Inject People people;
  @Inject Privacy privacy;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private People.AdminView person;
  private String percent;

  @PostConstruct
  void read() {
    var id = (String) request.getAttribute(PrettyUrlFilter.CODE);
    if (viewer.hasRole("admin") && id != null && id.matches("\\d{1,12}")) {
      person = people.adminView(Long.parseLong(id)).orElse(null);
      if (person != null) {
        percent = String.valueOf(person.extraTimePercent());
      }
    }
  }

  /** The pages' view action, on postbacks too: sign-in, the admin role, a person who exists. */
  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    if (!viewer.hasRole("admin")) {
      viewer.refuse(403, "Only admins use the admin console.");
      return;
    }
    if (person == null) {
      viewer.refuse(404, "There is no such person.");
    }
  }

  /** The person, or null for anyone but an admin. */
  public People.AdminView getPerson() {
    return person;
  }

  /** The extra-time field: the person's percentage, or what was typed. */
  public String getPercent() {
    return percent;
  }

  public void setPercent(String percent) {
    this.percent = percent;
  }

  /** The extra-time form's action. */
  public void saveExtraTime() {
    var typed = percent == null ? "" : percent.strip();
    if (!typed.matches("\\d{1,3}") || Integer.parseInt(typed) > 200) {
      viewer.fieldError("percent", "Enter extra time as a whole number from 0 to 200");
      return;
    }
    people.setExtraTime(viewer.personId(), true, person.id(), Integer.parseInt(typed));
    viewer.notice("Extra time saved: " + typed + "% on every timed quiz.");
    viewer.redirect("/admin/people/" + person.id());
  }

  /** The erasure's confirmation: erases the person and shows them as they are now. */
  public void erase() {
    var pseudonym = privacy.erase(AuditLog.Actor.person(viewer.personId()), person.id());
    viewer.notice(
        "Erased: the person is now “"
            + pseudonym
            + "”. Delete their account in the sign-in service (Keycloak) too.");
    viewer.redirect("/admin/people/" + person.id());
  }
}

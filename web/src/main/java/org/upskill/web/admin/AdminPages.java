package org.upskill.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Page;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * The admin console's own pages: its home ({@code /admin}), people ({@code /admin/people}, search
 * and pages), one person ({@code /admin/people/{id}}: what Keycloak said at their last sign-in,
 * their extra time, erasure), the erasure's confirmation ({@code /admin/people/{id}/erase}) and the
 * organisations with their staff groups ({@code /admin/organisations}). Admins only.
 */
@Named
@RequestScoped
public class AdminPages {

  public static final String EXTRA_TIME_FORM = "extra-time";
  static final int PAGE_SIZE = 25;

  @Inject People people;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private boolean ready;
  private Page<People.AdminView> found;
  private People.AdminView person;
  private List<People.OrganisationLine> organisations;
  private Map<String, String> errors = Map.of();
  private Map<String, String> values = Map.of();

  private boolean admin() {
    if (!viewer.requireSignIn()) {
      return false;
    }
    if (!viewer.hasRole("admin")) {
      viewer.refuse(403, "Only admins use the admin console.");
      return false;
    }
    return true;
  }

  public void loadHome() {
    ready = admin();
  }

  public void loadPeople() {
    if (!admin()) {
      return;
    }
    var page = request.getParameter("page");
    var number = page != null && page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
    found = people.search(getQuery(), number, PAGE_SIZE);
    ready = true;
  }

  public void loadPerson() {
    if (!admin()) {
      return;
    }
    var id = (String) request.getAttribute(PrettyUrlFilter.CODE);
    try {
      person =
          people
              .adminView(id != null && id.matches("\\d{1,12}") ? Long.parseLong(id) : -1)
              .orElseThrow(() -> Refusal.notFound("There is no such person."));
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      return;
    }
    values = Map.of("percent", String.valueOf(person.extraTimePercent()));
    var kept = viewer.takeValues(EXTRA_TIME_FORM);
    if (!kept.isEmpty()) {
      values = kept;
      errors = viewer.takeErrors(EXTRA_TIME_FORM);
    }
    ready = true;
  }

  public void loadOrganisations() {
    if (admin()) {
      organisations = people.organisations();
      ready = true;
    }
  }

  public boolean isReady() {
    return ready;
  }

  public String getQuery() {
    var q = request.getParameter("q");
    return q == null ? "" : q.strip();
  }

  public Page<People.AdminView> getFound() {
    return found;
  }

  public People.AdminView getPerson() {
    return person;
  }

  public List<People.OrganisationLine> getOrganisations() {
    return organisations;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }

  /** The people search on another page. */
  public String pageHref(int page) {
    var q = getQuery();
    return request.getContextPath()
        + "/admin/people?"
        + (q.isEmpty()
            ? ""
            : "q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8) + "&")
        + "page="
        + page;
  }

  /** Roles as words: "learner, manager" (none: "none"). */
  public String roles(String roles) {
    return roles == null || roles.isBlank() ? "none recorded" : String.join(", ", roles.split(","));
  }
}

package org.upskill.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Page;
import org.upskill.web.platform.Viewer;

/**
 * The admin console's own pages: its home ({@code /admin}), people ({@code /admin/people}, search
 * and pages) and the organisations with their staff groups ({@code /admin/organisations}). Admins
 * only. One person and their erasure are {@link PersonAdminPage}.
 */
@Named
@RequestScoped
public class AdminPages {

  static final int PAGE_SIZE = 25;

  @Inject People people;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private boolean ready;
  private Page<People.AdminView> found;
  private List<People.OrganisationLine> organisations;

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

  public List<People.OrganisationLine> getOrganisations() {
    return organisations;
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

  /** Roles as words: "learner, manager" (none: "none recorded"); for the person's page too. */
  public String roles(String roles) {
    return roles == null || roles.isBlank() ? "none recorded" : String.join(", ", roles.split(","));
  }
}

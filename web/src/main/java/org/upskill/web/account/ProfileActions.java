package org.upskill.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.upskill.people.boundary.People;
import org.upskill.web.platform.Viewer;
import org.upskill.web.security.SignedIn;

/** The profile's form: the signed-in person's choice about non-essential emails. */
@RequestScoped
public class ProfileActions {

  @Inject People people;

  public void emailPreferences(
      HttpServletRequest request, HttpServletResponse response, SignedIn who) throws IOException {
    var optOut = "yes".equals(request.getParameter("optOut"));
    people.optOutOfEmails(who.personId(), optOut);
    Viewer.notice(
        request,
        optOut
            ? "Saved: you will get only the emails about overdue mandatory training."
            : "Saved: you will get reminders before your training runs out.");
    response.sendRedirect(request.getContextPath() + "/profile");
  }
}

package org.upskill.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import org.upskill.people.boundary.People;
import org.upskill.people.boundary.PersonSummary;
import org.upskill.web.platform.Viewer;

/**
 * "Your profile" ({@code /profile}): what Upskill knows about the signed-in person, and their
 * choice about non-essential emails. Name, email, organisation and staff group come from Keycloak
 * and are changed there; accommodations are set by an administrator.
 *
 * <p>The emails form is a Faces postback to {@code /profile} itself (see docs/architecture.md, "A
 * form"): Faces restores the view, puts the checkbox into {@link #setEmailOptOut} and calls {@link
 * #saveEmails}, which redirects back here with a notice (post/redirect/get). The person is read
 * lazily, so the parts of the page that depend on it exist on the postback too.
 */
@Named
@RequestScoped
public class Profile {

  @Inject People people;
  @Inject Viewer viewer;

  private PersonSummary person;
  private Boolean emailOptOut;

  /** The view action of the page and its postbacks: strangers are sent to sign in. */
  public void load() {
    viewer.requireSignIn();
  }

  public PersonSummary getPerson() {
    if (person == null && viewer.isSignedIn()) {
      person = people.byId(viewer.personId()).orElse(null);
    }
    return person;
  }

  /** What the person chose, or what the form has just sent. */
  public boolean isEmailOptOut() {
    if (emailOptOut == null) {
      emailOptOut = viewer.isSignedIn() && people.emailOptOut(viewer.personId());
    }
    return emailOptOut;
  }

  public void setEmailOptOut(boolean emailOptOut) {
    this.emailOptOut = emailOptOut;
  }

  /** The emails form's action: saves the choice and shows the profile again with a notice. */
  public void saveEmails() throws IOException {
    var who = viewer.signedIn();
    if (who == null) {
      viewer.refuse(401, "Your session has ended. Sign in and try again.");
      return;
    }
    people.optOutOfEmails(who.personId(), isEmailOptOut());
    viewer.notice(
        isEmailOptOut()
            ? "Saved: you will get only the emails about overdue mandatory training."
            : "Saved: you will get reminders before your training runs out.");
    viewer.redirect("/profile");
  }
}

package org.upskill.web.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.upskill.people.boundary.People;
import org.upskill.people.boundary.PersonSummary;
import org.upskill.web.platform.Viewer;

/**
 * "Your profile" ({@code /profile}): what Upskill knows about the signed-in person. Name, email,
 * organisation and staff group come from Keycloak and are changed there; accommodations are set by
 * an administrator.
 */
@Named
@RequestScoped
public class Profile {

  @Inject People people;
  @Inject Viewer viewer;

  private PersonSummary person;

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    person = people.byId(viewer.personId()).orElse(null);
    emailOptOut = people.emailOptOut(viewer.personId());
  }

  private boolean emailOptOut;

  public boolean isEmailOptOut() {
    return emailOptOut;
  }

  public PersonSummary getPerson() {
    return person;
  }
}

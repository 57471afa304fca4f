package org.upskill.web.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.people.boundary.People;
import org.upskill.people.boundary.PersonSummary;
import org.upskill.web.security.SignedIn;

/**
 * "Your profile": what Upskill knows about the signed-in person. Name, email, organisation and
 * staff group come from Keycloak and are changed there, not here.
 */
@Named
@RequestScoped
public class Profile {

  @Inject People people;
  @Inject HttpServletRequest request;

  private PersonSummary person;

  @PostConstruct
  void load() {
    var session = request.getSession(false);
    if (session != null
        && session.getAttribute(SignedIn.SESSION_ATTRIBUTE) instanceof SignedIn signedIn) {
      person = people.byId(signedIn.personId()).orElse(null);
    }
  }

  public PersonSummary getPerson() {
    return person;
  }
}

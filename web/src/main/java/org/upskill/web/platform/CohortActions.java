package org.upskill.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.security.SignedIn;
import org.upskill.web.teach.CohortPage;

/**
 * The cohort page's targets: a course's owner enrols someone, found by name, email or number; a
 * checked bulk-enrolment file is applied.
 */
@ApplicationScoped
public class CohortActions {

  @Inject Enrolments enrolments;
  @Inject People people;
  @Inject org.upskill.enrolment.boundary.BulkEnrolments bulk;

  void applyBatch(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    long id;
    try {
      id = Long.parseLong(request.getParameter("batch"));
    } catch (NumberFormatException e) {
      throw Refusal.notFound("There is no such enrolment file.");
    }
    var batch = bulk.apply(AuthoringActions.author(who), id);
    Viewer.notice(
        request,
        batch.count("enrolled")
            + " enrolled, "
            + batch.count("waitlisted")
            + " waitlisted. Download the result for every row below.");
    response.sendRedirect(request.getContextPath() + "/teach/bulk-enrolments/" + id);
  }

  void enrol(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = AuthoringActions.author(who);
    var code = AuthoringActions.code(request.getParameter("course"));
    var back = request.getContextPath() + "/teach/" + code + "/cohort";
    var typed =
        request.getParameter("person") == null ? "" : request.getParameter("person").strip();
    var person =
        typed.isEmpty() ? java.util.Optional.<Long>empty() : people.find(typed).map(p -> p.id());
    String error = null;
    if (typed.isEmpty()) {
      error = "Enter the person's username, email address or staff number";
    } else if (person.isEmpty()) {
      error = "There is nobody with that username, email address or staff number who has signed in";
    } else {
      try {
        var placement = enrolments.enrolBy(author, code, person.get());
        Viewer.notice(
            request,
            placement.outcome() == Enrolments.Outcome.ENROLLED
                ? typed + " is enrolled."
                : typed + " is on the waitlist: the course is full.");
      } catch (Refusal refusal) {
        if (refusal.reason() != Refusal.Reason.CONFLICT) {
          throw refusal;
        }
        error = refusal.getMessage();
      }
    }
    if (error != null) {
      Viewer.keepForm(
          request, CohortPage.ENROL_FORM, Map.of("person", error), Map.of("person", typed));
    }
    response.sendRedirect(back + (error == null ? "" : "#enrol-heading"));
  }
}

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
  @Inject org.upskill.catalog.boundary.CourseAuthoring authoring;
  @Inject org.upskill.enrolment.boundary.BulkEnrolments bulk;
  @Inject org.upskill.enrolment.boundary.EnrolmentRules rules;
  @Inject jakarta.validation.Validator validator;

  void addRule(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = AuthoringActions.code(request.getParameter("course"));
    var back = request.getContextPath() + "/teach/" + code + "/rules";
    var form = org.upskill.web.teach.RuleForm.from(request);
    var errors = form.errors(validator);
    if (errors.isEmpty()) {
      try {
        rules.add(AuthoringActions.author(who), code, form.kind(), form.value(), form.days());
        Viewer.notice(
            request,
            "Rule added: everyone in “"
                + form.value()
                + "” is enrolled at their next sign-in. Apply the rules now to enrol those who"
                + " will not sign in soon.");
        response.sendRedirect(back);
        return;
      } catch (Refusal refusal) {
        if (refusal.reason() != Refusal.Reason.CONFLICT) {
          throw refusal;
        }
        errors = Map.of("value", refusal.getMessage());
      }
    }
    Viewer.keepForm(request, org.upskill.web.teach.RulesPage.FORM, errors, form.values());
    response.sendRedirect(back + "#rule-heading");
  }

  void removeRule(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = AuthoringActions.code(request.getParameter("course"));
    long id;
    try {
      id = Long.parseLong(request.getParameter("rule"));
    } catch (NumberFormatException e) {
      throw Refusal.notFound("There is no such rule.");
    }
    var group = rules.remove(AuthoringActions.author(who), code, id);
    Viewer.notice(
        request, "Rule for “" + group + "” removed. Nobody it enrolled has been taken off.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/rules");
  }

  void syncRules(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = AuthoringActions.code(request.getParameter("course"));
    var result = rules.sync(AuthoringActions.author(who), code);
    Viewer.notice(
        request,
        "Rules applied: "
            + result.enrolled()
            + " enrolled, "
            + result.waitlisted()
            + " waitlisted, "
            + result.alreadyKnown()
            + " already on the course or on it before.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/rules");
  }

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
    // Ownership first: someone who may not enrol people here learns nothing about who exists.
    authoring.course(author, code);
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

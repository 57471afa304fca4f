package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.upskill.catalog.boundary.CourseCode;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.learning.boundary.Learning;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.security.SignedIn;

/**
 * The forms' targets ({@code POST /action/…}). Each checks who is asking, calls one boundary, and
 * redirects to a page that says what happened (post/redirect/get). A refused action answers an
 * error page with the refusal's status and changes nothing. The CSRF filter has already checked the
 * form's token.
 */
@WebServlet("/action/*")
public class ActionServlet extends HttpServlet {

  @Inject Enrolments enrolments;
  @Inject Learning learning;
  @Inject AttemptActions attempts;
  @Inject AuthoringActions authoring;
  @Inject LessonActions lessons;
  @Inject QuizBuilderActions builder;
  @Inject CohortActions cohort;
  @Inject org.upskill.web.certificate.CertificateActions certificateActions;
  @Inject org.upskill.web.compliance.ComplianceActions compliance;
  @Inject org.upskill.web.compliance.RequirementActions requirements;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var signedIn = SignedIn.from(request);
    if (signedIn == null) {
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "Your session has ended. Sign in and try again.");
      return;
    }
    var action = request.getPathInfo() == null ? "" : request.getPathInfo();
    var course = request.getParameter("course");
    try {
      switch (action) {
        case "/enrol" -> enrol(request, response, signedIn, required(course));
        case "/leave" -> leave(request, response, signedIn, required(course));
        case "/complete" ->
            complete(request, response, signedIn, required(course), request.getParameter("lesson"));
        case "/quiz-start" -> attempts.start(request, response, signedIn);
        case "/attempt" -> attempts.save(request, response, signedIn);
        case "/attempt-submit" -> attempts.submit(request, response, signedIn);
        case "/accommodation" -> attempts.accommodate(request, response, signedIn);
        case "/course-create" -> authoring.create(request, response, signedIn);
        case "/course-update" -> authoring.update(request, response, signedIn);
        case "/course-owner" -> authoring.addOwner(request, response, signedIn);
        case "/module-add" -> authoring.addModule(request, response, signedIn);
        case "/module-rename" -> authoring.renameModule(request, response, signedIn);
        case "/module-move" -> authoring.moveModule(request, response, signedIn);
        case "/module-remove" -> authoring.removeModule(request, response, signedIn);
        case "/lesson-save" -> lessons.save(request, response, signedIn);
        case "/lesson-preview" -> lessons.preview(request, response, signedIn);
        case "/lesson-move" -> lessons.move(request, response, signedIn);
        case "/lesson-remove" -> lessons.remove(request, response, signedIn);
        case "/course-publish" -> authoring.publish(request, response, signedIn);
        case "/course-version-start" -> authoring.startVersion(request, response, signedIn);
        case "/course-version-discard" -> authoring.discardVersion(request, response, signedIn);
        case "/course-move-learners" -> authoring.moveLearners(request, response, signedIn);
        case "/quiz-create" -> builder.create(request, response, signedIn);
        case "/quiz-update" -> builder.update(request, response, signedIn);
        case "/question-add" -> builder.addQuestion(request, response, signedIn);
        case "/quiz-draw" -> builder.addDraw(request, response, signedIn);
        case "/quiz-slot-remove" -> builder.removeSlot(request, response, signedIn);
        case "/cohort-enrol" -> cohort.enrol(request, response, signedIn);
        case "/rule-add" -> cohort.addRule(request, response, signedIn);
        case "/rule-remove" -> cohort.removeRule(request, response, signedIn);
        case "/rule-sync" -> cohort.syncRules(request, response, signedIn);
        case "/certificate-revoke" -> certificateActions.revoke(request, response, signedIn);
        case "/bulk-enrol-apply" -> cohort.applyBatch(request, response, signedIn);
        case "/exemption-add" -> compliance.exempt(request, response, signedIn);
        case "/exemption-end" -> compliance.endExemption(request, response, signedIn);
        case "/requirement-save" -> requirements.save(request, response, signedIn);
        case "/requirement-remove" -> requirements.remove(request, response, signedIn);
        default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
      }
    } catch (Refusal refusal) {
      if (AttemptActions.wantsJson(request)) {
        AttemptActions.json(response, Errors.status(refusal), "message", refusal.getMessage());
      } else {
        response.sendError(Errors.status(refusal), refusal.getMessage());
      }
    }
  }

  private static String required(String course) {
    if (!CourseCode.isWellFormed(course)) {
      throw Refusal.notFound("There is no such course.");
    }
    return course;
  }

  private void enrol(
      HttpServletRequest request, HttpServletResponse response, SignedIn who, String course)
      throws IOException {
    var outcome = enrolments.enrol(who.personId(), course).outcome();
    Viewer.notice(
        request,
        switch (outcome) {
          case ENROLLED -> "You are enrolled. Start with the first lesson when you are ready.";
          case WAITLISTED ->
              "The course is full, so you are on the waitlist. When a place frees up you will be"
                  + " enrolled and told here.";
          case REQUESTED ->
              "Your request has been sent. A trainer or manager will approve or reject it.";
        });
    response.sendRedirect(request.getContextPath() + "/courses/" + course);
  }

  private void leave(
      HttpServletRequest request, HttpServletResponse response, SignedIn who, String course)
      throws IOException {
    enrolments.withdraw(who.personId(), course);
    Viewer.notice(request, "You have left the course. Your progress is kept if you come back.");
    response.sendRedirect(request.getContextPath() + "/courses/" + course);
  }

  private void complete(
      HttpServletRequest request,
      HttpServletResponse response,
      SignedIn who,
      String course,
      String lesson)
      throws IOException {
    int number;
    try {
      number = Integer.parseInt(lesson);
    } catch (NumberFormatException e) {
      throw Refusal.notFound("There is no such lesson.");
    }
    var completedCourse = learning.completeLesson(who.personId(), course, number);
    if (completedCourse) {
      Viewer.notice(
          request, "Course completed. Well done: it is now under Completed in My learning.");
      response.sendRedirect(request.getContextPath() + "/courses/" + course);
      return;
    }
    var next = request.getParameter("next");
    var target =
        next != null && next.matches("\\d{1,4}") && !"0".equals(next)
            ? "/courses/" + course + "/lessons/" + next
            : "/courses/" + course + "/lessons/" + number;
    response.sendRedirect(request.getContextPath() + target);
  }
}

package org.upskill.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.upskill.catalog.boundary.CourseCode;

/**
 * Human-readable addresses: {@code /courses/PY-CLIN/lessons/3} is served by {@code lesson.xhtml}
 * with the course code and lesson number as request attributes ({@code /attempts/42} carries the
 * attempt's id in {@link #CODE}). Facelets files are never served under their own names (the
 * scripts that Faces components name, under {@code /jakarta.faces.resource/}, are not Facelets).
 */
public class PrettyUrlFilter extends HttpFilter {

  /** Request attributes that carry the parts of the address. */
  public static final String CODE = "upskill.code";

  public static final String NUMBER = "upskill.number";

  /**
   * An address and the view that serves it. {@code method} is {@code GET} for a page whose forms
   * post to {@code /action/…}, or {@link #POSTBACK} for a page whose forms are Faces postbacks to
   * the page's own address (they carry the view state, which Faces checks).
   */
  private record Route(Pattern pattern, String view, String method) {
    boolean allows(String requestMethod) {
      return requestMethod.equals("GET")
          || requestMethod.equals("HEAD")
          || (method.equals(POSTBACK) && requestMethod.equals("POST"));
    }

    String allowHeader() {
      return method.equals(POSTBACK) ? "GET, HEAD, POST" : "GET, HEAD";
    }
  }

  private static final String POSTBACK = "GET, POST";

  /** Where Faces serves its components' scripts ({@code h:head} names them). */
  private static final String FACES_RESOURCES = "/jakarta.faces.resource/";

  /** A course code in an address, as a group. */
  private static final String COURSE = "(" + CourseCode.PATTERN + ")";

  private static final List<Route> ROUTES =
      List.of(
          new Route(Pattern.compile("/"), "/catalogue.xhtml", "GET"),
          new Route(Pattern.compile("/courses/?"), "/catalogue.xhtml", "GET"),
          new Route(Pattern.compile("/courses/" + COURSE), "/course.xhtml", "GET"),
          new Route(
              Pattern.compile("/courses/" + COURSE + "/(enrol|leave)"), "/confirm.xhtml", "GET"),
          new Route(
              Pattern.compile("/courses/" + COURSE + "/lessons/(\\d{1,4})"),
              "/lesson.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/courses/" + COURSE + "/quizzes/(\\d{1,12})"), "/quiz.xhtml", "GET"),
          new Route(
              Pattern.compile("/courses/" + COURSE + "/quizzes/(\\d{1,12})/overrides"),
              "/overrides.xhtml",
              "GET"),
          new Route(Pattern.compile("/attempts/(\\d{1,12})"), "/attempt.xhtml", "GET"),
          new Route(
              Pattern.compile("/attempts/(\\d{1,12})/summary"), "/attempt-summary.xhtml", "GET"),
          new Route(Pattern.compile("/attempts/(\\d{1,12})/review"), "/review.xhtml", "GET"),
          new Route(Pattern.compile("/teach/?"), "/teach.xhtml", "GET"),
          new Route(Pattern.compile("/teach/new"), "/course-edit.xhtml", "GET"),
          new Route(Pattern.compile("/teach/bulk-enrolments"), "/bulk-enrolment.xhtml", "GET"),
          new Route(
              Pattern.compile("/teach/bulk-enrolments/(\\d{1,12})"),
              "/bulk-enrolment.xhtml",
              "GET"),
          new Route(Pattern.compile("/teach/" + COURSE), "/course-edit.xhtml", "GET"),
          new Route(Pattern.compile("/teach/" + COURSE + "/modules"), "/modules.xhtml", "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/modules/(\\d{1,3})"),
              "/module-edit.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/modules/(\\d{1,3})/remove"),
              "/module-remove.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/modules/(\\d{1,3})/new-lesson"),
              "/lesson-edit.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/lessons/(\\d{1,12})"),
              "/lesson-edit.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/lessons/(\\d{1,12})/remove"),
              "/lesson-remove.xhtml",
              "GET"),
          new Route(Pattern.compile("/teach/" + COURSE + "/publish"), "/publish.xhtml", "GET"),
          new Route(Pattern.compile("/teach/" + COURSE + "/quizzes"), "/quizzes.xhtml", "GET"),
          new Route(Pattern.compile("/teach/" + COURSE + "/cohort"), "/cohort.xhtml", "GET"),
          new Route(Pattern.compile("/teach/" + COURSE + "/rules"), "/rules.xhtml", "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/versions/(\\d{1,4})"),
              "/version.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/versions/(\\d{1,4})/discard"),
              "/version-discard.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/move-learners"),
              "/move-learners.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/quizzes/(\\d{1,12})/analysis"),
              "/quiz-analysis.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/quizzes/new"), "/quiz-edit.xhtml", "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/quizzes/(\\d{1,12})"),
              "/quiz-edit.xhtml",
              "GET"),
          new Route(
              Pattern.compile("/teach/" + COURSE + "/quizzes/(\\d{1,12})/new-question"),
              "/question-new.xhtml",
              "GET"),
          new Route(Pattern.compile("/pathways/?"), "/pathways.xhtml", "GET"),
          new Route(Pattern.compile("/pathways/([a-z0-9-]{1,50})"), "/pathway.xhtml", "GET"),
          new Route(Pattern.compile("/my-learning"), "/my-learning.xhtml", "GET"),
          new Route(Pattern.compile("/my-certificates"), "/my-certificates.xhtml", "GET"),
          new Route(Pattern.compile("/verify"), "/verify.xhtml", "GET"),
          new Route(Pattern.compile("/verify/([A-Za-z0-9-]{1,64})"), "/verify.xhtml", "GET"),
          new Route(Pattern.compile("/admin/certificates"), "/admin-certificates.xhtml", "GET"),
          new Route(Pattern.compile("/admin/webhooks"), "/admin-webhooks.xhtml", "GET"),
          new Route(Pattern.compile("/admin/requirements"), "/requirements.xhtml", "GET"),
          new Route(Pattern.compile("/admin/audit"), "/audit.xhtml", "GET"),
          new Route(Pattern.compile("/admin/?"), "/admin.xhtml", "GET"),
          new Route(Pattern.compile("/admin/people"), "/admin-people.xhtml", "GET"),
          new Route(Pattern.compile("/admin/people/(\\d{1,12})"), "/admin-person.xhtml", POSTBACK),
          new Route(
              Pattern.compile("/admin/people/(\\d{1,12})/erase"), "/admin-erase.xhtml", POSTBACK),
          new Route(Pattern.compile("/admin/organisations"), "/admin-organisations.xhtml", "GET"),
          new Route(Pattern.compile("/admin/retention"), "/retention.xhtml", POSTBACK),
          new Route(Pattern.compile("/privacy"), "/privacy.xhtml", "GET"),
          new Route(Pattern.compile("/accessibility"), "/accessibility.xhtml", "GET"),
          new Route(Pattern.compile("/admin/requirements/new"), "/requirement-edit.xhtml", "GET"),
          new Route(
              Pattern.compile("/admin/requirements/(\\d{1,12})"), "/requirement-edit.xhtml", "GET"),
          new Route(
              Pattern.compile("/admin/requirements/(\\d{1,12})/remove"),
              "/requirement-remove.xhtml",
              "GET"),
          new Route(Pattern.compile("/manage/compliance"), "/compliance.xhtml", "GET"),
          new Route(
              Pattern.compile("/manage/compliance/people/(\\d{1,12})"),
              "/compliance-person.xhtml",
              "GET"),
          new Route(Pattern.compile("/profile"), "/profile.xhtml", POSTBACK),
          new Route(Pattern.compile("/approvals"), "/approvals.xhtml", POSTBACK));

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.endsWith(".xhtml") && !path.startsWith(FACES_RESOURCES)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (path.equals("/account/profile")) {
      response.sendRedirect(request.getContextPath() + "/profile");
      return;
    }
    for (var route : ROUTES) {
      Matcher matcher = route.pattern().matcher(path);
      if (matcher.matches()) {
        if (!route.allows(request.getMethod())) {
          response.setHeader("Allow", route.allowHeader());
          response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
          return;
        }
        if (matcher.groupCount() >= 1) {
          request.setAttribute(CODE, matcher.group(1));
        }
        if (matcher.groupCount() >= 2) {
          request.setAttribute(NUMBER, matcher.group(2));
        }
        request.getRequestDispatcher(route.view()).forward(request, response);
        return;
      }
    }
    chain.doFilter(request, response);
  }
}

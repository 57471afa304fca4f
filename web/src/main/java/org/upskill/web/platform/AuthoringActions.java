package org.upskill.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.CourseAuthoring.EditConflict;
import org.upskill.catalog.boundary.CourseCode;
import org.upskill.catalog.boundary.CoursePublishing;
import org.upskill.enrolment.boundary.VersionMoves;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.FieldRefusal;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;
import org.upskill.web.security.SignedIn;
import org.upskill.web.teach.CourseEditPage;
import org.upskill.web.teach.CourseForm;

/**
 * The authoring forms' targets: create a course, save its details, add a co-owner. Each checks the
 * role here and ownership in the boundary (before anyone named in the form is looked up, so that
 * the answer never says whether a person exists to someone who may not change the course); bad
 * input comes back with an error summary and what was typed; a save over someone else's newer save
 * comes back showing both.
 */
@ApplicationScoped
public class AuthoringActions {

  @Inject CourseAuthoring authoring;
  @Inject CoursePublishing publishing;
  @Inject VersionMoves versionMoves;
  @Inject People people;
  @Inject Validator validator;

  void create(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = author(who);
    var form = CourseForm.from(request);
    var errors = form.errors(validator);
    var back = request.getContextPath() + "/teach/new";
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, CourseEditPage.FORM, errors, form.values());
      response.sendRedirect(back);
      return;
    }
    String code;
    try {
      code = authoring.create(author, form.draft());
    } catch (FieldRefusal refusal) {
      Viewer.keepForm(
          request,
          CourseEditPage.FORM,
          Map.of(refusal.field(), refusal.getMessage()),
          form.values());
      response.sendRedirect(back);
      return;
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.CONFLICT) {
        throw refusal;
      }
      Viewer.keepForm(
          request, CourseEditPage.FORM, Map.of("code", refusal.getMessage()), form.values());
      response.sendRedirect(back);
      return;
    }
    Viewer.notice(request, "Course " + code + " created as a draft. Learners cannot see it yet.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code);
  }

  void update(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = author(who);
    var code = code(request.getParameter("course"));
    var back = request.getContextPath() + "/teach/" + code;
    var form = CourseForm.from(request).forCourse(code);
    var values = new LinkedHashMap<>(form.values());
    long version;
    try {
      version = Long.parseLong(request.getParameter("version"));
    } catch (NumberFormatException e) {
      throw Refusal.notFound("This form is not one of ours: reload the course and try again.");
    }
    values.put("version", String.valueOf(version));
    var errors = form.errors(validator);
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, CourseEditPage.FORM, errors, values);
      response.sendRedirect(back);
      return;
    }
    try {
      authoring.update(author, code, form.draft(), version);
    } catch (FieldRefusal refusal) {
      Viewer.keepForm(
          request, CourseEditPage.FORM, Map.of(refusal.field(), refusal.getMessage()), values);
      response.sendRedirect(back);
      return;
    } catch (EditConflict conflict) {
      // Keep what this trainer typed, based now on the newer version, and show the saved one.
      values.put("version", String.valueOf(conflict.current().version()));
      Viewer.keepForm(
          request, CourseEditPage.FORM, Map.of("conflict", conflict.getMessage()), values);
      request
          .getSession()
          .setAttribute(CourseEditPage.THEIRS, CourseForm.valuesOf(conflict.current().details()));
      response.sendRedirect(back);
      return;
    }
    Viewer.notice(request, "Course details saved.");
    response.sendRedirect(back);
  }

  void addOwner(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var author = author(who);
    var code = code(request.getParameter("course"));
    // Ownership first: someone who may not share the course learns nothing about who exists.
    authoring.course(author, code);
    var back = request.getContextPath() + "/teach/" + code;
    var typed = request.getParameter("owner") == null ? "" : request.getParameter("owner").strip();
    var person = people.find(typed);
    if (person.isEmpty()) {
      Viewer.keepForm(
          request,
          "course-owner",
          Map.of(
              "owner",
              typed.isEmpty()
                  ? "Enter the co-owner's username, email address or staff number"
                  : "There is nobody with that username, email address or staff number who has"
                      + " signed in"),
          Map.of("owner", typed));
      response.sendRedirect(back);
      return;
    }
    var name = authoring.addOwner(author, code, person.get().id());
    Viewer.notice(request, name + " can now edit this course.");
    response.sendRedirect(back);
  }

  void addModule(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    var back = request.getContextPath() + "/teach/" + code + "/modules";
    var module = moduleForm(request);
    if (module == null) {
      response.sendRedirect(back);
      return;
    }
    authoring.addModule(author(who), code, module[0], module[1]);
    Viewer.notice(request, "Module “" + module[0] + "” added.");
    response.sendRedirect(back);
  }

  void renameModule(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    var position = position(request);
    var module = moduleForm(request);
    if (module == null) {
      response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules/" + position);
      return;
    }
    authoring.renameModule(author(who), code, position, module[0], module[1]);
    Viewer.notice(request, "Module " + position + " renamed.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules");
  }

  void moveModule(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    authoring.moveModule(
        author(who), code, position(request), "up".equals(request.getParameter("direction")));
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules");
  }

  void removeModule(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    var title = authoring.removeModule(author(who), code, position(request));
    Viewer.notice(request, "Module “" + title + "” removed.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules");
  }

  void publish(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    var version = publishing.publish(author(who), code);
    Viewer.notice(
        request,
        version == 1
            ? "Version 1 of " + code + " is published: learners can find it now."
            : "Version "
                + version
                + " of "
                + code
                + " is published: learners who join from now on get it. Learners already on the"
                + " course stay on their version until you move them.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code);
  }

  void startVersion(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    var version = publishing.startVersion(author(who), code);
    Viewer.notice(
        request,
        "Version "
            + version
            + " is a draft copy of version "
            + (version - 1)
            + ". Change its modules, lessons and quizzes here; learners see version "
            + (version - 1)
            + " until you publish it.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code + "/modules");
  }

  void discardVersion(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    var version = publishing.discardVersion(author(who), code);
    Viewer.notice(request, "The draft of version " + version + " has been discarded.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code);
  }

  void moveLearners(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var code = code(request.getParameter("course"));
    var moved = versionMoves.moveLearners(author(who), code);
    Viewer.notice(
        request,
        moved == 1
            ? "1 learner moved to the published version, with their progress."
            : moved + " learners moved to the published version, with their progress.");
    response.sendRedirect(request.getContextPath() + "/teach/" + code);
  }

  /** The module form's title and summary, or {@code null} after keeping its errors. */
  private static String[] moduleForm(HttpServletRequest request) {
    var title = request.getParameter("title") == null ? "" : request.getParameter("title").strip();
    var summary =
        request.getParameter("summary") == null ? "" : request.getParameter("summary").strip();
    Map<String, String> errors = new LinkedHashMap<>();
    if (title.isEmpty()) {
      errors.put("title", "Enter a title for the module");
    } else if (title.length() > 200) {
      errors.put("title", "A module title is 200 characters or fewer");
    }
    if (summary.length() > 1000) {
      errors.put("summary", "A module summary is 1000 characters or fewer");
    }
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, "module", errors, Map.of("title", title, "summary", summary));
      return null;
    }
    return new String[] {title, summary.isEmpty() ? null : summary};
  }

  public static int position(HttpServletRequest request) {
    try {
      return Integer.parseInt(request.getParameter("module"));
    } catch (NumberFormatException e) {
      throw Refusal.notFound("There is no such module.");
    }
  }

  public static Staff author(SignedIn who) {
    if (!(who.hasRole("trainer") || who.hasRole("admin"))) {
      throw Refusal.forbidden("Only trainers and admins write courses.");
    }
    return who.staff();
  }

  public static String code(String code) {
    if (!CourseCode.isWellFormed(code)) {
      throw Refusal.notFound("There is no such course.");
    }
    return code;
  }
}

package org.upskill.web.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.upskill.assessment.boundary.Quizzes;
import org.upskill.assessment.control.Answer;
import org.upskill.assessment.control.AnswerJson;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.Jsonp;
import org.upskill.web.security.SignedIn;

/**
 * The quiz forms' targets: start an attempt, save a page (or autosave, answering JSON to the page's
 * script), submit. Answers are read from the form by slot: {@code q{slot}} for options and text,
 * {@code q{slot}.{id}} for an ordering item's position or a matching prompt's answer.
 */
@ApplicationScoped
public class AttemptActions {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.of("Europe/London"));

  @Inject Quizzes quizzes;
  @Inject org.upskill.people.boundary.People people;

  void start(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var quiz = id(request.getParameter("quiz"), "There is no such quiz.");
    var attempt = quizzes.start(who.personId(), quiz);
    response.sendRedirect(request.getContextPath() + "/attempts/" + attempt);
  }

  void save(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var attempt = id(request.getParameter("attempt"), "There is no such attempt.");
    var sequence = sequence(request);
    var answers = answers(request);
    var go = request.getParameter("go") == null ? "" : request.getParameter("go");
    var base = request.getContextPath() + "/attempts/" + attempt;
    if (go.equals("timeup")) {
      var saved = quizzes.save(who.personId(), attempt, sequence, answers);
      if (saved.accepted()) {
        quizzes.submit(who.personId(), attempt, saved.sequence(), Map.of(), true);
      }
      response.sendRedirect(base + "/review");
      return;
    }
    var saved = quizzes.save(who.personId(), attempt, sequence, answers);
    if (wantsJson(request)) {
      if (saved.accepted()) {
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                Jsonp.objectBuilder()
                    .add("accepted", true)
                    .add("sequence", saved.sequence())
                    .add("savedAt", saved.savedAt().toString())
                    .add("savedAtText", TIME.format(saved.savedAt()))
                    .build()
                    .toString());
      } else {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        response.setContentType("application/json");
        response
            .getWriter()
            .write(
                Jsonp.objectBuilder()
                    .add("accepted", false)
                    .add("ended", true)
                    .add("review", base + "/review")
                    .build()
                    .toString());
      }
      return;
    }
    if (!saved.accepted()) {
      response.sendRedirect(base); // the attempt page explains and sends on to the review
      return;
    }
    int page = number(request.getParameter("page"), 1);
    if (go.equals("summary")) {
      response.sendRedirect(base + "/summary");
    } else if (go.equals("next")) {
      response.sendRedirect(base + "?page=" + (page + 1));
    } else if (go.equals("previous")) {
      response.sendRedirect(base + "?page=" + Math.max(1, page - 1));
    } else if (go.startsWith("page-")) {
      response.sendRedirect(base + "?page=" + number(go.substring(5), 1));
    } else {
      response.sendRedirect(base + "?page=" + page);
    }
  }

  void submit(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var attempt = id(request.getParameter("attempt"), "There is no such attempt.");
    var result = quizzes.submit(who.personId(), attempt, sequence(request), Map.of());
    Viewer.notice(
        request,
        result.submittedByTimer()
            ? "The time was up, so your attempt was submitted with the answers saved before then."
            : "Your attempt has been submitted.");
    response.sendRedirect(request.getContextPath() + "/attempts/" + attempt + "/review");
  }

  /** Sets a per-quiz override (and, for managers and admins, standing extra time) for a person. */
  void accommodate(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    var staff = who.staff();
    var quiz = id(request.getParameter("quiz"), "There is no such quiz.");
    var course = quizzes.courseCodeOf(quiz);
    if (!quizzes.mayAccommodate(staff, course)) {
      throw Refusal.forbidden("Only the course's owners, managers and admins set accommodations.");
    }
    var back = request.getContextPath() + "/courses/" + course + "/quizzes/" + quiz + "/overrides";
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (var field : List.of("person", "extraTime", "extraMinutes", "extraAttempts", "closeDate")) {
      var value = request.getParameter(field);
      values.put(field, value == null ? "" : value.strip());
    }
    Map<String, String> errors = new java.util.LinkedHashMap<>();
    var person = people.find(values.get("person"));
    if (values.get("person").isEmpty()) {
      errors.put("person", "Enter the person's username, email address or staff number");
    } else if (person.isEmpty()) {
      errors.put("person", "There is nobody with that username, email address or staff number");
    }
    Integer extraTime = null;
    if ((staff.admin() || staff.manager()) && !values.get("extraTime").isEmpty()) {
      extraTime = whole(values.get("extraTime"), 0, 200);
      if (extraTime == null) {
        errors.put("extraTime", "Extra time must be a whole number from 0 to 200");
      }
    }
    var minutes =
        whole(values.get("extraMinutes").isEmpty() ? "0" : values.get("extraMinutes"), 0, 1440);
    if (minutes == null) {
      errors.put("extraMinutes", "Extra minutes must be a whole number from 0 to 1440");
    }
    var extraAttempts =
        whole(values.get("extraAttempts").isEmpty() ? "0" : values.get("extraAttempts"), 0, 20);
    if (extraAttempts == null) {
      errors.put("extraAttempts", "Extra attempts must be a whole number from 0 to 20");
    }
    Instant closesAt = null;
    if (!values.get("closeDate").isEmpty()) {
      try {
        var date = java.time.LocalDate.parse(values.get("closeDate"));
        if (org.upskill.platform.control.DateBounds.accepts(date)) {
          closesAt = date.atTime(23, 59).atZone(ZoneId.of("Europe/London")).toInstant();
        } else {
          errors.put(
              "closeDate", "Enter a close date " + org.upskill.platform.control.DateBounds.range());
        }
      } catch (java.time.format.DateTimeParseException e) {
        errors.put("closeDate", "Enter the close date as year-month-day, for example 2027-03-31");
      }
    }
    if (!errors.isEmpty()) {
      Viewer.keepForm(request, "accommodation", errors, values);
      response.sendRedirect(back);
      return;
    }
    try {
      quizzes.accommodate(
          staff, quiz, person.get().id(), extraTime, extraAttempts, closesAt, minutes);
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.FORBIDDEN || extraTime == null) {
        throw refusal;
      }
      // A manager's extra time for someone outside their organisation: a mistake in that field.
      Viewer.keepForm(request, "accommodation", Map.of("extraTime", refusal.getMessage()), values);
      response.sendRedirect(back);
      return;
    }
    Viewer.notice(request, "Accommodation saved for " + person.get().displayName() + ".");
    response.sendRedirect(back);
  }

  private static Integer whole(String value, int min, int max) {
    try {
      int n = Integer.parseInt(value);
      return n < min || n > max ? null : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Reads the answers on the posted page. */
  static Map<Integer, Answer> answers(HttpServletRequest request) {
    Map<Integer, Answer> answers = new HashMap<>();
    var slots = request.getParameter("slots");
    if (slots == null || slots.isBlank()) {
      return answers;
    }
    var listed = slots.split(",");
    if (listed.length > 200) {
      throw Refusal.notFound("This attempt has no such questions.");
    }
    for (var value : listed) {
      int slot = number(value.strip(), -1);
      if (slot < 1) {
        throw Refusal.notFound("This attempt has no such question.");
      }
      var type = request.getParameter("t" + slot);
      var values = request.getParameterValues("q" + slot);
      var given = values == null ? List.<String>of() : Arrays.asList(values);
      Map<String, String> parts = new HashMap<>();
      var prefix = "q" + slot + ".";
      request
          .getParameterMap()
          .forEach(
              (name, v) -> {
                if (name.startsWith(prefix) && v.length > 0 && !v[0].isBlank()) {
                  parts.put(name.substring(prefix.length()), v[0]);
                }
              });
      Answer answer;
      if ("single".equals(type) || "multiple".equals(type)) {
        answer = new Answer(new HashSet<>(given), null, List.of(), Map.of());
      } else if ("ordering".equals(type) || "matching".equals(type)) {
        answer = new Answer(java.util.Set.of(), null, List.of(), parts);
      } else {
        answer = given.isEmpty() ? Answer.EMPTY : Answer.text(given.get(0));
      }
      try {
        AnswerJson.requireWithinLimits(answer);
      } catch (IllegalArgumentException e) {
        throw Refusal.conflict(e.getMessage());
      }
      answers.put(slot, answer);
    }
    return answers;
  }

  static boolean wantsJson(HttpServletRequest request) {
    var accept = request.getHeader("Accept");
    return accept != null && accept.startsWith("application/json");
  }

  static void json(HttpServletResponse response, int status, String key, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.getWriter().write(Jsonp.objectBuilder().add(key, message).build().toString());
  }

  private static int sequence(HttpServletRequest request) {
    return number(request.getParameter("sequence"), -1);
  }

  private static long id(String value, String message) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw Refusal.notFound(message);
    }
  }

  private static int number(String value, int otherwise) {
    try {
      return value == null ? otherwise : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }
}

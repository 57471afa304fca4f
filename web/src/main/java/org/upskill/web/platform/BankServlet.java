package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import org.upskill.assessment.boundary.QuizAuthoring;
import org.upskill.catalog.boundary.CourseCode;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.security.SignedIn;

/**
 * A course's question bank as a JSON file: {@code GET /export/banks/{code}.json} downloads it,
 * {@code POST /upload/bank} (multipart: {@code course}, {@code file}) imports one into a draft
 * course — all of it, or nothing with every problem listed.
 */
@WebServlet({"/export/banks/*", "/upload/bank"})
@MultipartConfig(
    maxFileSize = BankServlet.MAX_BYTES,
    maxRequestSize = BankServlet.MAX_BYTES + 100_000)
public class BankServlet extends HttpServlet {

  public static final long MAX_BYTES = 5_000_000;
  public static final String FORM = "bank-import";

  @Inject QuizAuthoring quizzes;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to download a bank.");
      return;
    }
    var path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!request.getServletPath().equals("/export/banks")
        || !path.matches("/" + CourseCode.PATTERN + "\\.json")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var code = path.substring(1, path.length() - 5);
    String json;
    try {
      json = quizzes.exportBank(AuthoringActions.author(who), code);
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
      return;
    }
    response.setContentType("application/json;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"" + code + "-question-bank.json\"");
    response.setHeader("Cache-Control", "no-store");
    response.getWriter().write(json);
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "Your session has ended. Sign in and try again.");
      return;
    }
    if (!request.getServletPath().equals("/upload/bank")) {
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    try {
      var author = AuthoringActions.author(who);
      var code = AuthoringActions.code(request.getParameter("course"));
      var back = request.getContextPath() + "/teach/" + code + "/quizzes#bank-heading";
      var errors = new LinkedHashMap<String, String>();
      jakarta.servlet.http.Part file = null;
      try {
        file = request.getPart("bank");
      } catch (IllegalStateException tooLarge) {
        errors.put("bank", "The file is larger than 5 MB.");
      } catch (ServletException notMultipart) {
        errors.put("bank", "Choose a question bank file (JSON) to import.");
      }
      if (errors.isEmpty() && (file == null || file.getSize() == 0)) {
        errors.put("bank", "Choose a question bank file (JSON) to import.");
      }
      if (errors.isEmpty()) {
        try (var in = file.getInputStream()) {
          var count =
              quizzes.importBank(
                  author, code, new String(in.readAllBytes(), StandardCharsets.UTF_8));
          Viewer.notice(
              request,
              count + (count == 1 ? " question" : " questions") + " imported into the bank.");
        } catch (QuizAuthoring.BankRefused refused) {
          errors.put("bank", refused.getMessage());
          var problems = refused.problems();
          for (int i = 0; i < Math.min(20, problems.size()); i++) {
            errors.put("bank-problem-" + i, problems.get(i));
          }
        }
      }
      if (!errors.isEmpty()) {
        Viewer.keepForm(request, FORM, errors, java.util.Map.of());
      }
      response.sendRedirect(back);
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
    }
  }
}

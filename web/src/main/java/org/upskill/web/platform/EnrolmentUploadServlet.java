package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.upskill.enrolment.boundary.BulkEnrolments;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.security.SignedIn;
import org.upskill.web.teach.BulkEnrolmentPage;

/**
 * {@code POST /upload/enrolments}: a bulk-enrolment CSV file (at most 5 MB, UTF-8, with or without
 * a byte-order mark) is checked and kept as a preview, then the browser goes to it. A file that
 * cannot be used comes back to the upload page with the reason. The CSRF filter has already checked
 * the form's token.
 */
@WebServlet("/upload/enrolments")
@MultipartConfig(
    maxFileSize = BulkEnrolmentPage.MAX_BYTES,
    maxRequestSize = BulkEnrolmentPage.MAX_BYTES + 100_000)
public class EnrolmentUploadServlet extends HttpServlet {

  @Inject BulkEnrolments bulk;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "Your session has ended. Sign in and try again.");
      return;
    }
    var back = request.getContextPath() + "/teach/bulk-enrolments";
    try {
      var author = AuthoringActions.author(who);
      jakarta.servlet.http.Part file;
      try {
        file = request.getPart("file");
      } catch (IllegalStateException tooLarge) {
        refuse(request, response, back, "The file is larger than 5 MB: split it into parts.");
        return;
      } catch (ServletException notMultipart) {
        refuse(request, response, back, "Choose a CSV file to upload.");
        return;
      }
      if (file == null || file.getSize() == 0) {
        refuse(request, response, back, "Choose a CSV file to upload.");
        return;
      }
      long id;
      try (var in = new java.io.BufferedInputStream(file.getInputStream())) {
        in.mark(3);
        var bom = in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF;
        if (!bom) {
          in.reset();
        }
        id =
            bulk.check(
                author,
                file.getSubmittedFileName(),
                new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (BulkEnrolments.FileRefused refused) {
        refuse(request, response, back, refused.getMessage());
        return;
      }
      go(request, response, back + "/" + id);
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
    }
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, String back, String message)
      throws IOException {
    Viewer.keepForm(request, BulkEnrolmentPage.FORM, Map.of("file", message), Map.of());
    go(request, response, back);
  }

  /**
   * Sends the browser on: a redirect for a plain form; for the page's script (which shows the
   * upload's progress) the address as text, so that the page it opens is the first to read what was
   * kept for it.
   */
  private static void go(HttpServletRequest request, HttpServletResponse response, String target)
      throws IOException {
    if ("location".equals(request.getHeader("X-Upskill-Want"))) {
      response.setContentType("text/plain;charset=UTF-8");
      response.setHeader("Cache-Control", "no-store");
      response.getWriter().write(target);
    } else {
      response.sendRedirect(target);
    }
  }
}

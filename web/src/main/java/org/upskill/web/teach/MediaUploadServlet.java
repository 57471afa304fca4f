package org.upskill.web.teach;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.upskill.catalog.boundary.MediaLibrary;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.AuthoringActions;
import org.upskill.web.platform.Errors;
import org.upskill.web.platform.Viewer;
import org.upskill.web.security.SignedIn;

/**
 * {@code POST /upload/media}: an image for a draft course's lessons, from the lesson editor. The
 * editor comes back with the Markdown that shows the image, or with why it was refused.
 */
@WebServlet("/upload/media")
@MultipartConfig(
    maxFileSize = MediaLibrary.MAX_BYTES + 1L,
    maxRequestSize = MediaLibrary.MAX_BYTES + 200_000L)
public class MediaUploadServlet extends HttpServlet {

  /** Session key of the Markdown for the image just uploaded, shown once by the editor. */
  public static final String SNIPPET = MediaUploadServlet.class.getName() + ".snippet";

  @Inject MediaLibrary media;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "Your session has ended. Sign in and try again.");
      return;
    }
    try {
      var author = AuthoringActions.author(who);
      var code = AuthoringActions.code(request.getParameter("course"));
      var lesson = request.getParameter("lesson");
      Long lessonId = lesson == null || !lesson.matches("\\d{1,12}") ? null : Long.valueOf(lesson);
      var module = lessonId == null ? AuthoringActions.position(request) : 0;
      var back =
          request.getContextPath()
              + "/teach/"
              + code
              + (lessonId == null ? "/modules/" + module + "/new-lesson" : "/lessons/" + lessonId)
              + "#image-heading";
      var form = "media-" + LessonEditPage.formKey(code, lessonId, module);
      String error = null;
      jakarta.servlet.http.Part file = null;
      try {
        file = request.getPart("image");
      } catch (IllegalStateException tooLarge) {
        error = "The image is larger than 2 MB: make it smaller and try again.";
      } catch (ServletException notMultipart) {
        error = "Choose an image to upload.";
      }
      if (error == null && (file == null || file.getSize() == 0)) {
        error = "Choose an image to upload.";
      }
      if (error == null) {
        try (var in = file.getInputStream()) {
          var address = media.upload(author, code, file.getSubmittedFileName(), in.readAllBytes());
          request
              .getSession()
              .setAttribute(
                  SNIPPET, "![Describe the image for someone who cannot see it](" + address + ")");
          Viewer.notice(
              request,
              "Image uploaded. Copy the Markdown below into the lesson where it should appear.");
        } catch (Refusal refusal) {
          if (refusal.reason() != Refusal.Reason.CONFLICT) {
            throw refusal;
          }
          error = refusal.getMessage();
        }
      }
      if (error != null) {
        Viewer.keepForm(request, form, Map.of("image", error), Map.of());
      }
      response.sendRedirect(back);
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
    }
  }
}

package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.upskill.catalog.boundary.MediaLibrary;

/**
 * {@code GET /media/{key}}: an uploaded lesson image, with the type found in its bytes, never
 * sniffed, and cached for good (an image never changes under its key).
 */
@WebServlet("/media/*")
public class MediaServlet extends HttpServlet {

  @Inject MediaLibrary media;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!path.matches("/[A-Za-z0-9_-]{43}")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var file = media.find(path.substring(1));
    if (file.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setContentType(file.get().contentType());
    response.setContentLength(file.get().content().length);
    response.setHeader("Cache-Control", "public, max-age=31536000, immutable");
    response.setHeader("Content-Disposition", "inline");
    response.getOutputStream().write(file.get().content());
  }
}

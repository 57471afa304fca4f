package org.upskill.web.account;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.upskill.platform.control.PublicAddress;
import org.upskill.privacy.boundary.Privacy;
import org.upskill.web.security.SignedIn;

/**
 * {@code GET /profile/export.zip}: the signed-in person's own data (subject access), as a ZIP of a
 * JSON document and their certificates' PDFs. Only ever the caller's own: there is no id to change.
 */
@WebServlet("/profile/export.zip")
public class ExportServlet extends HttpServlet {

  @Inject Privacy privacy;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to download your data.");
      return;
    }
    var zip =
        privacy.export(
            who.personId(),
            PublicAddress.of(
                request.getScheme(), request.getServerName(), request.getServerPort()));
    response.setContentType("application/zip");
    response.setHeader("Content-Disposition", "attachment; filename=\"upskill-my-data.zip\"");
    response.setHeader("Cache-Control", "no-store");
    response.setContentLength(zip.length);
    response.getOutputStream().write(zip);
  }
}

package org.upskill.web.certificate;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.upskill.certification.boundary.Certificates;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.PublicAddress;
import org.upskill.web.platform.Errors;
import org.upskill.web.security.SignedIn;

/**
 * A holder's downloads: {@code GET /certificates/{id}.pdf} (the certificate) and {@code
 * /certificates/{id}.jwt} (the Open Badges 3.0 credential, signed). Only for the holder: anyone
 * else gets 404, as if it did not exist.
 */
@WebServlet("/certificates/*")
public class CertificateServlet extends HttpServlet {

  @Inject Certificates certificates;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to download certificates.");
      return;
    }
    var path = request.getPathInfo() == null ? "" : request.getPathInfo();
    var matcher = java.util.regex.Pattern.compile("/(\\d{1,12})\\.(pdf|jwt)").matcher(path);
    if (!matcher.matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var id = Long.parseLong(matcher.group(1));
    var base =
        PublicAddress.of(request.getScheme(), request.getServerName(), request.getServerPort());
    try {
      var name = certificates.fileName(who.personId(), id);
      response.setHeader("Cache-Control", "private, no-store");
      if ("pdf".equals(matcher.group(2))) {
        var pdf = certificates.pdf(who.personId(), id, base);
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
      } else {
        var jwt = certificates.credential(who.personId(), id, base);
        response.setContentType("application/jwt");
        response.setCharacterEncoding(StandardCharsets.US_ASCII.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".jwt\"");
        response.getWriter().write(jwt);
      }
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
    }
  }
}

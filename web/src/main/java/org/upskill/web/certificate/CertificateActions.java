package org.upskill.web.certificate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.upskill.certification.boundary.Certificates;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.Viewer;
import org.upskill.web.security.SignedIn;

/** An admin revokes a certificate, with a reason (the form's target). */
@ApplicationScoped
public class CertificateActions {

  @Inject Certificates certificates;

  public void revoke(HttpServletRequest request, HttpServletResponse response, SignedIn who)
      throws IOException {
    if (!who.hasRole("admin")) {
      throw Refusal.forbidden("Only admins revoke certificates.");
    }
    var code = request.getParameter("code") == null ? "" : request.getParameter("code").strip();
    var reason =
        request.getParameter("reason") == null ? "" : request.getParameter("reason").strip();
    var back =
        request.getContextPath()
            + "/admin/certificates?code="
            + URLEncoder.encode(code, StandardCharsets.UTF_8);
    String error = null;
    if (reason.isEmpty()) {
      error = "Enter why the certificate is revoked";
    } else if (reason.length() > 1000) {
      error = "A reason is 1000 characters or fewer";
    }
    if (error != null) {
      Viewer.keepForm(
          request, AdminCertificatesPage.FORM, Map.of("reason", error), Map.of("reason", reason));
      response.sendRedirect(back);
      return;
    }
    try {
      certificates.revoke(who.personId(), code, reason);
    } catch (Refusal refusal) {
      if (refusal.reason() != Refusal.Reason.CONFLICT) {
        throw refusal;
      }
      Viewer.keepForm(
          request,
          AdminCertificatesPage.FORM,
          Map.of("reason", refusal.getMessage()),
          Map.of("reason", reason));
      response.sendRedirect(back);
      return;
    }
    Viewer.notice(request, "Certificate revoked. Verification says so from now on.");
    response.sendRedirect(back);
  }
}

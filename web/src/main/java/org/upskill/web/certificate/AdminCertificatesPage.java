package org.upskill.web.certificate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.upskill.certification.boundary.Certificates;
import org.upskill.certification.control.VerificationCode;
import org.upskill.web.platform.Viewer;

/**
 * {@code /admin/certificates}: an admin finds a certificate by its code and revokes it, with a
 * reason. Everyone else gets 403.
 */
@Named
@RequestScoped
public class AdminCertificatesPage {

  public static final String FORM = "revoke";

  @Inject Certificates certificates;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private String typed = "";
  private Certificates.Verification found;
  private boolean searched;
  private Map<String, String> errors = Map.of();
  private Map<String, String> values = Map.of();

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    if (!viewer.hasRole("admin")) {
      viewer.refuse(403, "Only admins manage certificates.");
      return;
    }
    var code = request.getParameter("code");
    if (code != null && !code.isBlank()) {
      typed = code.strip().length() > 64 ? code.strip().substring(0, 64) : code.strip();
      searched = true;
      found = certificates.find(typed).orElse(null);
    }
    errors = viewer.takeErrors(FORM);
    values = viewer.takeValues(FORM);
  }

  public String getTyped() {
    return typed;
  }

  public Certificates.Verification getFound() {
    return found;
  }

  public boolean isSearched() {
    return searched;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public String display(String code) {
    return code == null ? "" : VerificationCode.display(code);
  }
}

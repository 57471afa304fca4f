package org.upskill.web.certificate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.upskill.certification.boundary.Certificates;
import org.upskill.certification.boundary.VerificationThrottle;
import org.upskill.certification.control.VerificationCode;
import org.upskill.web.platform.PrettyUrlFilter;

/**
 * The public verification page, no sign-in: {@code /verify} (a form) and {@code /verify/{code}}
 * (the QR code's target). It says valid, expired, revoked or not found, with the holder's name, the
 * course and the dates. A client that tries too many codes that do not exist is told to wait (429
 * with Retry-After).
 */
@Named
@RequestScoped
public class VerifyPage {

  @Inject Certificates certificates;
  @Inject VerificationThrottle throttle;
  @Inject HttpServletRequest request;

  private String typed = "";
  private Certificates.Verification result;
  private long retryAfter;

  public void load() {
    var fromPath = (String) request.getAttribute(PrettyUrlFilter.CODE);
    var fromForm = request.getParameter("code");
    typed = fromPath != null ? fromPath : fromForm == null ? "" : fromForm.strip();
    if (typed.isEmpty()) {
      return;
    }
    if (typed.length() > 64) {
      typed = typed.substring(0, 64);
    }
    var client = request.getRemoteAddr();
    retryAfter = throttle.retryAfter(client);
    var external = FacesContext.getCurrentInstance().getExternalContext();
    external.setResponseHeader("Cache-Control", "no-store");
    external.setResponseHeader("X-Robots-Tag", "noindex");
    if (retryAfter > 0) {
      external.setResponseStatus(429);
      external.setResponseHeader("Retry-After", String.valueOf(retryAfter));
      return;
    }
    result = certificates.verify(typed);
    if ("unknown".equals(result.status())) {
      throttle.failed(client);
      external.setResponseStatus(404);
    }
  }

  public String getTyped() {
    return typed;
  }

  public Certificates.Verification getResult() {
    return result;
  }

  public long getRetryAfter() {
    return retryAfter;
  }

  /** A code as people read it. */
  public String display(String code) {
    return code == null ? "" : VerificationCode.display(code);
  }
}

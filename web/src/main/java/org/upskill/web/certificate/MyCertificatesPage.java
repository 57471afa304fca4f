package org.upskill.web.certificate;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.upskill.certification.boundary.Certificates;
import org.upskill.certification.control.VerificationCode;
import org.upskill.web.platform.Viewer;

/**
 * {@code /my-certificates}: the signed-in person's certificates, newest first, with their standing,
 * "expires in N days", downloads (PDF, Open Badge) and renewal when it is due.
 */
@Named
@RequestScoped
public class MyCertificatesPage {

  @Inject Certificates certificates;
  @Inject Viewer viewer;

  private List<Certificates.Held> held = List.of();

  public void load() {
    if (viewer.requireSignIn()) {
      held = certificates.of(viewer.personId());
    }
  }

  public List<Certificates.Held> getCertificates() {
    return held;
  }

  /** A code as people read it. */
  public String display(String code) {
    return VerificationCode.display(code);
  }

  /** Words for how long is left: "expires in 12 days", "expires today", "expired 3 days ago". */
  public String remaining(Certificates.Held certificate) {
    var days = certificate.daysLeft();
    if (days == null) {
      return "Does not expire";
    }
    if (days > 1) {
      return "Expires in " + days + " days";
    }
    if (days == 1) {
      return "Expires tomorrow";
    }
    if (days == 0) {
      return "Expires at the end of today";
    }
    return days == -1 ? "Expired yesterday" : "Expired " + (-days) + " days ago";
  }

  /** The tag colour of a state. */
  public String colour(String state) {
    return switch (state) {
      case "valid" -> "green";
      case "expired" -> "orange";
      case "revoked" -> "red";
      default -> "grey";
    };
  }
}

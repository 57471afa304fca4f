package org.upskill.web.approval;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.enrolment.boundary.PendingRequest;
import org.upskill.platform.boundary.FieldRefusal;
import org.upskill.web.platform.Viewer;

/**
 * Requests for a place that need approval ({@code /approvals}), for trainers, managers and admins:
 * approve, or reject with a reason the learner will see.
 *
 * <p>Each request has its own form, a Faces postback to {@code /approvals} (docs/architecture.md,
 * "A form"). A rejection that the boundary refuses for its reason ({@link FieldRefusal}) shows the
 * page again at once, in the answer to the post, with the error beside the field and in the error
 * summary and the reason as it was typed; a decision made redirects here with a notice.
 */
@Named
@RequestScoped
public class ApprovalsPage {

  @Inject Enrolments enrolments;
  @Inject Viewer viewer;

  private List<PendingRequest> requests;
  private final Map<Long, String> reasons = new HashMap<>();

  /** The view action of the page and its postbacks: sign-in and a role that decides. */
  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    if (!mayDecide()) {
      viewer.refuse(403, "Only trainers and managers can decide on requests for a place.");
    }
  }

  /** The requests waiting, read once per request (the page's forms are built from them). */
  public List<PendingRequest> getRequests() {
    if (requests == null) {
      requests = mayDecide() ? enrolments.pendingRequests() : List.of();
    }
    return requests;
  }

  /** The reasons typed, by enrolment. */
  public Map<Long, String> getReasons() {
    return reasons;
  }

  public void approve(long enrolment) {
    if (refused()) {
      return;
    }
    enrolments.approve(enrolment, viewer.personId());
    viewer.notice("Request approved.");
    viewer.redirect("/approvals");
  }

  public void reject(long enrolment) {
    if (refused()) {
      return;
    }
    try {
      enrolments.reject(enrolment, viewer.personId(), reasons.get(enrolment));
    } catch (FieldRefusal refusal) {
      viewer.fieldError("reason-" + enrolment, refusal.getMessage());
      return;
    }
    viewer.notice("Request rejected. The learner will see your reason.");
    viewer.redirect("/approvals");
  }

  private boolean mayDecide() {
    return viewer.hasRole("trainer") || viewer.hasRole("manager") || viewer.hasRole("admin");
  }

  /** Whether the postback must stop: nobody signed in (401), or no one who decides (403). */
  private boolean refused() {
    if (!viewer.isSignedIn()) {
      viewer.refuse(401, "Your session has ended. Sign in and try again.");
      return true;
    }
    if (!mayDecide()) {
      viewer.refuse(403, "Only trainers and managers can decide on requests.");
      return true;
    }
    return false;
  }
}

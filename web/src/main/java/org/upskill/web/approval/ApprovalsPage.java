package org.upskill.web.approval;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.enrolment.boundary.PendingRequest;
import org.upskill.web.platform.Viewer;

/**
 * Requests for a place that need approval ({@code /approvals}), for trainers, managers and admins:
 * approve, or reject with a reason the learner will see.
 */
@Named
@RequestScoped
public class ApprovalsPage {

  @Inject Enrolments enrolments;
  @Inject Viewer viewer;

  private List<PendingRequest> requests = List.of();
  private final Map<String, String> errors = new HashMap<>();
  private final Map<String, String> values = new HashMap<>();

  public void load() {
    if (!viewer.requireSignIn()) {
      return;
    }
    if (!(viewer.hasRole("trainer") || viewer.hasRole("manager") || viewer.hasRole("admin"))) {
      viewer.refuse(403, "Only trainers and managers can decide on requests for a place.");
      return;
    }
    requests = enrolments.pendingRequests();
    for (var request : requests) {
      var form = "decide-" + request.enrolmentId();
      errors.putAll(viewer.takeErrors(form));
      viewer.takeValues(form).forEach((k, v) -> values.put(k + "-" + request.enrolmentId(), v));
    }
  }

  public List<PendingRequest> getRequests() {
    return requests;
  }

  /** Field → message, for the error summary and the fields. */
  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }
}

package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.enrolment.boundary.BulkEnrolments;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * Bulk enrolment: the upload page ({@code /teach/bulk-enrolments}) and a checked file's preview,
 * then its result ({@code /teach/bulk-enrolments/{id}}).
 */
@Named
@RequestScoped
public class BulkEnrolmentPage {

  public static final String FORM = "bulk-enrolment";
  public static final long MAX_BYTES = 5_000_000;

  /** Problem rows shown on the page; the report has them all. */
  public static final int SHOWN = 200;

  @Inject BulkEnrolments bulk;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private boolean loaded;
  private BulkEnrolments.Batch batch;
  private Map<String, String> errors = Map.of();

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var number = (String) request.getAttribute(PrettyUrlFilter.CODE);
    if (number != null) {
      try {
        batch = bulk.batch(author, Long.parseLong(number));
      } catch (Refusal refusal) {
        viewer.refuse(refusal);
        return;
      }
    }
    errors = viewer.takeErrors(FORM);
    loaded = true;
  }

  public boolean isLoaded() {
    return loaded;
  }

  public BulkEnrolments.Batch getBatch() {
    return batch;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  /** The first problem rows, for the page. */
  public List<BulkEnrolments.RowView> getShownProblems() {
    var problems = batch.problems();
    return problems.subList(0, Math.min(SHOWN, problems.size()));
  }
}

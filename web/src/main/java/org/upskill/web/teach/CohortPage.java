package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.assessment.boundary.QuizStatistics;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.enrolment.boundary.PendingRequest;
import org.upskill.learning.boundary.Cohorts;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * A course's cohort for its owners ({@code /teach/{code}/cohort}): learners × modules, quiz grades,
 * pending requests, enrolling someone, the CSV export; and a quiz's item analysis ({@code
 * /teach/{code}/quizzes/{id}/analysis}).
 */
@Named
@RequestScoped
public class CohortPage {

  public static final int PAGE_SIZE = 50;
  public static final String ENROL_FORM = "cohort-enrol";

  /** Which page of the grid this is, for the pagination component. */
  public record Paging(int number, int pageCount) {
    public boolean hasPrevious() {
      return number > 1;
    }

    public boolean hasNext() {
      return number < pageCount;
    }
  }

  @Inject Cohorts cohorts;
  @Inject Enrolments enrolments;
  @Inject QuizStatistics statistics;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private Cohorts.View view;
  private Paging paging;
  private List<PendingRequest> pending = List.of();
  private QuizStatistics.Report analysis;
  private Map<String, String> errors = Map.of();
  private Map<String, String> values = Map.of();

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    var number = (String) request.getAttribute(PrettyUrlFilter.NUMBER);
    var page = 1;
    var asked = request.getParameter("page");
    if (asked != null && asked.matches("\\d{1,6}")) {
      page = Math.max(1, Integer.parseInt(asked));
    }
    try {
      view = cohorts.of(author, code, page, PAGE_SIZE);
      if (number != null) {
        analysis = statistics.of(author, code, Long.parseLong(number));
      }
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      view = null;
      return;
    }
    paging = new Paging(page, (int) Math.max(1, (view.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    pending = enrolments.pendingRequests(code);
    errors = viewer.takeErrors(ENROL_FORM);
    values = viewer.takeValues(ENROL_FORM);
  }

  public Cohorts.View getView() {
    return view;
  }

  public Paging getPaging() {
    return paging;
  }

  public List<PendingRequest> getPending() {
    return pending;
  }

  public QuizStatistics.Report getAnalysis() {
    return analysis;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }

  /** The address of another page of the grid. */
  public String pageHref(int number) {
    return request.getContextPath() + "/teach/" + view.code() + "/cohort?page=" + number;
  }
}

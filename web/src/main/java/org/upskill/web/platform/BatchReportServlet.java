package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.upskill.enrolment.boundary.BulkEnrolments;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.security.SignedIn;

/**
 * {@code GET /export/enrolment-batches/{id}.csv}: every row of a bulk-enrolment file with its
 * problem or, once applied, its outcome — for the person who uploaded it (or an admin).
 */
@WebServlet("/export/enrolment-batches/*")
public class BatchReportServlet extends HttpServlet {

  @Inject BulkEnrolments bulk;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to download the report.");
      return;
    }
    var path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!path.matches("/\\d{1,12}\\.csv")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    BulkEnrolments.Batch batch;
    try {
      batch =
          bulk.batch(
              AuthoringActions.author(who), Long.parseLong(path.substring(1, path.length() - 4)));
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
      return;
    }
    try (var csv =
        CsvDownload.start(
            response,
            "enrolment-" + batch.id() + (batch.applied() ? "-result" : "-check") + ".csv",
            "line",
            "person",
            "course",
            "due_date",
            "problem",
            "outcome")) {
      for (var row : batch.all()) {
        csv.printRecord(
            row.line(),
            org.upskill.platform.control.CsvCells.safe(row.person()),
            org.upskill.platform.control.CsvCells.safe(row.course()),
            row.dueDate() == null ? "" : row.dueDate().toString(),
            row.problem() == null ? "" : row.problem(),
            row.outcome() == null ? (batch.applied() ? "" : "not applied yet") : row.outcome());
      }
    }
  }
}

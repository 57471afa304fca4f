package org.upskill.web.compliance;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.upskill.compliance.boundary.ComplianceReports;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.CsvCells;
import org.upskill.web.platform.CsvDownload;
import org.upskill.web.platform.Errors;
import org.upskill.web.security.SignedIn;

/**
 * {@code GET /manage/compliance.csv}: the compliance matrix with the page's filters, one line per
 * person and requirement (Apache Commons CSV), for managers (their organisation) and admins. Cells
 * that a spreadsheet would run as a formula are prefixed with an apostrophe.
 */
@WebServlet("/manage/compliance.csv")
public class ComplianceExportServlet extends HttpServlet {

  static final int CHUNK = 500;

  @Inject ComplianceReports reports;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to download compliance.");
      return;
    }
    ComplianceReports.Organisation organisation;
    try {
      var viewer = ComplianceActions.viewer(who);
      organisation =
          reports.scope(viewer, ComplianceViewers.number(request.getParameter("organisation")));
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
      return;
    }
    var filter = CompliancePage.filter(request);
    try (var csv =
        CsvDownload.start(
            response,
            "compliance.csv",
            "Name",
            "Staff number",
            "Email",
            "Staff group",
            "Job role",
            "Requirement",
            "Course",
            "Status",
            "Last completed",
            "Valid until",
            "Due by",
            "Exemption reason")) {
      for (int page = 1; ; page++) {
        var matrix = reports.matrix(organisation.id(), filter, page, CHUNK);
        for (var person : matrix.people().items()) {
          for (var requirement : matrix.requirements()) {
            var cell = person.cells().get(requirement.id());
            if (cell == null
                || (filter.requirementId() != null && filter.requirementId() != requirement.id())
                || (filter.status() != null && filter.status() != cell.status())) {
              continue;
            }
            csv.printRecord(
                CsvCells.safe(person.name()),
                CsvCells.safe(person.staffNumber()),
                CsvCells.safe(person.email()),
                CsvCells.safe(person.staffGroup()),
                CsvCells.safe(person.jobRole()),
                CsvCells.safe(requirement.name()),
                requirement.courseCode(),
                cell.status().wire(),
                cell.completedOn() == null ? "" : cell.completedOn().toString(),
                cell.validUntil() == null ? "" : cell.validUntil().toString(),
                cell.dueDate() == null ? "" : cell.dueDate().toString(),
                CsvCells.safe(cell.exemptReason()));
          }
        }
        if (!matrix.people().hasNext()) {
          break;
        }
      }
    }
  }
}

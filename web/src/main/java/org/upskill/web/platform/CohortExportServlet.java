package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import org.upskill.catalog.boundary.CourseCode;
import org.upskill.learning.boundary.Cohorts;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.CsvCells;
import org.upskill.web.security.SignedIn;

/**
 * {@code GET /export/cohorts/{code}.csv}: a course's learners, progress and grades as CSV (Apache
 * Commons CSV), for the course's owners and admins. Cells that a spreadsheet would run as a formula
 * are prefixed with an apostrophe.
 */
@WebServlet("/export/cohorts/*")
public class CohortExportServlet extends HttpServlet {

  @Inject Cohorts cohorts;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(
          HttpServletResponse.SC_UNAUTHORIZED, "Sign in to download a course's learners.");
      return;
    }
    var path = request.getPathInfo() == null ? "" : request.getPathInfo();
    if (!path.matches("/" + CourseCode.PATTERN + "\\.csv")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var code = path.substring(1, path.length() - 4);
    Cohorts.View view;
    try {
      view = cohorts.of(AuthoringActions.author(who), code, 1, 0);
    } catch (Refusal refusal) {
      response.sendError(Errors.status(refusal), refusal.getMessage());
      return;
    }
    var header = new ArrayList<String>();
    header.add("Name");
    header.add("Email");
    header.add("Staff number");
    header.add("State");
    header.add("Since");
    view.modules()
        .forEach(
            m -> header.add("Module " + m.position() + " lessons done (of " + m.lessons() + ")"));
    view.quizzes().forEach(q -> header.add(q.title() + " (%)"));
    view.quizzes().forEach(q -> header.add(q.title() + " passed"));
    header.add("Completed");
    header.add("Course version");
    try (var csv =
        CsvDownload.start(response, code + "-learners.csv", header.toArray(String[]::new))) {
      for (var row : view.rows()) {
        var record = new ArrayList<String>();
        record.add(CsvCells.safe(row.name()));
        record.add(CsvCells.safe(row.email()));
        record.add(CsvCells.safe(row.staffNumber()));
        record.add(row.state());
        record.add(row.since() == null ? "" : row.since().toString());
        row.lessonsDone().forEach(done -> record.add(String.valueOf(done)));
        row.quizzes().forEach(c -> record.add(c == null ? "" : c.percent().toPlainString()));
        row.quizzes().forEach(c -> record.add(c == null ? "" : c.passed() ? "yes" : "no"));
        record.add(row.completedAt() == null ? "" : row.completedAt().toString());
        record.add(String.valueOf(row.courseVersion()));
        csv.printRecord(record);
      }
    }
  }
}

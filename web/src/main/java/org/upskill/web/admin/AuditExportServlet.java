package org.upskill.web.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.upskill.audit.boundary.AuditLog;
import org.upskill.platform.control.CsvCells;
import org.upskill.web.platform.CsvDownload;
import org.upskill.web.security.SignedIn;

/** {@code GET /admin/audit.csv}: the audit log's search as CSV, oldest page last; admins only. */
@WebServlet("/admin/audit.csv")
public class AuditExportServlet extends HttpServlet {

  static final int CHUNK = 1000;

  @Inject AuditLog log;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    var who = SignedIn.from(request);
    if (who == null) {
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "Sign in to download the audit log.");
      return;
    }
    if (!who.roles().contains("admin")) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN, "Only admins read the audit log.");
      return;
    }
    var filter = AuditPage.filter(request, new LinkedHashMap<>());
    try (var csv =
        CsvDownload.start(
            response,
            "audit.csv",
            "Id",
            "When (UTC)",
            "Who",
            "Who (person id)",
            "Action",
            "About (person id)",
            "About",
            "Subject",
            "Subject id",
            "Before",
            "After")) {
      for (int page = 1; ; page++) {
        var lines = log.search(filter, page, CHUNK);
        for (var l : lines.items()) {
          csv.printRecord(
              l.id(),
              l.occurredAt(),
              CsvCells.safe(l.actor()),
              l.actorId() == null ? "" : l.actorId(),
              l.action(),
              l.personId() == null ? "" : l.personId(),
              CsvCells.safe(l.person()),
              l.subjectType(),
              l.subjectId(),
              CsvCells.safe(l.before()),
              CsvCells.safe(l.after()));
        }
        if (!lines.hasNext()) {
          break;
        }
      }
    }
  }
}

package org.upskill.web.platform;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A CSV file sent as a download (Apache Commons CSV): UTF-8, named, never cached. */
public final class CsvDownload {

  private CsvDownload() {}

  /**
   * Sets the response's headers for the file and answers a printer that has written the header
   * line; the caller writes the records and closes it.
   */
  public static CSVPrinter start(HttpServletResponse response, String fileName, String... header)
      throws IOException {
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
    response.setHeader("Cache-Control", "no-store");
    return new CSVPrinter(
        response.getWriter(), CSVFormat.DEFAULT.builder().setHeader(header).get());
  }
}

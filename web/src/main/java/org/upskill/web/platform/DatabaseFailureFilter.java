package org.upskill.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.upskill.platform.boundary.DatabaseFailure;
import org.upskill.platform.boundary.Refusal;

/**
 * A page or form whose database failed under it (a Galera node dying, a restart) is answered with
 * the "service unavailable" page, 503 and {@code Retry-After}, rather than "there is a problem with
 * the service" (500): nothing was changed, and sending the form again works once the database is
 * back. An autosave asking for JSON gets the same words as JSON. Anything else passes through.
 */
public class DatabaseFailureFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger(DatabaseFailureFilter.class.getName());

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    try {
      chain.doFilter(request, response);
    } catch (IOException | ServletException | RuntimeException failure) {
      if (!DatabaseFailure.causedAny(failure) || response.isCommitted()) {
        throw failure;
      }
      LOG.log(
          Level.WARNING,
          "Database failure under " + request.getRequestURI() + " " + UUID.randomUUID(),
          failure);
      response.resetBuffer();
      response.setHeader("Retry-After", String.valueOf(DatabaseFailure.RETRY_AFTER_SECONDS));
      if (AttemptActions.wantsJson(request)) {
        AttemptActions.json(
            response,
            HttpServletResponse.SC_SERVICE_UNAVAILABLE,
            "message",
            Refusal.DATABASE_UNAVAILABLE);
      } else {
        response.sendError(
            HttpServletResponse.SC_SERVICE_UNAVAILABLE, Refusal.DATABASE_UNAVAILABLE);
      }
    }
  }
}

package org.upskill.platform.control;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Diagnostics for the tests: the number of SQL statements a request ran, in the response header
 * {@value #HEADER}. Off unless {@code UPSKILL_DIAGNOSTICS_STATEMENT_COUNT} (system property {@code
 * upskill.diagnostics.statement-count}) is {@code true}; the system tests switch it on. Declared
 * first in the web and API modules' {@code web.xml}, so it counts everything the request does:
 * signing in, the page or resource, and the rendering of the body (Faces renders the page while it
 * writes it, and a streamed API answer reads while it writes).
 *
 * <p>When on, the whole body is kept in memory until the request is done, so that the header can
 * still be set: a header must go before the first byte of the body. A redirect or an error sent
 * with {@code sendError} carries the count up to that point (the container's error page is rendered
 * afterwards and not counted). Static files (CSS, scripts, images from the WAR) are sent by the
 * container's default servlet past any wrapper, so they carry no count; they run no SQL. Never
 * switch it on in production: it holds every body, streamed exports included, in memory.
 */
public class StatementCountFilter extends HttpFilter {

  /** The response header that carries the count. */
  public static final String HEADER = "Upskill-Statements";

  static final String PROPERTY = "upskill.diagnostics.statement-count";

  private static final Logger LOG = Logger.getLogger(StatementCountFilter.class.getName());

  boolean enabled;

  @Override
  public void init(FilterConfig config) throws ServletException {
    super.init(config);
    enabled = ConfigProvider.getConfig().getOptionalValue(PROPERTY, Boolean.class).orElse(false);
    if (enabled) {
      LOG.warning(
          () ->
              "Diagnostics: every response of "
                  + config.getServletContext().getContextPath()
                  + "/ carries the number of its SQL statements in "
                  + HEADER
                  + " and is buffered whole ("
                  + PROPERTY
                  + "=true); not for production");
    }
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!enabled) {
      chain.doFilter(request, response);
      return;
    }
    try (var count = RequestStatements.open()) {
      var buffered = new Buffered(response, count);
      chain.doFilter(request, buffered);
      buffered.finish();
    }
  }

  /**
   * Keeps the body until {@link #finish()} so that nothing is committed before the count is known.
   */
  static final class Buffered extends HttpServletResponseWrapper {

    private final RequestStatements.Count count;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    private ServletOutputStream stream;
    private PrintWriter writer;
    private long declaredLength = -1;
    private boolean sent;

    Buffered(HttpServletResponse response, RequestStatements.Count count) {
      super(response);
      this.count = count;
    }

    private HttpServletResponse real() {
      return (HttpServletResponse) getResponse();
    }

    private void report() {
      real().setHeader(HEADER, String.valueOf(count.statements()));
    }

    /** Sets the header, then sends the body kept so far. */
    void finish() throws IOException {
      if (sent) {
        return;
      }
      sent = true;
      if (writer != null) {
        writer.flush();
      }
      report();
      if (body.size() > 0) {
        real().setContentLengthLong(body.size());
        body.writeTo(real().getOutputStream());
      } else if (declaredLength >= 0) {
        real().setContentLengthLong(declaredLength); // HEAD: the length of the body not sent
      }
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      sent = true;
      report();
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      sent = true;
      report();
      super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      sent = true;
      report();
      super.sendRedirect(location);
    }

    @Override
    public ServletOutputStream getOutputStream() {
      if (stream == null) {
        stream =
            new ServletOutputStream() {
              @Override
              public boolean isReady() {
                return true;
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException("Not with statement counting on");
              }

              @Override
              public void write(int b) {
                body.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                body.write(b, off, len);
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      if (writer == null) {
        var encoding = getCharacterEncoding();
        writer =
            new PrintWriter(
                new OutputStreamWriter(
                    body,
                    encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding)));
      }
      return writer;
    }

    @Override
    public void flushBuffer() {
      if (writer != null) {
        writer.flush();
      }
    }

    @Override
    public boolean isCommitted() {
      return sent || super.isCommitted();
    }

    @Override
    public void resetBuffer() {
      if (writer != null) {
        writer.flush();
      }
      body.reset();
      super.resetBuffer();
    }

    @Override
    public void reset() {
      if (writer != null) {
        writer.flush();
      }
      body.reset();
      declaredLength = -1;
      super.reset();
    }

    @Override
    public void setContentLength(int length) {
      declaredLength = length;
    }

    @Override
    public void setContentLengthLong(long length) {
      declaredLength = length;
    }

    @Override
    public void setHeader(String name, String value) {
      if ("Content-Length".equalsIgnoreCase(name)) {
        declaredLength = value == null ? -1 : Long.parseLong(value.strip());
      } else {
        super.setHeader(name, value);
      }
    }
  }
}

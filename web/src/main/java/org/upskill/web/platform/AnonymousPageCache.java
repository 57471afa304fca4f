package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
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
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.catalog.boundary.CourseCode;

/**
 * A short-lived cache of the public pages (catalogue, course pages, pathways) as an anonymous
 * visitor sees them.
 *
 * <p>Most catalogue traffic is anonymous and identical, and rendering a page costs far more than
 * serving bytes; so for a few seconds ({@code UPSKILL_PAGE_CACHE_SECONDS}, 0 switches it off) the
 * bytes of a 200 answer are kept per address and served again. Only requests without any session
 * are cached or served from the cache: a signed-in person, or anyone with a notice waiting, always
 * gets a freshly rendered page. Each node keeps its own cache; a change to the catalogue shows
 * everywhere within the time to live.
 */
public class AnonymousPageCache extends HttpFilter {

  private static final Pattern CACHEABLE =
      Pattern.compile(
          "/|/courses/?|/courses/" + CourseCode.PATTERN + "|/pathways/?|/pathways/[a-z0-9-]{1,50}");
  private static final int MAX_ENTRIES = 1_000;
  private static final int MAX_BYTES = 512 * 1024;

  private record Entry(byte[] body, String contentType, long expiresAt) {}

  private final Map<String, Entry> entries =
      new LinkedHashMap<>(128, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
          return size() > MAX_ENTRIES;
        }
      };

  @Inject
  @ConfigProperty(name = "upskill.page-cache-seconds", defaultValue = "10")
  int ttlSeconds;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!cacheable(request)) {
      chain.doFilter(request, response);
      return;
    }
    var key =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    var now = System.currentTimeMillis();
    Entry hit;
    synchronized (entries) {
      hit = entries.get(key);
    }
    if (hit != null && hit.expiresAt() > now) {
      response.setContentType(hit.contentType());
      response.setContentLength(hit.body().length);
      response.setHeader("X-Upskill-Cache", "hit");
      response.getOutputStream().write(hit.body());
      return;
    }
    var capture = new Capture(response);
    chain.doFilter(request, capture);
    if (capture.errorSent) {
      // the container renders the error page itself after this filter returns
      return;
    }
    var body = capture.bytes();
    if (capture.getStatus() == 200
        && !capture.containsHeader("Set-Cookie")
        && body.length <= MAX_BYTES
        && request.getSession(false) == null) {
      synchronized (entries) {
        entries.put(key, new Entry(body, capture.getContentType(), now + ttlSeconds * 1000L));
      }
    }
    response.getOutputStream().write(body);
  }

  private boolean cacheable(HttpServletRequest request) {
    return ttlSeconds > 0
        && "GET".equals(request.getMethod())
        && request.getRequestedSessionId() == null
        && request.getSession(false) == null
        && CACHEABLE
            .matcher(request.getRequestURI().substring(request.getContextPath().length()))
            .matches();
  }

  /** Buffers what the page writes so that it can be kept as well as sent. */
  private static final class Capture extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
    private PrintWriter writer;
    private ServletOutputStream stream;
    boolean errorSent;

    Capture(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      errorSent = true;
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      errorSent = true;
      super.sendError(status);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
      errorSent = true;
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
                throw new UnsupportedOperationException("Not for asynchronous output");
              }

              @Override
              public void write(int b) {
                buffer.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                buffer.write(b, off, len);
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
                    buffer,
                    encoding == null
                        ? StandardCharsets.UTF_8
                        : java.nio.charset.Charset.forName(encoding)));
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
    public void setContentLength(int len) {
      // the length is set when the captured body is written
    }

    @Override
    public void setContentLengthLong(long len) {
      // the length is set when the captured body is written
    }

    byte[] bytes() {
      if (writer != null) {
        writer.flush();
      }
      return buffer.toByteArray();
    }
  }
}

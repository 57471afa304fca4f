package org.upskill.api.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.upskill.api.problem.Problem;
import org.upskill.api.problem.ValidationProblem;

/**
 * Refuses an address whose percent-escapes are malformed ({@code %zz}, a lone {@code %}), do not
 * decode to UTF-8 or decode to control characters ({@code %00}, a line break: they would only end
 * up in a query or a log line), before RESTEasy tries to build a URI of it: 400 problem+json naming
 * the part ({@code path} or {@code query}). The server leaves addresses encoded for the
 * applications to decode (decode-url=false in upskill.cli), so this is where such an address
 * arrives.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class AddressCheck extends HttpFilter {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Map<String, String> errors = new LinkedHashMap<>();
    problem(request.getRequestURI()).ifPresent(why -> errors.put("path", why));
    problem(request.getQueryString()).ifPresent(why -> errors.put("query", why));
    if (errors.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    var answer = ValidationProblem.badRequest(errors, null);
    response.setStatus(400);
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(JsonbResolver.jsonb().toJson(answer.getEntity()));
  }

  /** Why this part of an address cannot be decoded, or empty when it can (or is absent). */
  static Optional<String> problem(String encoded) {
    if (encoded == null || encoded.indexOf('%') < 0) {
      return Optional.empty();
    }
    var bytes = new ByteArrayOutputStream(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length()) {
          return Optional.of(
              "A '%' must be followed by two hexadecimal digits (write %25 for '%').");
        }
        int high = Character.digit(encoded.charAt(i + 1), 16);
        int low = Character.digit(encoded.charAt(i + 2), 16);
        if (high < 0 || low < 0) {
          return Optional.of(
              "A '%' must be followed by two hexadecimal digits (write %25 for '%').");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else {
        var text = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(text, 0, text.length);
      }
    }
    try {
      var text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()));
      if (text.chars().anyMatch(Character::isISOControl)) {
        return Optional.of("Control characters (such as %00 or %0A) have no place in an address.");
      }
      return Optional.empty();
    } catch (CharacterCodingException e) {
      return Optional.of("Percent-escapes must encode UTF-8 text.");
    }
  }
}

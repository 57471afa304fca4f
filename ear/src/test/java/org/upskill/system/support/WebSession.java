package org.upskill.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * A browser without a browser: plain HTTP with its own cookies (kept per host and port, whatever
 * their path or Secure flag, which is enough for Upskill and Keycloak on loopback), redirects
 * followed on request. {@link #signIn} goes through the real OIDC authorization-code flow and
 * Keycloak's login form.
 */
public final class WebSession {

  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>", Pattern.CASE_INSENSITIVE);
  private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final Map<String, Map<String, String>> cookies = new ConcurrentHashMap<>();

  /** A response and every address asked on the way to it. */
  public record Page(HttpResponse<String> response, List<String> visited) {
    public int status() {
      return response.statusCode();
    }

    public String body() {
      return response.body();
    }

    public String url() {
      return visited.get(visited.size() - 1);
    }
  }

  /** Signs in through Keycloak's form (password = the given one) and answers the session. */
  public static WebSession signIn(String siteUrl, String username, String password) {
    var session = new WebSession();
    var login = session.follow(siteUrl + "/signin?next=/my-learning");
    if (login.status() != 200 || !login.url().contains("/protocol/openid-connect/auth")) {
      throw new IllegalStateException(
          "Expected Keycloak's login form, got " + login.status() + " at " + login.url());
    }
    var form = LOGIN_FORM.matcher(login.body());
    if (!form.find()) {
      throw new IllegalStateException("No login form on " + login.url());
    }
    var action = ACTION.matcher(form.group());
    if (!action.find()) {
      throw new IllegalStateException("The login form has no action");
    }
    var target = action.group(1).replace("&amp;", "&");
    var posted =
        session.send(
            "POST",
            target,
            "username=" + encode(username) + "&password=" + encode(password) + "&credentialId=",
            Map.of());
    var landed = session.followFrom(posted, target);
    if (landed.status() != 200 || !landed.url().startsWith(siteUrl + "/my-learning")) {
      throw new IllegalStateException(
          "Signing in ended with " + landed.status() + " at " + landed.url());
    }
    return session;
  }

  /** GET, following redirects (at most ten). */
  public Page follow(String url) {
    return followFrom(send("GET", url, null, Map.of()), url);
  }

  private Page followFrom(HttpResponse<String> first, String url) {
    var visited = new ArrayList<String>();
    visited.add(url);
    var response = first;
    for (int hop = 0; hop < 10; hop++) {
      var status = response.statusCode();
      if (status < 300 || status > 399) {
        return new Page(response, visited);
      }
      var location = response.headers().firstValue("Location").orElseThrow();
      var next = URI.create(visited.get(visited.size() - 1)).resolve(location).toString();
      visited.add(next);
      response = send("GET", next, null, Map.of());
    }
    throw new IllegalStateException("More than ten redirects: " + visited);
  }

  /** GET without following redirects. */
  public HttpResponse<String> get(String url) {
    return send("GET", url, null, Map.of());
  }

  /** POST a form (with headers), without following redirects. */
  public HttpResponse<String> post(String url, String form, Map<String, String> headers) {
    return send("POST", url, form, headers);
  }

  /** The anti-forgery token of the forms on a page (URL-encoded for a form body). */
  public String csrf(String pageUrl) {
    var page = get(pageUrl);
    var matcher = CSRF.matcher(page.body());
    if (page.statusCode() != 200 || !matcher.find()) {
      throw new IllegalStateException(
          "No form token on " + pageUrl + " (" + page.statusCode() + ")");
    }
    return encode(matcher.group(1));
  }

  public HttpResponse<String> send(
      String method, String url, String form, Map<String, String> headers) {
    var uri = URI.create(url);
    var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
    var jar = cookies.get(authority(uri));
    if (jar != null && !jar.isEmpty()) {
      var header = new StringBuilder();
      jar.forEach(
          (name, value) ->
              header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
      request.header("Cookie", header.toString());
    }
    headers.forEach(request::header);
    if (form == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/x-www-form-urlencoded")
          .method(method, HttpRequest.BodyPublishers.ofString(form));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    for (var setCookie : response.headers().allValues("Set-Cookie")) {
      var pair = setCookie.split(";", 2)[0];
      var equals = pair.indexOf('=');
      if (equals <= 0) {
        continue;
      }
      var name = pair.substring(0, equals).strip();
      var value = pair.substring(equals + 1).strip();
      var target = cookies.computeIfAbsent(authority(uri), a -> new ConcurrentHashMap<>());
      if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
        target.remove(name);
      } else {
        target.put(name, value);
      }
    }
    return response;
  }

  private static String authority(URI uri) {
    return uri.getHost() + ":" + uri.getPort();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}

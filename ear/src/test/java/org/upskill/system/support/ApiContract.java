package org.upskill.system.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import java.net.http.HttpResponse;

/**
 * Checks responses of the API against its own OpenAPI document, as the running server publishes it
 * (Atlassian's swagger-request-validator): status declared (or the default problem response),
 * content type and body schema. Every API call of the system tests goes through {@link #checked}
 * (the helpers {@link Http}, {@link HrApi} and {@link QuizApi} do it); an address the document does
 * not have must answer 404.
 */
public final class ApiContract {

  /** One validator per server (origin), built from the document that server publishes. */
  private static final java.util.Map<String, OpenApiInteractionValidator> VALIDATORS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private ApiContract() {}

  private static OpenApiInteractionValidator validator(
      java.net.URI answered, java.net.http.HttpClient client) {
    var origin = answered.getScheme() + "://" + answered.getAuthority();
    return VALIDATORS.computeIfAbsent(
        origin,
        o -> {
          var document = fetch(client, o + "/api/openapi");
          if (document.statusCode() != 200) {
            throw new IllegalStateException(
                "No OpenAPI document at " + o + ": " + document.statusCode());
          }
          return OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
              .build();
        });
  }

  private static HttpResponse<String> fetch(java.net.http.HttpClient client, String url) {
    if (client == null) {
      return Http.get(url);
    }
    try {
      return client.send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The response, after checking it against the document; an AssertionError says what differs. */
  public static HttpResponse<String> checked(HttpResponse<String> response) {
    return checked(response, null);
  }

  /**
   * The same, for a response that {@code client} received (it fetches the document too: the
   * cluster's balancer is reached only with a client that trusts its certificate).
   */
  public static HttpResponse<String> checked(
      HttpResponse<String> response, java.net.http.HttpClient client) {
    var path = response.request().uri().getPath();
    if (!path.startsWith("/api/v1/")) {
      return response;
    }
    var builder = SimpleResponse.Builder.status(response.statusCode());
    response
        .headers()
        .map()
        .forEach((name, values) -> builder.withHeader(name, values.toArray(String[]::new)));
    if (!response.body().isEmpty()) {
      builder.withBody(response.body());
    }
    var method = Request.Method.valueOf(response.request().method());
    var report =
        validator(response.request().uri(), client).validateResponse(path, method, builder.build());
    var unknownPath =
        report.getMessages().stream().allMatch(m -> m.getKey().endsWith("path.missing"));
    if (report.hasErrors() && !(unknownPath && response.statusCode() == 404)) {
      throw new AssertionError(
          method
              + " "
              + path
              + " → "
              + response.statusCode()
              + " does not match the OpenAPI document: "
              + report.getMessages()
              + "\n"
              + response.body());
    }
    return response;
  }
}

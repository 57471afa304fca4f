package org.upskill.system.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The enrolment endpoints of the HR API, called with a bearer token. */
public final class HrApi {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HrApi() {}

  /** {@code POST /api/v1/enrolments} for a person (staff number or email) and a course code. */
  public static HttpResponse<String> enrol(String token, String person, String course) {
    return post(token, "{\"person\":\"" + person + "\",\"course\":\"" + course + "\"}");
  }

  /** {@code POST /api/v1/enrolments} with any body, for tests of bad input. */
  public static HttpResponse<String> post(String token, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(TestEnvironment.baseUrl() + "/api/v1/enrolments"))
            .timeout(Duration.ofSeconds(120))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** {@code DELETE /api/v1/enrolments/{id}}. */
  public static HttpResponse<String> withdraw(String token, long enrolmentId) {
    return send(
        HttpRequest.newBuilder(
                URI.create(TestEnvironment.baseUrl() + "/api/v1/enrolments/" + enrolmentId))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return ApiContract.checked(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

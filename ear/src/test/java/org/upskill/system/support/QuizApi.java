package org.upskill.system.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;

/** Taking quizzes through the API as a learner, and finding the demo quizzes' ids. */
public final class QuizApi {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private final String base;
  private final HttpClient client;

  public QuizApi(String siteUrl) {
    this(siteUrl, CLIENT);
  }

  /** The API of another site, reached with this client (the cluster's balancer: its TLS trust). */
  public QuizApi(String siteUrl, HttpClient client) {
    this.base = siteUrl + "/api/v1";
    this.client = client;
  }

  public static QuizApi onTestServer() {
    return new QuizApi(TestEnvironment.baseUrl());
  }

  /** The id of a course's quiz (each demo course has one). */
  public static long quizOf(String courseCode) throws SQLException {
    return TestDatabase.number(
        "select q.id from quiz q join course c on c.id = q.course_id where c.code = ?"
            + " order by q.id limit 1",
        courseCode);
  }

  /** Enrols a person (email or staff number) with an HR client's token. */
  public HttpResponse<String> enrol(String hrToken, String person, String course) {
    return send(
        hrToken,
        "POST",
        "/enrolments",
        Json.createObjectBuilder().add("person", person).add("course", course).build().toString());
  }

  public HttpResponse<String> me(String token) {
    return send(token, "GET", "/me", null);
  }

  public HttpResponse<String> start(String token, long quizId) {
    return send(token, "POST", "/quizzes/" + quizId + "/attempts", "");
  }

  public HttpResponse<String> attempt(String token, long attemptId) {
    return send(token, "GET", "/attempts/" + attemptId, null);
  }

  public HttpResponse<String> save(String token, long attemptId, int sequence, JsonObject answers) {
    var body = Json.createObjectBuilder().add("sequence", sequence).add("responses", answers);
    return send(token, "PUT", "/attempts/" + attemptId + "/responses", body.build().toString());
  }

  public HttpResponse<String> saveRaw(String token, long attemptId, String body) {
    return send(token, "PUT", "/attempts/" + attemptId + "/responses", body);
  }

  public HttpResponse<String> submit(String token, long attemptId, int sequence) {
    return send(
        token,
        "POST",
        "/attempts/" + attemptId + "/submit",
        Json.createObjectBuilder().add("sequence", sequence).build().toString());
  }

  public HttpResponse<String> review(String token, long attemptId) {
    return send(token, "GET", "/attempts/" + attemptId + "/review", null);
  }

  public HttpResponse<String> quiz(String token, long quizId) {
    return send(token, "GET", "/quizzes/" + quizId, null);
  }

  private HttpResponse<String> send(String token, String method, String path, String body) {
    var request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(method + " " + path + ": " + e, e);
    }
    return ApiContract.checked(response, client);
  }
}

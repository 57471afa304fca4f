package org.upskill.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.upskill.api.platform.JsonbResolver;
import org.upskill.api.problem.Problem;
import org.upskill.api.problem.ValidationProblem;
import org.upskill.integration.boundary.IdempotentRequests;

/**
 * {@code Idempotency-Key} on the API's writes (POST, PUT, PATCH, DELETE) by a client: the first
 * response to a key (with its status, body and Location) is kept; the same key with the same
 * method, path and body replays it (with {@code Idempotent-Replayed: true}); the same key with
 * another request is refused with 409, and so is a retry while the first request still runs. A
 * failure on our side (5xx) is not kept: a retry runs again. Keys are per client ({@code azp}).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 20)
public class Idempotency implements ContainerRequestFilter, ContainerResponseFilter {

  static final String HEADER = "Idempotency-Key";
  private static final String CLAIMED = Idempotency.class.getName() + ".claimed";
  private static final int MAX_BODY = 2 * 1024 * 1024;

  @Inject IdempotentRequests requests;
  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) throws IOException {
    var key = context.getHeaderString(HEADER);
    var method = context.getMethod();
    if (key == null || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return;
    }
    var instance = context.getUriInfo().getRequestUri().getPath();
    if (key.isBlank() || key.length() > 255 || !key.matches("[\\x21-\\x7e]+")) {
      context.abortWith(
          ValidationProblem.badRequest(
              Map.of(HEADER, "From 1 to 255 visible ASCII characters, such as a UUID."), instance));
      return;
    }
    var client = client();
    if (client == null) {
      return; // not a client's call: the role checks answer it
    }
    var body =
        context.hasEntity() ? context.getEntityStream().readNBytes(MAX_BODY + 1) : new byte[0];
    context.setEntityStream(new ByteArrayInputStream(body));
    var hash =
        sha256(
            method + " " + instance + "?" + context.getUriInfo().getRequestUri().getRawQuery(),
            body);
    var stored = requests.claim(client, key, hash);
    if (stored.isEmpty()) {
      context.setProperty(CLAIMED, new String[] {client, key});
      return;
    }
    var first = stored.get();
    if (!first.requestHash().equals(hash)) {
      context.abortWith(
          Problem.of(
                  Response.Status.CONFLICT,
                  "This Idempotency-Key was used with another request. Use a new key for a new"
                      + " request.",
                  instance)
              .toResponse()
              .build());
    } else if (first.inProgress()) {
      context.abortWith(
          Problem.of(
                  Response.Status.CONFLICT,
                  "The first request with this Idempotency-Key is still running. Try again"
                      + " shortly.",
                  instance)
              .toResponse()
              .header("Retry-After", 1)
              .build());
    } else {
      var replay =
          Response.status(first.status()).header("Idempotent-Replayed", "true").header(HEADER, key);
      if (first.body() != null) {
        replay
            .entity(first.body())
            .type(first.status() >= 400 ? Problem.MEDIA_TYPE : "application/json");
      }
      if (first.location() != null) {
        replay.header(HttpHeaders.LOCATION, first.location());
      }
      context.abortWith(replay.build());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(CLAIMED) instanceof String[] claimed)) {
      return;
    }
    if (response.getStatus() >= 500) {
      requests.release(claimed[0], claimed[1]);
      return;
    }
    var entity = response.getEntity();
    var body =
        entity == null
            ? null
            : entity instanceof String text ? text : JsonbResolver.jsonb().toJson(entity);
    var location = response.getHeaderString(HttpHeaders.LOCATION);
    requests.complete(claimed[0], claimed[1], response.getStatus(), body, location);
    response.getHeaders().putSingle(HEADER, claimed[1]);
  }

  /** The client: keys are per client. */
  private String client() {
    return Caller.clientId(request).orElse(null);
  }

  private static String sha256(String head, byte[] body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(head.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(body);
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

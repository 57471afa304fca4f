package org.upskill.api.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B instance for the whole API. Without it RESTEasy builds a {@code Jsonb} (a {@code
 * ServiceLoader} scan of the class path) for every request body and response it reads or writes:
 * measured under the quiz benchmark, that cost more than the request's own work.
 */
@Provider
public class JsonbResolver implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** The same instance, for code that writes JSON outside a resource (the idempotency store). */
  public static Jsonb jsonb() {
    return JSONB;
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}

package org.upskill.platform.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.Reader;
import java.util.Collection;

/**
 * JSON-P through one provider looked up once. {@code jakarta.json.Json.createX(…)} looks the
 * provider up with a {@code ServiceLoader} on every call: measured under the quiz benchmark, that
 * scan of the class path was the largest single cost of starting an attempt.
 */
public final class Jsonp {

  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsonp() {}

  public static JsonObjectBuilder objectBuilder() {
    return PROVIDER.createObjectBuilder();
  }

  public static JsonObjectBuilder objectBuilder(JsonObject object) {
    return PROVIDER.createObjectBuilder(object);
  }

  public static JsonArrayBuilder arrayBuilder() {
    return PROVIDER.createArrayBuilder();
  }

  public static JsonArrayBuilder arrayBuilder(Collection<?> values) {
    return PROVIDER.createArrayBuilder(values);
  }

  public static JsonReader reader(Reader reader) {
    return PROVIDER.createReader(reader);
  }

  public static JsonString value(String value) {
    return PROVIDER.createValue(value);
  }
}

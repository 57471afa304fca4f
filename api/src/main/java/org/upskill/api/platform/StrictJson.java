package org.upskill.api.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.upskill.api.problem.InvalidInput;

/**
 * Reads every JSON request body of the API, strictly, before JSON-B or JSON-P sees it: an HR
 * contract is easier to keep when a mistake is refused than when it is guessed at. A body is
 * refused, naming the field, when it
 *
 * <ul>
 *   <li>declares a charset other than UTF-8 (415), is larger than {@value #MAX_BYTES} bytes (413),
 *       or is not valid UTF-8;
 *   <li>is not exactly one JSON value (trailing text after it), repeats a member name, nests deeper
 *       than {@value #MAX_DEPTH} levels or writes a number longer than {@value #MAX_NUMBER_LENGTH}
 *       characters;
 *   <li>for a record type: has a member the record does not know, or a member of the wrong JSON
 *       type (a string where a list is expected…), at any depth.
 * </ul>
 *
 * <p>Request bodies are records, so that this reader reads them all (a JSON-P {@code JsonObject}
 * parameter would go to RESTEasy's own JSON-P reader, unchecked). Jackson's streaming parser
 * (WildFly's module, already used to write the HR feed) does the syntax checks; the record walk is
 * ours, since neither JSON-B nor Yasson can refuse unknown members.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
public class StrictJson implements MessageBodyReader<Object> {

  public static final int MAX_BYTES = 1024 * 1024;
  public static final int MAX_DEPTH = 16;
  public static final int MAX_NUMBER_LENGTH = 30;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxStringLength(MAX_BYTES)
                  .build())
          .build();

  private static final Pattern DUPLICATE =
      Pattern.compile("Duplicate (?:field|Object property) '([^']*)'");

  private static final Map<Class<?>, Map<String, Type>> MEMBERS = new ConcurrentHashMap<>();

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type.isRecord();
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    var text =
        text(
            mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER),
            entityStream);
    if (text.isBlank()) {
      return null;
    }
    check(text, genericType);
    try {
      return JsonbResolver.jsonb().fromJson(text, genericType);
    } catch (JsonbException e) {
      // The walk has checked names and JSON types; what is left is a value JSON-B cannot convert.
      throw InvalidInput.of("body", "A value could not be read: send the documented shape.");
    }
  }

  /** The body as text: UTF-8 only, and bounded. */
  static String text(String charset, InputStream in) throws IOException {
    if (charset != null && !charset.strip().replace("\"", "").equalsIgnoreCase("utf-8")) {
      throw new InvalidInput(
          415,
          Map.of(
              "Content-Type",
              "JSON is read in UTF-8 only: send charset=utf-8 or no charset (not "
                  + charset
                  + ")."));
    }
    var bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new InvalidInput(
          413, Map.of("body", "At most " + MAX_BYTES / 1024 + " KiB of JSON in one request."));
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInput.of("body", "The body is not valid UTF-8.");
    }
  }

  /**
   * Checks a body against the type it is read as.
   *
   * @throws InvalidInput naming every field that is wrong
   */
  static void check(String text, Type type) {
    Map<String, String> errors = new LinkedHashMap<>();
    boolean read = false;
    try (var parser = FACTORY.createParser(text)) {
      parser.nextToken();
      walk(parser, type, "", errors);
      read = true;
      if (parser.nextToken() != null) {
        errors.put("body", trailing(parser.currentTokenLocation()));
      }
    } catch (StreamConstraintsException e) {
      errors.put(
          "body",
          e.getMessage().contains("nesting depth")
              ? "Nested deeper than " + MAX_DEPTH + " levels: send the documented shape."
              : e.getMessage().contains("Number value length")
                  ? "A number longer than " + MAX_NUMBER_LENGTH + " characters."
                  : "Too large a value.");
    } catch (JsonParseException e) {
      var duplicate = DUPLICATE.matcher(e.getOriginalMessage());
      if (duplicate.find()) {
        errors.put(
            member(
                pathOf(e.getProcessor() == null ? null : e.getProcessor().getParsingContext()),
                duplicate.group(1)),
            "Given twice: give each member once.");
      } else if (read) {
        errors.put("body", trailing(e.getLocation()));
      } else {
        errors.put(
            "body",
            "Not valid JSON at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ": send a JSON object of the documented shape.");
      }
    } catch (IOException e) {
      errors.put("body", "The body could not be read.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
  }

  private static String trailing(com.fasterxml.jackson.core.JsonLocation location) {
    return "Send one JSON value and nothing after it (found more at line "
        + location.getLineNr()
        + ", column "
        + location.getColumnNr()
        + ").";
  }

  /** Checks the value at the parser's current token against {@code type}, and moves past it. */
  private static void walk(JsonParser parser, Type type, String path, Map<String, String> errors)
      throws IOException {
    var token = parser.currentToken();
    if (token == null || token == JsonToken.VALUE_NULL) {
      return;
    }
    var raw = raw(type);
    if (raw.isRecord()) {
      if (token != JsonToken.START_OBJECT) {
        wrong(parser, path, "an object", errors);
        return;
      }
      var members = members(raw);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var name = parser.currentName();
        var field = member(path, name);
        parser.nextToken();
        var member = members.get(name);
        if (member == null) {
          errors.put(
              field, "Unknown member. Known ones: " + String.join(", ", members.keySet()) + ".");
          parser.skipChildren();
        } else {
          walk(parser, member, field, errors);
        }
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (token != JsonToken.START_OBJECT) {
        wrong(parser, path, "an object", errors);
        return;
      }
      var value = argument(type, 1);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        var field = member(path, parser.currentName());
        parser.nextToken();
        element(parser, value, field, errors);
      }
    } else if (Collection.class.isAssignableFrom(raw)) {
      if (token != JsonToken.START_ARRAY) {
        wrong(parser, path, "a list", errors);
        return;
      }
      var element = argument(type, 0);
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        element(parser, element, (path.isEmpty() ? "body" : path) + "[" + index++ + "]", errors);
      }
    } else if (raw == String.class) {
      if (token != JsonToken.VALUE_STRING) {
        wrong(parser, path, "a string", errors);
      }
    } else if (raw == Boolean.class || raw == boolean.class) {
      if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
        wrong(parser, path, "true or false", errors);
      }
    } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      var limit = raw == Integer.class || raw == int.class ? Integer.MAX_VALUE : Long.MAX_VALUE;
      if (token != JsonToken.VALUE_NUMBER_INT
          || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          || Math.abs(parser.getLongValue()) > limit) {
        errors.put(
            path.isEmpty() ? "body" : path,
            "Expected a whole number from " + -limit + " to " + limit + ".");
        parser.skipChildren();
      }
    } else if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != char.class)) {
      if (!token.isNumeric()) {
        wrong(parser, path, "a number", errors);
      }
    } else {
      parser.skipChildren();
    }
  }

  /** A list's element or a map's value: present (not null), and of its type. */
  private static void element(JsonParser parser, Type type, String path, Map<String, String> errors)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NULL) {
      errors.put(path, "Expected a value, not null.");
    } else {
      walk(parser, type, path, errors);
    }
  }

  private static Type argument(Type type, int index) {
    return type instanceof ParameterizedType parameterized
            && parameterized.getActualTypeArguments().length > index
        ? parameterized.getActualTypeArguments()[index]
        : Object.class;
  }

  private static void wrong(
      JsonParser parser, String path, String expected, Map<String, String> errors)
      throws IOException {
    errors.put(path.isEmpty() ? "body" : path, "Expected " + expected + ".");
    parser.skipChildren();
  }

  private static String member(String path, String name) {
    return path.isEmpty() || path.equals("body") ? name : path + "." + name;
  }

  /**
   * How clients write the place of the parser's context ({@code items[2]}): each context outside
   * the innermost one names the child it is in.
   */
  private static String pathOf(JsonStreamContext context) {
    var path = new StringBuilder();
    for (var c = context == null ? null : context.getParent();
        c != null && !c.inRoot();
        c = c.getParent()) {
      path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
    }
    return path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType parameterized) {
      return (Class<?>) parameterized.getRawType();
    }
    return Object.class;
  }

  /** A record's JSON members (component names, or their {@code @JsonbProperty}) and their types. */
  private static Map<String, Type> members(Class<?> record) {
    return MEMBERS.computeIfAbsent(
        record,
        r -> {
          Map<String, Type> members = new LinkedHashMap<>();
          for (RecordComponent component : r.getRecordComponents()) {
            var renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
            members.put(
                renamed != null && !renamed.value().isEmpty()
                    ? renamed.value()
                    : component.getName(),
                component.getGenericType());
          }
          return members;
        });
  }
}

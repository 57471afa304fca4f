package org.upskill.api.problem;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input the API refuses, with every offending field (a parameter, a header or a body member, named
 * the way clients write it: {@code items[2].dueDate}, {@code responses.3.text}) and why. Thrown
 * where the check is deeper than a resource method (the strict JSON reader, shared parameter
 * parsers); answered by {@link InvalidInputMapper} as a {@link ValidationProblem} with this status
 * (400 unless the body is too large, 413, or in a charset the API does not read, 415).
 */
public class InvalidInput extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient Map<String, String> errors;

  public InvalidInput(int status, Map<String, String> errors) {
    super(String.join(" ", errors.values()), null, false, false);
    this.status = status;
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  /** 400 for these fields. */
  public InvalidInput(Map<String, String> errors) {
    this(400, errors);
  }

  /** 400 for one field. */
  public static InvalidInput of(String field, String detail) {
    return new InvalidInput(Map.of(field, detail));
  }

  public int status() {
    return status;
  }

  public Map<String, String> errors() {
    return errors;
  }
}

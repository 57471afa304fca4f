package org.upskill.web.teach;

import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bean Validation messages of a typed form: one per field, in the page's order. */
final class FormErrors {

  private FormErrors() {}

  /** Field → first message of every constraint the form breaks (in no particular order). */
  static Map<String, String> of(Validator validator, Object form) {
    Map<String, String> found = new LinkedHashMap<>();
    for (var violation : validator.validate(form)) {
      found.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
    }
    return found;
  }

  /** The messages in the order the fields appear on the page. */
  static Map<String, String> inOrder(Map<String, String> found, List<String> fields) {
    Map<String, String> ordered = new LinkedHashMap<>();
    fields.forEach(
        field -> {
          if (found.containsKey(field)) {
            ordered.put(field, found.get(field));
          }
        });
    return ordered;
  }
}

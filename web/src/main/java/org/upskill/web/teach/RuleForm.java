package org.upskill.web.teach;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.enrolment.entity.EnrolmentRule;

/**
 * The enrolment-rule form as typed: what the rule matches on, the group's name and an optional
 * number of days until the due date, checked with Bean Validation.
 */
public class RuleForm {

  static final List<String> FIELDS = List.of("kind", "value", "dueDays");

  @NotBlank(message = "Choose whether the rule matches a Keycloak group or a staff group")
  @Pattern(
      regexp = "KEYCLOAK_GROUP|STAFF_GROUP",
      message = "Choose whether the rule matches a Keycloak group or a staff group")
  String kind;

  @NotBlank(message = "Enter the name of the group")
  @Size(max = 255, message = "A group's name is 255 characters or fewer")
  String value;

  @Pattern(
      regexp = "\\s*(\\d{1,4})?\\s*",
      message = "Enter the days until the due date as a number, or leave it empty")
  String dueDays;

  /** Reads the form's fields from a request. */
  public static RuleForm from(HttpServletRequest request) {
    var form = new RuleForm();
    form.kind = request.getParameter("kind");
    form.value = request.getParameter("value");
    form.dueDays = request.getParameter("dueDays");
    return form;
  }

  /** Field → message for every rule broken, in the form's order (empty when all is well). */
  public Map<String, String> errors(Validator validator) {
    var found = FormErrors.of(validator, this);
    if (!found.containsKey("dueDays") && days() != null && (days() < 1 || days() > 3650)) {
      found.put("dueDays", "The due date is from 1 to 3650 days after enrolment");
    }
    return FormErrors.inOrder(found, FIELDS);
  }

  /** What was typed, to show again. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("kind", kind == null ? "" : kind);
    values.put("value", value == null ? "" : value);
    values.put("dueDays", dueDays == null ? "" : dueDays);
    return values;
  }

  /** The kind; call only when {@link #errors} is empty. */
  public EnrolmentRule.Kind kind() {
    return EnrolmentRule.Kind.valueOf(kind);
  }

  /** The group's name as it will be matched (surrounding spaces removed). */
  public String value() {
    return value.strip();
  }

  /** Days until the due date, or {@code null} when left empty. */
  public Integer days() {
    return dueDays == null || dueDays.isBlank() ? null : Integer.valueOf(dueDays.strip());
  }
}

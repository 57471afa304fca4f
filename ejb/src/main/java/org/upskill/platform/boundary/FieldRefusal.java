package org.upskill.platform.boundary;

/**
 * A refusal about one value a person typed: which field, and why, in words for beside that field
 * (the web tier shows it there and in the GOV.UK error summary, keeping what was typed; the API
 * names the field in its problem). A 409, like every rule a boundary checks.
 */
public class FieldRefusal extends Refusal {

  private final String field;

  public FieldRefusal(String field, String message) {
    super(Reason.CONFLICT, message);
    this.field = field;
  }

  /** The field's name in the boundary's terms ({@code reason}, {@code prerequisites}). */
  public String field() {
    return field;
  }
}

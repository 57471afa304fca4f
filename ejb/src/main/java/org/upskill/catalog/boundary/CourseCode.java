package org.upskill.catalog.boundary;

import java.util.regex.Pattern;

/**
 * What may name a course where a code comes in: an address ({@code /courses/PY-CLIN}), an API path
 * or body, a form's hidden field. Written once here and used by the web tier's routes and checks,
 * the API's checks and its OpenAPI document. A new course's code is stricter (hyphens only between
 * letters and numbers: {@code web/…/teach/CourseForm}); a code that is well formed but names no
 * course is a 404 from the boundary that looks it up.
 */
public final class CourseCode {

  /** Letters, digits and hyphens, 1 to 20 of them. */
  public static final String PATTERN = "[A-Za-z0-9-]{1,20}";

  private static final Pattern WELL_FORMED = Pattern.compile(PATTERN);

  private CourseCode() {}

  /** Whether {@code code} could name a course (null is not). */
  public static boolean isWellFormed(String code) {
    return code != null && WELL_FORMED.matcher(code).matches();
  }
}

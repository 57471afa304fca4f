package org.upskill.web.compliance;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.CourseCode;
import org.upskill.compliance.boundary.Requirements;
import org.upskill.compliance.entity.RenewalRule;

/**
 * The requirement form as typed: a name, the course, whom it applies to (any of staff group,
 * organisation, job role, Keycloak group), the renewal rule, the grace period and the newcomers'
 * due days, checked with Bean Validation and then as a whole (the renewal rule's own checks).
 */
public class RequirementForm {

  static final List<String> FIELDS =
      List.of(
          "id",
          "version",
          "name",
          "course",
          "staffGroup",
          "organisation",
          "jobRole",
          "keycloakGroup",
          "renewal",
          "months",
          "anchorDay",
          "anchorMonth",
          "graceDays",
          "newcomerDueDays");

  @NotBlank(message = "Enter a name for the requirement")
  @Size(max = 200, message = "The name is 200 characters or fewer")
  String name;

  @NotBlank(message = "Enter the code of the course people must hold, for example GDPR-DS")
  @Pattern(
      regexp = "\\s*" + CourseCode.PATTERN + "\\s*",
      message = "Enter a course code, for example GDPR-DS")
  String course;

  @Size(max = 100, message = "A staff group is 100 characters or fewer")
  String staffGroup;

  @Size(max = 200, message = "An organisation's name is 200 characters or fewer")
  String organisation;

  @Size(max = 200, message = "A job role is 200 characters or fewer")
  String jobRole;

  @Size(max = 255, message = "A group's name is 255 characters or fewer")
  String keycloakGroup;

  @NotBlank(message = "Choose how the training is renewed")
  @Pattern(regexp = "NONE|MONTHS|ANNUAL_DATE", message = "Choose how the training is renewed")
  String renewal;

  @Pattern(regexp = "\\s*(\\d{1,3})?\\s*", message = "Enter the months as a number")
  String months;

  @Pattern(regexp = "\\s*(\\d{1,2})?\\s*", message = "Enter the day as a number")
  String anchorDay;

  @Pattern(regexp = "\\s*(\\d{1,2})?\\s*", message = "Enter the month as a number from 1 to 12")
  String anchorMonth;

  @Pattern(regexp = "\\s*(\\d{1,3})?\\s*", message = "Enter the grace period in days as a number")
  String graceDays;

  @Pattern(regexp = "\\s*(\\d{1,4})?\\s*", message = "Enter the days newcomers have as a number")
  String newcomerDueDays;

  @Pattern(regexp = "\\d{0,12}", message = "This form is out of date; open the requirement again")
  String id;

  @Pattern(regexp = "\\d{0,12}", message = "This form is out of date; open the requirement again")
  String version;

  /** Reads the form's fields from a request. */
  public static RequirementForm from(HttpServletRequest request) {
    var form = new RequirementForm();
    form.id = request.getParameter("id");
    form.version = request.getParameter("version");
    form.name = request.getParameter("name");
    form.course = request.getParameter("course");
    form.staffGroup = request.getParameter("staffGroup");
    form.organisation = request.getParameter("organisation");
    form.jobRole = request.getParameter("jobRole");
    form.keycloakGroup = request.getParameter("keycloakGroup");
    form.renewal = request.getParameter("renewal");
    form.months = request.getParameter("months");
    form.anchorDay = request.getParameter("anchorDay");
    form.anchorMonth = request.getParameter("anchorMonth");
    form.graceDays = request.getParameter("graceDays");
    form.newcomerDueDays = request.getParameter("newcomerDueDays");
    return form;
  }

  /** The form filled from a saved requirement. */
  public static Map<String, String> valuesOf(Requirements.Definition d) {
    var form = new RequirementForm();
    form.id = String.valueOf(d.id());
    form.version = String.valueOf(d.version());
    form.name = d.name();
    form.course = d.courseCode();
    form.staffGroup = d.staffGroup();
    form.organisation = d.organisation();
    form.jobRole = d.jobRole();
    form.keycloakGroup = d.keycloakGroup();
    form.renewal = d.rule().kind().name();
    form.months = d.rule().months() == null ? "" : d.rule().months().toString();
    form.anchorDay = d.rule().anchorDay() == null ? "" : d.rule().anchorDay().toString();
    form.anchorMonth = d.rule().anchorMonth() == null ? "" : d.rule().anchorMonth().toString();
    form.graceDays = String.valueOf(d.rule().graceDays());
    form.newcomerDueDays = String.valueOf(d.newcomerDueDays());
    return form.values();
  }

  private static Integer number(String value) {
    return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
  }

  /** Field → message for every rule broken, in the form's order (empty when all is well). */
  public Map<String, String> errors(Validator validator) {
    var found = new LinkedHashMap<String, String>();
    for (var violation : validator.validate(this)) {
      found.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
    }
    if (found.isEmpty()) {
      switch (renewal) {
        case "MONTHS" -> {
          var m = number(months);
          if (m == null || m < 1 || m > 120) {
            found.put("months", "Enter how many months the training lasts, from 1 to 120");
          }
        }
        case "ANNUAL_DATE" -> {
          var month = number(anchorMonth);
          var day = number(anchorDay);
          if (month == null || month < 1 || month > 12) {
            found.put("anchorMonth", "Enter the month of the renewal date, from 1 to 12");
          } else if (day == null || day < 1 || day > java.time.Month.of(month).maxLength()) {
            found.put("anchorDay", "Enter a day that exists in that month");
          }
        }
        default -> {}
      }
      var grace = number(graceDays);
      if (grace != null && grace > 365) {
        found.put("graceDays", "The grace period is at most 365 days");
      }
      var newcomers = number(newcomerDueDays);
      if (newcomers != null && newcomers > 3650) {
        found.put("newcomerDueDays", "Newcomers have at most 3650 days");
      }
    }
    var ordered = new LinkedHashMap<String, String>();
    FIELDS.forEach(
        f -> {
          if (found.containsKey(f)) {
            ordered.put(f, found.get(f));
          }
        });
    return ordered;
  }

  /** What was typed, to show again. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("id", id == null ? "" : id);
    values.put("version", version == null ? "" : version);
    values.put("name", name == null ? "" : name);
    values.put("course", course == null ? "" : course);
    values.put("staffGroup", staffGroup == null ? "" : staffGroup);
    values.put("organisation", organisation == null ? "" : organisation);
    values.put("jobRole", jobRole == null ? "" : jobRole);
    values.put("keycloakGroup", keycloakGroup == null ? "" : keycloakGroup);
    values.put("renewal", renewal == null ? "MONTHS" : renewal);
    values.put("months", months == null ? "" : months);
    values.put("anchorDay", anchorDay == null ? "" : anchorDay);
    values.put("anchorMonth", anchorMonth == null ? "" : anchorMonth);
    values.put("graceDays", graceDays == null ? "" : graceDays);
    values.put("newcomerDueDays", newcomerDueDays == null ? "" : newcomerDueDays);
    return values;
  }

  /** The definition to save; call only when {@link #errors} is empty. */
  public Requirements.Definition definition() {
    var grace = number(graceDays) == null ? 0 : number(graceDays);
    var rule =
        switch (renewal) {
          case "MONTHS" -> RenewalRule.everyMonths(number(months), grace);
          case "ANNUAL_DATE" -> RenewalRule.annualOn(number(anchorMonth), number(anchorDay), grace);
          default -> RenewalRule.none(grace);
        };
    return new Requirements.Definition(
        id == null || id.isBlank() ? null : Long.valueOf(id),
        name.strip(),
        course.strip(),
        staffGroup,
        organisation,
        jobRole,
        keycloakGroup,
        rule,
        number(newcomerDueDays) == null ? 30 : number(newcomerDueDays),
        version == null || version.isBlank() ? 0 : Long.parseLong(version));
  }
}

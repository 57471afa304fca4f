package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.Facet;
import org.upskill.catalog.boundary.TaughtCourse;
import org.upskill.enrolment.boundary.EnrolmentRules;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * A course's enrolment rules ({@code /teach/{code}/rules}): who is enrolled automatically, how many
 * people each rule matches now, a form to add one and the button that applies them now.
 */
@Named
@RequestScoped
public class RulesPage {

  public static final String FORM = "rule";

  public static final List<Facet> KINDS =
      List.of(
          new Facet("KEYCLOAK_GROUP", "Everyone in a Keycloak group"),
          new Facet("STAFF_GROUP", "Everyone in a staff group"));

  @Inject CourseAuthoring authoring;
  @Inject EnrolmentRules rules;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private TaughtCourse course;
  private List<EnrolmentRules.RuleLine> lines = List.of();
  private Map<String, List<String>> known = Map.of();
  private Map<String, String> errors = Map.of();
  private Map<String, String> values = Map.of("kind", "KEYCLOAK_GROUP");

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    try {
      course = authoring.course(author, code);
      lines = rules.rules(author, code);
      known = rules.knownGroups();
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      course = null;
      return;
    }
    var kept = viewer.takeValues(FORM);
    if (!kept.isEmpty()) {
      values = kept;
      errors = viewer.takeErrors(FORM);
    }
  }

  public TaughtCourse getCourse() {
    return course;
  }

  public List<EnrolmentRules.RuleLine> getRules() {
    return lines;
  }

  /** Keycloak groups people belong to now, for the hint. */
  public String getKnownGroupsText() {
    return listed(known.getOrDefault("KEYCLOAK_GROUP", List.of()));
  }

  /** Staff groups people have now, for the hint. */
  public String getKnownStaffGroupsText() {
    return listed(known.getOrDefault("STAFF_GROUP", List.of()));
  }

  private static String listed(List<String> names) {
    return names.isEmpty() ? "none yet" : String.join(", ", names);
  }

  public List<Facet> getKinds() {
    return KINDS;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getValues() {
    return values;
  }

  /** The words for a rule's kind. */
  public String kindLabel(String kind) {
    return "STAFF_GROUP".equals(kind) ? "Staff group" : "Keycloak group";
  }
}

package org.upskill.web.pathway;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.upskill.catalog.boundary.CourseCatalog;
import org.upskill.catalog.boundary.Facet;
import org.upskill.catalog.boundary.PathwayDetail;
import org.upskill.enrolment.boundary.Enrolments;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * A career pathway ({@code /pathways/{role}}): the role, its skills and its courses in order; for a
 * signed-in learner, how far along they are and which skills are still missing.
 */
@Named
@RequestScoped
public class PathwayPage {

  @Inject CourseCatalog catalog;
  @Inject Enrolments enrolments;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private PathwayDetail pathway;
  private final Map<String, String> states = new HashMap<>();
  private final Set<String> skillsGained = new HashSet<>();

  public void load() {
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    pathway = code == null ? null : catalog.pathway(code).orElse(null);
    if (pathway == null) {
      viewer.refuse(404, "There is no career pathway " + code + ".");
      return;
    }
    var personId = viewer.personId();
    if (personId != null) {
      enrolments.coursesOf(personId).forEach(c -> states.put(c.courseCode(), c.state()));
      pathway.courses().stream()
          .filter(c -> "completed".equals(states.get(c.code())))
          .forEach(c -> skillsGained.addAll(c.skillCodes()));
    }
  }

  public PathwayDetail getPathway() {
    return pathway;
  }

  public List<String> getParagraphs() {
    return List.of(pathway.description().split("\\n\\s*\\n"));
  }

  /** The learner's state on a course of the pathway: not_enrolled, enrolled, completed… */
  public String state(String courseCode) {
    return states.getOrDefault(courseCode, "not_enrolled");
  }

  public long getCompletedCount() {
    return pathway.courses().stream().filter(c -> "completed".equals(state(c.code()))).count();
  }

  public int getPercent() {
    return pathway.courses().isEmpty()
        ? 0
        : (int) (100 * getCompletedCount() / pathway.courses().size());
  }

  public List<String> getMissingSkillNames() {
    return getMissingSkills().stream().map(Facet::name).toList();
  }

  /** The pathway's skills that no completed course has taught yet. */
  public List<Facet> getMissingSkills() {
    return pathway.skills().stream().filter(s -> !skillsGained.contains(s.code())).toList();
  }
}

package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.CoursePublishing;
import org.upskill.catalog.boundary.Facet;
import org.upskill.catalog.boundary.TaughtCourse;
import org.upskill.enrolment.boundary.VersionMoves;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * A course's details form: new ({@code /teach/new}) or existing ({@code /teach/{code}}), with its
 * owners and, after a conflicting save, the saved version beside the one the trainer typed.
 */
@Named
@RequestScoped
public class CourseEditPage {

  public static final String FORM = "course-edit";
  public static final String THEIRS = CourseEditPage.class.getName() + ".theirs";

  public static final List<Facet> LEVELS =
      List.of(
          new Facet("INTRODUCTORY", "Introductory"),
          new Facet("INTERMEDIATE", "Intermediate"),
          new Facet("ADVANCED", "Advanced"));
  public static final List<Facet> AUDIENCES =
      List.of(
          new Facet("NHS_STAFF", "NHS staff"),
          new Facet("TECH", "Tech learners"),
          new Facet("BOTH", "NHS staff and tech learners"));
  public static final List<Facet> MODES =
      List.of(
          new Facet("SELF", "Learners enrol themselves"),
          new Facet("APPROVAL", "Learners request a place; a trainer or manager approves"),
          new Facet("MANUAL", "Only trainers and managers enrol people"));

  @Inject CourseAuthoring authoring;
  @Inject CoursePublishing publishing;
  @Inject VersionMoves versionMoves;
  @Inject org.upskill.catalog.boundary.CourseCatalog catalog;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private boolean loaded;
  private TaughtCourse course;
  private List<CoursePublishing.Publication> history = List.of();
  private List<VersionMoves.Behind> behind = List.of();
  private Map<String, String> values = Map.of();
  private Map<String, String> errors = Map.of();
  private Map<String, String> theirs;
  private Map<String, String> ownerErrors = Map.of();
  private Map<String, String> ownerValues = Map.of();

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    if (code != null) {
      try {
        course = authoring.course(author, code);
        history = publishing.history(author, code);
        behind = versionMoves.behind(author, code);
      } catch (Refusal refusal) {
        viewer.refuse(refusal);
        return;
      }
      values = CourseForm.valuesOf(course.details());
    }
    var kept = viewer.takeValues(FORM);
    if (!kept.isEmpty()) {
      values = kept;
    }
    errors = viewer.takeErrors(FORM);
    ownerErrors = viewer.takeErrors("course-owner");
    ownerValues = viewer.takeValues("course-owner");
    var session = request.getSession(false);
    if (session != null) {
      @SuppressWarnings("unchecked")
      var conflict = (Map<String, String>) session.getAttribute(THEIRS);
      theirs = conflict;
      session.removeAttribute(THEIRS);
    }
    loaded = true;
  }

  public Map<String, String> getOwnerErrors() {
    return ownerErrors;
  }

  public Map<String, String> getOwnerValues() {
    return ownerValues;
  }

  /** The skills in the catalogue, named for the skills field's hint. */
  public String getKnownSkills() {
    var names = catalog.skills().stream().map(Facet::name).toList();
    return names.isEmpty() ? "none yet" : String.join(", ", names);
  }

  /** Learners on earlier versions than the published one, by version. */
  public List<VersionMoves.Behind> getBehind() {
    return behind;
  }

  /** Every publication of the course, newest first. */
  public List<CoursePublishing.Publication> getHistory() {
    return history;
  }

  public boolean isLoaded() {
    return loaded;
  }

  public boolean isNew() {
    return course == null;
  }

  public TaughtCourse getCourse() {
    return course;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  /** After a conflicting save: the details as saved by someone else; otherwise {@code null}. */
  public Map<String, String> getTheirs() {
    return theirs;
  }

  /** The version the form is based on: the saved one, or the newer one after a conflict. */
  public long getVersion() {
    var kept = values.get("version");
    return kept != null ? Long.parseLong(kept) : course == null ? 0 : course.version();
  }

  public List<Facet> getLevels() {
    return LEVELS;
  }

  public List<Facet> getAudiences() {
    return AUDIENCES;
  }

  public List<Facet> getModes() {
    return MODES;
  }

  /** The labels of the form's fields, for the comparison after a conflict. */
  public List<Facet> getFieldLabels() {
    return List.of(
        new Facet("title", "Title"),
        new Facet("summary", "Summary"),
        new Facet("outcomes", "What you will learn"),
        new Facet("level", "Level"),
        new Facet("durationMinutes", "Minutes"),
        new Facet("audience", "Who it is for"),
        new Facet("enrolmentMode", "How people join"),
        new Facet("capacity", "Places"),
        new Facet("renewalMonths", "Renew every (months)"));
  }
}

package org.upskill.web.teach;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.upskill.assessment.boundary.QuizAuthoring;
import org.upskill.assessment.boundary.QuizAuthoring.AuthoredQuiz;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.boundary.Facet;
import org.upskill.catalog.boundary.TaughtCourse;
import org.upskill.platform.boundary.Refusal;
import org.upskill.web.platform.PrettyUrlFilter;
import org.upskill.web.platform.Viewer;

/**
 * The quiz builder's pages: a course's quizzes ({@code /teach/{code}/quizzes}), a new quiz ({@code
 * …/quizzes/new}), a quiz's settings and questions ({@code …/quizzes/{id}}) and a new question
 * ({@code …/quizzes/{id}/new-question}).
 */
@Named
@RequestScoped
public class QuizBuilderPage {

  public static final String SETTINGS_FORM = "quiz-settings";
  public static final String QUESTION_FORM = "quiz-question";
  public static final String DRAW_FORM = "quiz-draw";

  public static final List<Facet> GRADINGS =
      List.of(
          new Facet("HIGHEST", "Highest attempt"),
          new Facet("LAST", "Last attempt"),
          new Facet("FIRST", "First attempt"),
          new Facet("AVERAGE", "Average of all attempts"));
  public static final List<Facet> REVIEW =
      List.of(
          new Facet("RESPONSES", "Their responses"),
          new Facet("CORRECT", "The right answers"),
          new Facet("FEEDBACK", "Feedback"));
  public static final List<Facet> TYPES =
      List.of(
          new Facet("single", "Single choice"),
          new Facet("multiple", "Multiple choice"),
          new Facet("truefalse", "True or false"),
          new Facet("numeric", "Numeric"),
          new Facet("shorttext", "Short text"),
          new Facet("ordering", "Ordering"),
          new Facet("matching", "Matching"));

  @Inject CourseAuthoring courses;
  @Inject QuizAuthoring quizzes;
  @Inject Viewer viewer;
  @Inject HttpServletRequest request;

  private TaughtCourse course;
  private List<CourseAuthoring.ModuleLine> modules = List.of();
  private List<QuizAuthoring.QuizLine> quizList = List.of();
  private List<QuizAuthoring.CategoryLine> categories = List.of();
  private AuthoredQuiz quiz;
  private Map<String, String> values = Map.of();
  private Map<String, String> errors = Map.of();
  private Map<String, String> drawValues = Map.of();
  private Map<String, String> drawErrors = Map.of();
  private Map<String, String> bankErrors = Map.of();

  public void load() {
    var author = Authors.of(viewer);
    if (author == null) {
      return;
    }
    var code = (String) request.getAttribute(PrettyUrlFilter.CODE);
    var number = (String) request.getAttribute(PrettyUrlFilter.NUMBER);
    var address = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    var newQuestion = address != null && address.endsWith("/new-question");
    try {
      course = courses.course(author, code);
      modules = courses.modules(author, code);
      quizList = quizzes.quizzes(author, code);
      categories = quizzes.categories(author, code);
      if (number != null) {
        quiz = quizzes.quiz(author, code, Long.parseLong(number));
      }
    } catch (Refusal refusal) {
      viewer.refuse(refusal);
      course = null;
      return;
    }
    var form = newQuestion ? QUESTION_FORM : SETTINGS_FORM;
    values =
        newQuestion
            ? QuestionForm.defaults()
            : quiz == null ? QuizForm.defaults() : QuizForm.valuesOf(quiz.settings());
    var kept = viewer.takeValues(form);
    if (!kept.isEmpty()) {
      values = kept;
    }
    errors = viewer.takeErrors(form);
    drawValues = viewer.takeValues(DRAW_FORM);
    drawErrors = viewer.takeErrors(DRAW_FORM);
    bankErrors = viewer.takeErrors("bank-import");
  }

  public TaughtCourse getCourse() {
    return course;
  }

  /** Whether the content may change: a draft course, or the draft of a new version. */
  public boolean isDraft() {
    return course != null && course.contentEditable();
  }

  public List<CourseAuthoring.ModuleLine> getModules() {
    return modules;
  }

  public List<QuizAuthoring.QuizLine> getQuizzes() {
    return quizList;
  }

  public List<QuizAuthoring.CategoryLine> getCategories() {
    return categories;
  }

  public AuthoredQuiz getQuiz() {
    return quiz;
  }

  public boolean isNew() {
    return quiz == null;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public Map<String, String> getErrors() {
    return errors;
  }

  public Map<String, String> getDrawValues() {
    return drawValues;
  }

  /** Why the last bank import was refused: "bank" and up to 20 problems; once. */
  public Map<String, String> getBankErrors() {
    return bankErrors;
  }

  /** The problems of the last refused import, in order. */
  public List<String> getBankProblems() {
    return bankErrors.entrySet().stream()
        .filter(e -> e.getKey().startsWith("bank-problem-"))
        .map(Map.Entry::getValue)
        .toList();
  }

  public Map<String, String> getDrawErrors() {
    return drawErrors;
  }

  /** Whether a review option is ticked in the form ({@code field} is after-submit or -close). */
  public boolean reviewTicked(String field, String option) {
    return List.of(values.getOrDefault(field, "").split(",")).contains(option);
  }

  public List<Facet> getGradings() {
    return GRADINGS;
  }

  public List<Facet> getReviewOptions() {
    return REVIEW;
  }

  public List<Facet> getTypes() {
    return TYPES;
  }

  /** The course's modules as choices for the quiz's place. */
  public List<Facet> getModuleChoices() {
    return modules.stream()
        .map(
            m ->
                new Facet(
                    String.valueOf(m.position()), "Module " + m.position() + ": " + m.title()))
        .toList();
  }

  /** The bank's categories as choices for a random draw. */
  public List<Facet> getCategoryChoices() {
    return categories.stream()
        .map(
            c ->
                new Facet(
                    String.valueOf(c.id()),
                    c.name()
                        + " ("
                        + c.questions()
                        + (c.questions() == 1 ? " question)" : " questions)")))
        .toList();
  }

  /** "Single choice" for "single". */
  public String typeName(String type) {
    return TYPES.stream()
        .filter(t -> t.code().equals(type))
        .map(Facet::name)
        .findFirst()
        .orElse(type);
  }
}

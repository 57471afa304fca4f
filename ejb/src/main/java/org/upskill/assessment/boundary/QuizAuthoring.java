package org.upskill.assessment.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.upskill.assessment.control.FrozenQuestion;
import org.upskill.assessment.entity.BankQuestion;
import org.upskill.assessment.entity.GradingMethod;
import org.upskill.assessment.entity.QuestionCategory;
import org.upskill.assessment.entity.Quiz;
import org.upskill.assessment.entity.ReviewOption;
import org.upskill.catalog.boundary.CourseAccess;
import org.upskill.catalog.entity.Course;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;
import org.upskill.platform.control.Jsonp;

/**
 * The quiz builder: trainers create the quizzes of a draft course, set every setting, write
 * questions of every type into the course's bank (by category) and add them to a quiz, or add "N
 * random questions from a category". Ownership is checked on every call; a question that could not
 * be graded is refused before it is stored.
 */
@Stateless
public class QuizAuthoring {

  /** A quiz in the course's list. */
  public record QuizLine(long id, String title, Integer module, int slots, boolean required) {}

  /** One slot of a quiz: a fixed question or a random draw. */
  public record SlotLine(int position, boolean draw, String type, String text, String category) {}

  /** A quiz in the builder. */
  public record AuthoredQuiz(
      long id,
      long version,
      QuizSettings settings,
      List<SlotLine> slots,
      List<String> categories) {}

  /** A category of the course's bank and how many questions it holds. */
  public record CategoryLine(long id, String name, long questions) {}

  @PersistenceContext EntityManager em;

  /** The quizzes of a course this author may change. */
  public List<QuizLine> quizzes(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    return quizzesOf(course).stream()
        .map(
            q ->
                new QuizLine(
                    q.getId(),
                    q.getTitle(),
                    modulePosition(course, q.getModuleId()),
                    q.getSlots().size(),
                    q.isRequired()))
        .toList();
  }

  /**
   * Creates a quiz in a draft course.
   *
   * @return its id
   */
  public long create(Staff author, String code, QuizSettings settings) {
    var course = CourseAccess.draft(em, author, code);
    var quiz =
        new Quiz(
            course.getId(),
            course.workingVersion(),
            moduleId(course, settings.module()),
            settings.title(),
            null);
    apply(course, quiz, settings);
    em.persist(quiz);
    em.flush();
    return quiz.getId();
  }

  /** A quiz of a course this author may change. */
  public AuthoredQuiz quiz(Staff author, String code, long quizId) {
    var course = CourseAccess.editable(em, author, code);
    return view(course, quizOf(course, quizId));
  }

  /**
   * Saves a quiz's settings, if nobody saved them since {@code basedOnVersion}.
   *
   * @throws Refusal 409 when someone else saved in between (nothing is changed)
   */
  public void update(Staff author, String code, long quizId, QuizSettings settings, long version) {
    var course = CourseAccess.draft(em, author, code);
    var quiz = quizOf(course, quizId);
    if (quiz.getVersion() != version) {
      throw Refusal.conflict(
          "Someone else changed this quiz after you opened it. Reload it to see their settings,"
              + " then make your change again.");
    }
    apply(course, quiz, settings);
    em.flush();
  }

  /**
   * Writes a question into the course's bank (in its category, created when new) and adds it to the
   * end of the quiz.
   *
   * @throws Refusal 409 when the question could not be graded as written
   */
  public void addQuestion(Staff author, String code, long quizId, QuestionDraft draft) {
    var course = CourseAccess.draft(em, author, code);
    var quiz = quizOf(course, quizId);
    try {
      FrozenQuestion.freeze(
              0,
              draft.type(),
              draft.prompt(),
              draft.feedback(),
              draft.points(),
              draft.definitionJson(),
              false,
              new Random(0))
          .grader();
    } catch (RuntimeException e) {
      throw Refusal.conflict("This question cannot be graded as written: " + e.getMessage());
    }
    var category = category(course, draft.category());
    var question =
        new BankQuestion(
            category.getId(),
            java.util.UUID.randomUUID().toString(),
            draft.type(),
            draft.prompt(),
            draft.feedback(),
            draft.points(),
            draft.definitionJson());
    em.persist(question);
    em.flush();
    quiz.addFixedQuestion(question.getId());
    em.flush();
  }

  /** Adds "N random questions from a category" to the end of the quiz. */
  public void addRandomDraw(Staff author, String code, long quizId, long categoryId, int count) {
    var course = CourseAccess.draft(em, author, code);
    var quiz = quizOf(course, quizId);
    var category = em.find(QuestionCategory.class, categoryId);
    if (category == null || category.getCourseId() != course.getId()) {
      throw Refusal.notFound(code + " has no such question category.");
    }
    var available = questionsIn(categoryId);
    if (count < 1 || count > available) {
      throw Refusal.conflict(
          "“" + category.getName() + "” holds " + available + " questions: draw 1 to " + available);
    }
    quiz.addRandomDraw(categoryId, count);
    em.flush();
  }

  /** Removes slot {@code position} from the quiz (the question stays in the bank). */
  public void removeSlot(Staff author, String code, long quizId, int position) {
    var course = CourseAccess.draft(em, author, code);
    var quiz = quizOf(course, quizId);
    var slot =
        quiz.getSlots().stream()
            .filter(s -> s.getPosition() == position)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("The quiz has no question " + position + "."));
    quiz.removeSlot(slot);
    em.flush();
    for (var later : quiz.getSlots()) {
      if (later.getPosition() > position) {
        later.moveTo(later.getPosition() - 1);
        em.flush();
      }
    }
  }

  /** The categories of the course's question bank. */
  public List<CategoryLine> categories(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    return categoriesOf(course).stream()
        .map(c -> new CategoryLine(c.getId(), c.getName(), questionsIn(c.getId())))
        .toList();
  }

  /** A bank file that cannot be imported: every problem, by question; nothing was stored. */
  public static class BankRefused extends Refusal {
    private final transient List<String> problems;

    public BankRefused(List<String> problems) {
      super(
          Reason.CONFLICT,
          "The question bank file was not imported: " + problems.size() + " problems.");
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }
  }

  /** At most this many questions in one bank file. */
  public static final int MAX_IMPORT = 2_000;

  private static final List<String> COMMON = List.of("key", "type", "prompt", "points", "feedback");

  /**
   * The course's question bank as JSON, in the format of the demo bank: categories, each with its
   * questions (key, type, prompt, points, feedback and the type's parts).
   */
  public String exportBank(Staff author, String code) {
    var course = CourseAccess.editable(em, author, code);
    var categories = Jsonp.arrayBuilder();
    for (var category : categoriesOf(course)) {
      var questions = Jsonp.arrayBuilder();
      em.createQuery(
              "select q from BankQuestion q where q.categoryId = :category order by q.id",
              BankQuestion.class)
          .setParameter("category", category.getId())
          .getResultList()
          .forEach(
              q -> {
                var json =
                    Jsonp.objectBuilder()
                        .add("key", q.getKey())
                        .add("type", q.getType())
                        .add("prompt", q.getPrompt())
                        .add("points", q.getPoints());
                if (q.getFeedback() != null) {
                  json.add("feedback", q.getFeedback());
                }
                try (var reader = Jsonp.reader(new java.io.StringReader(q.getDefinition()))) {
                  reader.readObject().forEach(json::add);
                }
                questions.add(json);
              });
      categories.add(
          Jsonp.objectBuilder().add("name", category.getName()).add("questions", questions));
    }
    return Jsonp.objectBuilder()
        .add("format", "upskill-question-bank-1")
        .add("course", course.getCode())
        .add("categories", categories)
        .build()
        .toString();
  }

  /**
   * Imports a bank file into the course's bank (a draft course): every question is checked as the
   * quiz engine would grade it; one problem anywhere and nothing is stored.
   *
   * @return how many questions were imported
   * @throws BankRefused with every problem found
   */
  public int importBank(Staff author, String code, String json) {
    var course = CourseAccess.draft(em, author, code);
    var problems = new ArrayList<String>();
    jakarta.json.JsonObject root;
    try (var reader = Jsonp.reader(new java.io.StringReader(json))) {
      root = reader.readObject();
    } catch (RuntimeException e) {
      throw new BankRefused(List.of("The file is not JSON we can read: " + e.getMessage()));
    }
    var categories = root.get("categories");
    if (categories == null || categories.getValueType() != jakarta.json.JsonValue.ValueType.ARRAY) {
      throw new BankRefused(List.of("The file has no \"categories\" list."));
    }
    var accepted = new ArrayList<Object[]>();
    var number = 0;
    for (var categoryValue : categories.asJsonArray()) {
      if (categoryValue.getValueType() != jakarta.json.JsonValue.ValueType.OBJECT) {
        problems.add("A category is not an object.");
        continue;
      }
      var category = categoryValue.asJsonObject();
      var name = category.getString("name", "").strip();
      if (name.isEmpty() || name.length() > 100) {
        problems.add("A category needs a name of 1 to 100 characters.");
        continue;
      }
      var questions = category.get("questions");
      if (questions == null || questions.getValueType() != jakarta.json.JsonValue.ValueType.ARRAY) {
        problems.add("Category “" + name + "” has no \"questions\" list.");
        continue;
      }
      for (var questionValue : questions.asJsonArray()) {
        number++;
        if (number > MAX_IMPORT) {
          throw new BankRefused(List.of("The file has more than " + MAX_IMPORT + " questions."));
        }
        var where = "Question " + number + " (in “" + name + "”)";
        try {
          var q = questionValue.asJsonObject();
          var type = q.getString("type");
          var prompt = q.getString("prompt").strip();
          if (prompt.isEmpty() || prompt.length() > 2000) {
            throw new IllegalArgumentException("the prompt must have 1 to 2000 characters");
          }
          var feedback = q.containsKey("feedback") ? q.getString("feedback") : null;
          var points =
              q.containsKey("points")
                  ? q.getJsonNumber("points").bigDecimalValue()
                  : BigDecimal.ONE;
          if (points.signum() <= 0 || points.compareTo(BigDecimal.valueOf(999)) > 0) {
            throw new IllegalArgumentException("points must be more than 0 and at most 999");
          }
          var definition = Jsonp.objectBuilder(q);
          COMMON.forEach(definition::remove);
          var definitionJson = definition.build().toString();
          if (feedback != null && feedback.length() > 2000) {
            throw new IllegalArgumentException("feedback must have at most 2000 characters");
          }
          // As an attempt will: grade it, and read what a page shows (option texts, answers
          // to match, the unit)
          var frozen =
              FrozenQuestion.freeze(
                  0, type, prompt, feedback, points, definitionJson, false, new Random(0));
          frozen.grader();
          frozen.options();
          frozen.matchAnswers();
          frozen.unit();
          accepted.add(new Object[] {name, type, prompt, feedback, points, definitionJson});
        } catch (NullPointerException | ClassCastException e) {
          // jakarta.json's getters: a key that is missing, or a value of another kind
          problems.add(
              where
                  + ": a part this type of question needs is missing or is not the right kind of"
                  + " value (compare with a bank file downloaded from Upskill)");
        } catch (RuntimeException e) {
          problems.add(where + ": " + (e.getMessage() == null ? e.toString() : e.getMessage()));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BankRefused(problems);
    }
    if (accepted.isEmpty()) {
      throw new BankRefused(List.of("The file has no questions."));
    }
    for (var a : accepted) {
      var category = category(course, (String) a[0]);
      em.persist(
          new BankQuestion(
              category.getId(),
              java.util.UUID.randomUUID().toString(),
              (String) a[1],
              (String) a[2],
              (String) a[3],
              (BigDecimal) a[4],
              (String) a[5]));
    }
    em.flush();
    return accepted.size();
  }

  private void apply(Course course, Quiz quiz, QuizSettings settings) {
    quiz.describe(settings.title(), settings.intro(), moduleId(course, settings.module()));
    quiz.configure(
        settings.timeLimitMinutes() == null
            ? null
            : Duration.ofMinutes(settings.timeLimitMinutes()),
        settings.opensAt(),
        settings.closesAt(),
        settings.maxAttempts(),
        settings.passPercent(),
        GradingMethod.valueOf(settings.grading()),
        settings.shuffleQuestions(),
        settings.shuffleOptions(),
        settings.onePerPage(),
        settings.required(),
        reviewOptions(settings.reviewAfterSubmit()),
        reviewOptions(settings.reviewAfterClose()));
  }

  private static Set<ReviewOption> reviewOptions(Set<String> names) {
    var options = EnumSet.noneOf(ReviewOption.class);
    names.forEach(name -> options.add(ReviewOption.valueOf(name)));
    return options;
  }

  private AuthoredQuiz view(Course course, Quiz quiz) {
    var slots =
        quiz.getSlots().stream()
            .map(
                slot -> {
                  if (slot.getQuestionId() != null) {
                    var question = em.find(BankQuestion.class, slot.getQuestionId());
                    var category = em.find(QuestionCategory.class, question.getCategoryId());
                    return new SlotLine(
                        slot.getPosition(),
                        false,
                        question.getType(),
                        question.getPrompt(),
                        category.getName());
                  }
                  var category = em.find(QuestionCategory.class, slot.getCategoryId());
                  return new SlotLine(
                      slot.getPosition(),
                      true,
                      null,
                      slot.getDrawCount()
                          + (slot.getDrawCount() == 1 ? " random question" : " random questions"),
                      category.getName());
                })
            .toList();
    var settings =
        new QuizSettings(
            quiz.getTitle(),
            quiz.getIntro(),
            modulePosition(course, quiz.getModuleId()),
            quiz.getTimeLimit() == null ? null : (int) quiz.getTimeLimit().toMinutes(),
            quiz.getMaxAttempts(),
            quiz.getOpensAt(),
            quiz.getClosesAt(),
            quiz.getPassPercent(),
            quiz.getGradingMethod().name(),
            quiz.isShuffleQuestions(),
            quiz.isShuffleOptions(),
            quiz.isOnePerPage(),
            quiz.isRequired(),
            names(quiz.getReviewAfterSubmit()),
            names(quiz.getReviewAfterClose()));
    return new AuthoredQuiz(
        quiz.getId(),
        quiz.getVersion(),
        settings,
        slots,
        categoriesOf(course).stream().map(QuestionCategory::getName).toList());
  }

  private static Set<String> names(Set<ReviewOption> options) {
    return options.stream().map(Enum::name).collect(Collectors.toSet());
  }

  private QuestionCategory category(Course course, String name) {
    var existing =
        categoriesOf(course).stream().filter(c -> c.getName().equalsIgnoreCase(name)).findFirst();
    if (existing.isPresent()) {
      return existing.get();
    }
    var category = new QuestionCategory(course.getId(), name);
    em.persist(category);
    em.flush();
    return category;
  }

  private List<QuestionCategory> categoriesOf(Course course) {
    return em.createQuery(
            "select c from QuestionCategory c where c.courseId = :course order by c.name",
            QuestionCategory.class)
        .setParameter("course", course.getId())
        .getResultList();
  }

  private long questionsIn(long categoryId) {
    return em.createQuery(
            "select count(q) from BankQuestion q where q.categoryId = :category", Long.class)
        .setParameter("category", categoryId)
        .getSingleResult();
  }

  private List<Quiz> quizzesOf(Course course) {
    return em.createQuery(
            "select q from Quiz q where q.courseId = :course and q.courseVersion = :version"
                + " order by q.id",
            Quiz.class)
        .setParameter("course", course.getId())
        .setParameter("version", course.workingVersion())
        .getResultList();
  }

  private Quiz quizOf(Course course, long quizId) {
    var quiz = em.find(Quiz.class, quizId);
    if (quiz == null
        || quiz.getCourseId() != course.getId()
        || quiz.getCourseVersion() != course.workingVersion()) {
      throw Refusal.notFound(
          course.getCode()
              + " has no such quiz in version "
              + course.workingVersion()
              + ", the one you are editing.");
    }
    return quiz;
  }

  private Long moduleId(Course course, Integer position) {
    return position == null ? null : CourseAccess.module(em, course, position).getId();
  }

  private Integer modulePosition(Course course, Long moduleId) {
    if (moduleId == null) {
      return null;
    }
    return CourseAccess.modules(em, course).stream()
        .filter(m -> m.getId().equals(moduleId))
        .map(m -> m.getPosition())
        .findFirst()
        .orElse(null);
  }
}

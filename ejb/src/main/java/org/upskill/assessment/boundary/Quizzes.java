package org.upskill.assessment.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.assessment.control.Answer;
import org.upskill.assessment.control.AnswerJson;
import org.upskill.assessment.control.FrozenQuestion;
import org.upskill.assessment.control.Grades;
import org.upskill.assessment.control.Layout;
import org.upskill.assessment.control.Mark;
import org.upskill.assessment.control.Timing;
import org.upskill.assessment.entity.AttemptResponse;
import org.upskill.assessment.entity.BankQuestion;
import org.upskill.assessment.entity.Quiz;
import org.upskill.assessment.entity.QuizAttempt;
import org.upskill.assessment.entity.QuizAttempt.SubmittedBy;
import org.upskill.assessment.entity.QuizGrade;
import org.upskill.assessment.entity.QuizOverride;
import org.upskill.assessment.entity.ReviewOption;
import org.upskill.catalog.boundary.CourseAuthoring;
import org.upskill.catalog.entity.Course;
import org.upskill.enrolment.entity.Enrolment;
import org.upskill.learning.boundary.Learning;
import org.upskill.people.boundary.People;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Taking quizzes: starting an attempt (which freezes its questions), saving responses, submitting
 * (idempotent, guarded by a sequence number), the server-side time limit, grading, and the review.
 *
 * <p>Every method that touches an attempt first locks its row, so that a save, a submit from five
 * tabs and the clock that ends overdue attempts take turns: exactly one of them grades it. An
 * attempt belongs to one person; anyone else is told it does not exist.
 */
@Stateless
public class Quizzes {

  /** Answers received this long after the deadline still count (network and clock drift). */
  @Inject
  @ConfigProperty(name = "upskill.quiz.grace-seconds", defaultValue = "30")
  int graceSeconds;

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject org.upskill.audit.boundary.AuditLog audit;
  @Inject Learning learning;
  @Inject People people;
  @Inject CourseAuthoring authoring;

  Clock clock = Clock.systemUTC();
  private final Random random = new SecureRandom();

  private static final String NO_SUCH_ATTEMPT = "There is no such attempt.";

  // ---------------------------------------------------------------- listing and overview

  /**
   * The quizzes of one version of a course, with the person's standing when {@code personId} is not
   * null.
   */
  public List<QuizSummary> ofCourse(Long personId, long courseId, int version) {
    var quizzes =
        em.createQuery(
                "select distinct q from Quiz q left join fetch q.slots where q.courseId = :course"
                    + " and q.courseVersion = :version order by q.id",
                Quiz.class)
            .setParameter("course", courseId)
            .setParameter("version", version)
            .getResultList();
    if (quizzes.isEmpty()) {
      return List.of();
    }
    Map<Long, QuizGrade> grades = new HashMap<>();
    Map<Long, Long> open = new HashMap<>();
    if (personId != null) {
      em.createQuery(
              "select g from QuizGrade g where g.personId = :person and g.quizId in :quizzes",
              QuizGrade.class)
          .setParameter("person", personId)
          .setParameter("quizzes", quizzes.stream().map(Quiz::getId).toList())
          .getResultList()
          .forEach(g -> grades.put(g.getQuizId(), g));
      em.createQuery(
              "select a.quizId, a.id from QuizAttempt a where a.personId = :person"
                  + " and a.open = true and a.quizId in :quizzes",
              Object[].class)
          .setParameter("person", personId)
          .setParameter("quizzes", quizzes.stream().map(Quiz::getId).toList())
          .getResultList()
          .forEach(row -> open.put((Long) row[0], (Long) row[1]));
    }
    return quizzes.stream()
        .map(
            q -> {
              var grade = grades.get(q.getId());
              String status =
                  personId == null
                      ? ""
                      : open.containsKey(q.getId())
                          ? "In progress"
                          : grade == null
                              ? "Not started"
                              : grade.isPassed() ? "Passed" : "Not passed yet";
              return new QuizSummary(
                  q.getId(),
                  q.getTitle(),
                  q.getModuleId(),
                  q.isRequired(),
                  q.getSlots().stream().mapToInt(s -> s.getDrawCount()).sum(),
                  status,
                  grade == null ? null : grade.getPercent(),
                  grade != null && grade.isPassed());
            })
        .toList();
  }

  /**
   * A quiz's page for one learner on its course.
   *
   * @throws Refusal 404 for an unknown quiz, 403 when the person is not on the course
   */
  public QuizOverview overview(long personId, long quizId) {
    var quiz = quiz(quizId);
    var course = course(quiz);
    var enrolment = requireStudying(personId, course, quiz, LockModeType.NONE);
    var now = Instant.now(clock);
    var extraTime = extraTimePercent(personId);
    var override = override(quizId, personId);
    var attempts = ofThisCycle(attemptsOf(personId, quizId), enrolment);
    for (var attempt : attempts) {
      if (attempt.isInProgress() && isPastDeadline(attempt, now)) {
        // The clock may not have come round yet: the attempt ended at its deadline.
        closeLocked(attempt, now);
      }
    }
    var extraMinutes = override.map(QuizOverride::getExtraMinutes).orElse(0);
    var extraAttempts = override.map(QuizOverride::getExtraAttempts).orElse(0);
    var closesAt = closesFor(quiz, override);
    Integer allowed = quiz.getMaxAttempts() == null ? null : quiz.getMaxAttempts() + extraAttempts;
    var used = attempts.size();
    var openAttempt =
        attempts.stream().filter(QuizAttempt::isInProgress).map(QuizAttempt::getId).findFirst();
    var grade = grade(quizId, personId);
    return new QuizOverview(
        quiz.getId(),
        course.getCode(),
        course.getTitle(),
        quiz.getTitle(),
        quiz.getIntro(),
        questionCount(quiz),
        quiz.getTimeLimit(),
        Timing.personalLimit(quiz.getTimeLimit(), extraTime, extraMinutes),
        quiz.getTimeLimit() == null ? 0 : extraTime,
        quiz.getTimeLimit() == null ? 0 : extraMinutes,
        quiz.getMaxAttempts() == null ? 0 : extraAttempts,
        override.map(o -> o.getClosesAt() != null).orElse(false),
        quiz.getOpensAt(),
        closesAt,
        allowed,
        used,
        quiz.getPassPercent(),
        quiz.getGradingMethod().name(),
        quiz.isRequired(),
        quiz.isOnePerPage(),
        attempts.stream().map(Quizzes::summaryOf).toList(),
        openAttempt.orElse(null),
        openAttempt.isPresent() ? null : whyNot(quiz, closesAt, allowed, used, now),
        grade.map(QuizGrade::getPercent).orElse(null),
        grade.map(QuizGrade::isPassed).orElse(false));
  }

  private static String whyNot(
      Quiz quiz, Instant closesAt, Integer allowed, int used, Instant now) {
    if (quiz.getOpensAt() != null && now.isBefore(quiz.getOpensAt())) {
      return "This quiz is not open yet.";
    }
    if (closesAt != null && !now.isBefore(closesAt)) {
      return "This quiz has closed.";
    }
    if (allowed != null && used >= allowed) {
      return "You have used all " + allowed + " of your attempts.";
    }
    return null;
  }

  // ---------------------------------------------------------------- start

  /**
   * Starts an attempt, or returns the one in progress: the questions are drawn, ordered and frozen
   * now, with their options' order, and the deadline is fixed from the time limit, the learner's
   * extra time and any override.
   *
   * @return the attempt's id
   * @throws Refusal 404 unknown quiz, 403 not on the course, 409 not open, closed or no attempts
   *     left
   */
  public long start(long personId, long quizId) {
    return begin(personId, quizId).getId();
  }

  /**
   * Like {@link #start}, and answers the attempt as {@link #attempt} would, in the same transaction
   * (the API's start: one round trip, fewer statements).
   */
  public AttemptView startAndShow(long personId, long quizId) {
    var attempt = begin(personId, quizId);
    return view(attempt, Instant.now(clock));
  }

  private QuizAttempt begin(long personId, long quizId) {
    var quiz = quiz(quizId);
    var course = course(quiz);
    // Starts by one person on one course take turns (the enrolment row is locked as it is read);
    // the unique index on open attempts is the last word.
    var enrolment = requireStudying(personId, course, quiz, LockModeType.PESSIMISTIC_WRITE);
    var all = attemptsOf(personId, quizId);
    var now = Instant.now(clock);
    var open = all.stream().filter(QuizAttempt::isInProgress).findFirst();
    if (open.isPresent()) {
      if (!isPastDeadline(open.get(), now)) {
        return open.get();
      }
      close(open.get(), quiz, now);
      all = attemptsOf(personId, quizId);
    }
    // A renewal counts only its own attempts; numbers go on from every attempt ever made.
    var attempts = ofThisCycle(all, enrolment);
    var override = override(quizId, personId);
    var closesAt = closesFor(quiz, override);
    var extraAttempts = override.map(QuizOverride::getExtraAttempts).orElse(0);
    Integer allowed = quiz.getMaxAttempts() == null ? null : quiz.getMaxAttempts() + extraAttempts;
    var refusal = whyNot(quiz, closesAt, allowed, attempts.size(), now);
    if (refusal != null) {
      throw Refusal.conflict(refusal);
    }
    var layout = draw(quiz);
    var limit =
        Timing.personalLimit(
            quiz.getTimeLimit(),
            extraTimePercent(personId),
            override.map(QuizOverride::getExtraMinutes).orElse(0));
    var attempt =
        new QuizAttempt(
            quizId,
            personId,
            all.stream().mapToInt(QuizAttempt::getNumber).max().orElse(0) + 1,
            now,
            Timing.deadline(now, limit, closesAt),
            layout.size(),
            layout.maxScore(),
            layout.toJson());
    em.persist(attempt);
    em.flush();
    return attempt;
  }

  private Layout draw(Quiz quiz) {
    List<Long> chosen = new ArrayList<>();
    var used = new HashSet<Long>();
    for (var slot : quiz.getSlots()) {
      if (slot.getQuestionId() != null) {
        if (used.add(slot.getQuestionId())) {
          chosen.add(slot.getQuestionId());
        }
        continue;
      }
      var pool =
          new ArrayList<>(
              em.createQuery(
                      "select q.id from BankQuestion q where q.categoryId = :category order by q.id",
                      Long.class)
                  .setParameter("category", slot.getCategoryId())
                  .getResultList());
      pool.removeAll(used);
      Collections.shuffle(pool, random);
      pool.stream()
          .limit(slot.getDrawCount())
          .forEach(
              id -> {
                used.add(id);
                chosen.add(id);
              });
    }
    if (chosen.isEmpty()) {
      throw Refusal.conflict("This quiz has no questions yet.");
    }
    Map<Long, BankQuestion> questions =
        em.createQuery("select q from BankQuestion q where q.id in :ids", BankQuestion.class)
            .setParameter("ids", chosen)
            .getResultStream()
            .collect(Collectors.toMap(BankQuestion::getId, Function.identity()));
    if (quiz.isShuffleQuestions()) {
      Collections.shuffle(chosen, random);
    }
    return new Layout(
        chosen.stream()
            .map(questions::get)
            .map(
                q ->
                    FrozenQuestion.freeze(
                        q.getId(),
                        q.getType(),
                        q.getPrompt(),
                        q.getFeedback(),
                        q.getPoints(),
                        q.getDefinition(),
                        quiz.isShuffleOptions(),
                        random))
            .toList());
  }

  // ---------------------------------------------------------------- the attempt

  /**
   * An attempt for its learner. An attempt past its deadline is submitted as it stands first, and
   * then comes back ended.
   *
   * @throws Refusal 404 when there is no such attempt of this person
   */
  public AttemptView attempt(long personId, long attemptId) {
    var attempt = ownAttempt(personId, attemptId, true);
    var now = Instant.now(clock);
    if (attempt.isInProgress() && isPastDeadline(attempt, now)) {
      close(attempt, em.find(Quiz.class, attempt.getQuizId()), now);
    }
    return view(attempt, now);
  }

  private AttemptView view(QuizAttempt attempt, Instant now) {
    var quiz = em.find(Quiz.class, attempt.getQuizId());
    var course = em.find(Course.class, quiz.getCourseId());
    var layout = Layout.fromJson(attempt.getLayout());
    var responses = responses(attempt.getId());
    var questions = new ArrayList<QuestionView>();
    for (int slot = 1; slot <= layout.size(); slot++) {
      var q = layout.slot(slot);
      var response = responses.get(slot);
      questions.add(
          new QuestionView(
              slot,
              q.type(),
              q.prompt(),
              q.points(),
              q.options(),
              q.matchAnswers(),
              q.unit(),
              response == null ? Answer.EMPTY : AnswerJson.read(response.getAnswer()),
              response == null ? null : response.getSavedAt()));
    }
    return new AttemptView(
        attempt.getId(),
        quiz.getId(),
        quiz.getTitle(),
        course.getCode(),
        course.getTitle(),
        attempt.getNumber(),
        attempt.isInProgress(),
        attempt.getDeadline(),
        now,
        attempt.getSequence(),
        quiz.isOnePerPage(),
        questions);
  }

  /**
   * Saves responses, stamped with the time the server received them. A save from a page older than
   * the last accepted save is refused; a save after the deadline and its grace period is not
   * counted, and ends the attempt as it stood. The last save sent again (its answer was lost: a
   * member died after the commit, a network blip, a client's automatic retry) is answered as
   * accepted with the current sequence and changes nothing.
   *
   * @param sequence the sequence number the page was rendered with
   * @param answers by slot (from 1); slots not given keep their saved answers
   * @throws Refusal 404 no such attempt of this person or slot, 409 out-of-date page
   */
  public SaveResult save(
      long personId, long attemptId, int sequence, Map<Integer, Answer> answers) {
    var attempt = ownAttempt(personId, attemptId, true);
    var now = Instant.now(clock);
    if (!attempt.isInProgress()) {
      return new SaveResult(false, attempt.getSequence(), null);
    }
    if (attempt.isOverdue(now, grace())) {
      close(attempt, em.find(Quiz.class, attempt.getQuizId()), now);
      return new SaveResult(false, attempt.getSequence(), null);
    }
    if (sequence == attempt.getSequence() - 1) {
      var repeated = repeatedSave(attempt, answers);
      if (repeated != null) {
        return new SaveResult(true, attempt.getSequence(), repeated);
      }
    }
    requireCurrent(attempt, sequence);
    store(attempt, answers, now);
    return new SaveResult(true, attempt.advance(), now);
  }

  /**
   * When every answer of a save one sequence behind is already stored as it is (the same save sent
   * again), the latest time those answers were saved; otherwise null.
   */
  private Instant repeatedSave(QuizAttempt attempt, Map<Integer, Answer> answers) {
    if (answers.isEmpty()) {
      return null;
    }
    var stored = responses(attempt.getId());
    Instant latest = null;
    for (var entry : answers.entrySet()) {
      var response = stored.get(entry.getKey());
      if (response == null || !response.getAnswer().equals(AnswerJson.write(entry.getValue()))) {
        return null;
      }
      latest =
          latest == null || response.getSavedAt().isAfter(latest) ? response.getSavedAt() : latest;
    }
    return latest;
  }

  /**
   * Submits an attempt and grades it, with the page's last answers if they come in time. Submitting
   * an attempt that has already been submitted returns the same result, whatever the sequence.
   *
   * @throws Refusal 404 no such attempt of this person, 409 out-of-date page
   */
  public AttemptResult submit(
      long personId, long attemptId, int sequence, Map<Integer, Answer> lastAnswers) {
    return submit(personId, attemptId, sequence, lastAnswers, false);
  }

  /**
   * Like {@link #submit(long, long, int, Map)}; {@code timeUp} when the page's countdown reached
   * the deadline, so that the attempt reads "submitted when the time ran out" if the server agrees
   * that it had (a few seconds of clock drift allowed).
   */
  public AttemptResult submit(
      long personId,
      long attemptId,
      int sequence,
      Map<Integer, Answer> lastAnswers,
      boolean timeUp) {
    var attempt = ownAttempt(personId, attemptId, true);
    if (!attempt.isInProgress()) {
      return result(attempt);
    }
    var now = Instant.now(clock);
    var quiz = em.find(Quiz.class, attempt.getQuizId());
    if (attempt.isOverdue(now, grace())) {
      close(attempt, quiz, now);
      return result(attempt);
    }
    requireCurrent(attempt, sequence);
    if (!lastAnswers.isEmpty()) {
      store(attempt, lastAnswers, now);
    }
    var byTimer =
        timeUp
            && attempt.getDeadline() != null
            && !now.isBefore(attempt.getDeadline().minusSeconds(5));
    grade(attempt, quiz, now, byTimer ? SubmittedBy.TIMER : SubmittedBy.LEARNER);
    // The result as the database holds it, so that every later submit returns exactly this.
    em.refresh(attempt);
    return result(attempt);
  }

  /**
   * Ends an attempt whose time is up, as it stands, in its own transaction (called by the clock and
   * by pages that find an overdue attempt).
   *
   * @return whether this call ended it
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean closeIfOverdue(long attemptId) {
    var attempt = em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
    var now = Instant.now(clock);
    if (attempt == null || !attempt.isInProgress() || !isPastDeadline(attempt, now)) {
      return false;
    }
    close(attempt, em.find(Quiz.class, attempt.getQuizId()), now);
    return true;
  }

  /** Attempts in progress whose deadline and grace have passed, oldest deadline first. */
  public List<Long> overdueAttempts(int max) {
    return em.createQuery(
            "select a.id from QuizAttempt a where a.open = true and a.deadline < :cutoff"
                + " order by a.deadline",
            Long.class)
        .setParameter("cutoff", Instant.now(clock).minus(grace()))
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * A submitted attempt as its learner may see it now.
   *
   * @throws Refusal 404 no such attempt of this person, 409 still in progress
   */
  public Review review(long personId, long attemptId) {
    var attempt = ownAttempt(personId, attemptId, true);
    if (attempt.isInProgress()) {
      var now = Instant.now(clock);
      if (!isPastDeadline(attempt, now)) {
        throw Refusal.conflict("This attempt is still in progress: submit it to see your result.");
      }
      close(attempt, em.find(Quiz.class, attempt.getQuizId()), now);
    }
    var quiz = em.find(Quiz.class, attempt.getQuizId());
    var course = em.find(Course.class, quiz.getCourseId());
    var closesAt = closesFor(quiz, override(quiz.getId(), personId));
    var now = Instant.now(clock);
    var shown =
        closesAt != null && !now.isBefore(closesAt)
            ? quiz.getReviewAfterClose()
            : quiz.getReviewAfterSubmit();
    var layout = Layout.fromJson(attempt.getLayout());
    var responses = responses(attempt.getId());
    var questions = new ArrayList<Review.ReviewQuestion>();
    for (int slot = 1; slot <= layout.size(); slot++) {
      var q = layout.slot(slot);
      var response = responses.get(slot);
      var answer = response == null ? Answer.EMPTY : AnswerJson.read(response.getAnswer());
      var fraction =
          response == null || response.getFraction() == null
              ? BigDecimal.ZERO
              : response.getFraction();
      var withResponses = shown.contains(ReviewOption.RESPONSES);
      questions.add(
          new Review.ReviewQuestion(
              slot,
              q.prompt(),
              q.points(),
              withResponses
                  ? q.points().multiply(fraction).setScale(2, java.math.RoundingMode.HALF_UP)
                  : null,
              withResponses ? q.responseText(answer) : null,
              withResponses ? fraction.compareTo(BigDecimal.ONE) == 0 : null,
              shown.contains(ReviewOption.CORRECT) ? q.rightAnswerText() : null,
              shown.contains(ReviewOption.FEEDBACK) ? q.feedbackFor(answer) : List.of()));
    }
    return new Review(
        result(attempt),
        quiz.getId(),
        quiz.getTitle(),
        course.getCode(),
        course.getTitle(),
        quiz.getPassPercent(),
        shown.isEmpty() ? EnumSet.noneOf(ReviewOption.class) : EnumSet.copyOf(shown),
        shown.isEmpty() ? List.of() : questions);
  }

  // ---------------------------------------------------------------- accommodations

  /**
   * Whether this person may set accommodations on a course's quizzes: managers and admins on any
   * course, trainers on the courses they own or co-own.
   */
  public boolean mayAccommodate(Staff staff, String courseCode) {
    return staff.admin()
        || staff.manager()
        || (staff.trainer() && authoring.mayEdit(staff, courseCode));
  }

  /**
   * Sets, in one transaction, what one person gets on one quiz beyond its settings (replacing an
   * earlier override) and, when {@code extraTimePercent} is given, their standing extra time on
   * every timed quiz (see {@link People#setExtraTime}).
   *
   * @throws Refusal 404 unknown quiz or person; 403 someone who may not; 409 values out of range
   */
  public void accommodate(
      Staff staff,
      long quizId,
      long personId,
      Integer extraTimePercent,
      int extraAttempts,
      Instant closesAt,
      int extraMinutes) {
    var quiz = quiz(quizId);
    if (!mayAccommodate(staff, course(quiz).getCode())) {
      throw Refusal.forbidden("Only the course's owners, managers and admins set accommodations.");
    }
    if (em.find(Person.class, personId) == null) {
      throw Refusal.notFound("There is no such person.");
    }
    if (extraAttempts < 0 || extraAttempts > 20 || extraMinutes < 0 || extraMinutes > 1440) {
      throw Refusal.conflict("Extra attempts are 0 to 20 and extra minutes 0 to 1440.");
    }
    if (extraTimePercent != null) {
      if (!(staff.admin() || staff.manager())) {
        throw Refusal.forbidden("Only managers and admins set a person's extra time.");
      }
      people.setExtraTime(staff.personId(), staff.admin(), personId, extraTimePercent);
    }
    var existing = override(quizId, personId);
    var before = existing.map(Quizzes::overrideJson).orElse(null);
    var override = existing.orElseGet(() -> new QuizOverride(quizId, personId));
    override.set(extraAttempts, closesAt, extraMinutes, staff.personId(), Instant.now(clock));
    if (existing.isEmpty()) {
      em.persist(override);
    }
    audit.record(
        org.upskill.audit.boundary.AuditLog.Actor.person(staff.personId()),
        "quiz.override",
        personId,
        "quiz",
        quizId,
        before,
        overrideJson(override));
  }

  private static jakarta.json.JsonObject overrideJson(QuizOverride o) {
    var json =
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("extraAttempts", o.getExtraAttempts())
            .add("extraMinutes", o.getExtraMinutes());
    if (o.getClosesAt() == null) {
      json.addNull("closesAt");
    } else {
      json.add("closesAt", o.getClosesAt().toString());
    }
    return json.build();
  }

  /** A quiz's overrides, with each person's standing extra-time percentage. */
  public List<OverrideView> overrides(long quizId) {
    quiz(quizId);
    return em
        .createQuery(
            "select o, p from QuizOverride o, Person p where p.id = o.personId and o.quizId = :quiz"
                + " order by p.displayName",
            Object[].class)
        .setParameter("quiz", quizId)
        .getResultList()
        .stream()
        .map(
            row -> {
              var o = (QuizOverride) row[0];
              var p = (Person) row[1];
              return new OverrideView(
                  p.getId(),
                  p.getDisplayName(),
                  p.getUsername(),
                  o.getExtraAttempts(),
                  o.getClosesAt(),
                  o.getExtraMinutes(),
                  p.getExtraTimePercent(),
                  o.getSetAt());
            })
        .toList();
  }

  /** The quiz's title and course, for pages about it; 404 when unknown. */
  public QuizSummary summary(long quizId) {
    var quiz = quiz(quizId);
    return new QuizSummary(
        quiz.getId(),
        quiz.getTitle(),
        quiz.getModuleId(),
        quiz.isRequired(),
        questionCount(quiz),
        "",
        null,
        false);
  }

  /** The code of the course a quiz belongs to; 404 when unknown. */
  public String courseCodeOf(long quizId) {
    return course(quiz(quizId)).getCode();
  }

  // ---------------------------------------------------------------- internals

  private void store(QuizAttempt attempt, Map<Integer, Answer> answers, Instant now) {
    if (answers.isEmpty()) {
      return;
    }
    for (var slot : answers.keySet()) {
      if (slot == null || slot < 1 || slot > attempt.getSlotCount()) {
        throw Refusal.notFound("This attempt has no question " + slot + ".");
      }
    }
    var existing = responses(attempt.getId());
    answers.forEach(
        (slot, answer) -> {
          var json = AnswerJson.write(answer);
          var response = existing.get(slot);
          if (response == null) {
            em.persist(new AttemptResponse(attempt.getId(), slot, json, now));
          } else {
            response.replace(json, now); // an unchanged answer is not written again
          }
        });
  }

  /** Locks an attempt read without a lock and ends it if it is still open. */
  private void closeLocked(QuizAttempt attempt, Instant now) {
    em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
    if (attempt.isInProgress()) {
      close(attempt, em.find(Quiz.class, attempt.getQuizId()), now);
    }
  }

  /** Ends an attempt as it stands because its time is up. */
  private void close(QuizAttempt attempt, Quiz quiz, Instant now) {
    grade(attempt, quiz, now, SubmittedBy.TIMER);
  }

  private void grade(QuizAttempt attempt, Quiz quiz, Instant now, SubmittedBy by) {
    var layout = Layout.fromJson(attempt.getLayout());
    var responses = responses(attempt.getId());
    var score = BigDecimal.ZERO;
    for (int slot = 1; slot <= layout.size(); slot++) {
      var question = layout.slot(slot);
      var response = responses.get(slot);
      Mark mark;
      if (response == null) {
        mark = Mark.UNANSWERED;
        response = new AttemptResponse(attempt.getId(), slot, AnswerJson.write(Answer.EMPTY), now);
        em.persist(response);
      } else {
        mark = question.grade(AnswerJson.read(response.getAnswer()));
      }
      response.mark(mark.fraction(), mark.answered());
      score = score.add(question.points().multiply(mark.fraction()));
    }
    attempt.submit(now, by, score, quiz.getPassPercent());
    em.flush();
    updateGrade(quiz, attempt.getPersonId(), now);
  }

  private void updateGrade(Quiz quiz, long personId, Instant now) {
    var percents =
        em.createQuery(
                "select a.percent from QuizAttempt a where a.quizId = :quiz and a.personId = :person"
                    + " and a.state = org.upskill.assessment.entity.AttemptState.SUBMITTED"
                    // a renewal's grade comes from the attempts of the renewal only
                    + " and a.startedAt >= coalesce((select max(e.requestedAt) from Enrolment e"
                    + " where e.personId = :person and e.courseId = :course and e.renews = true),"
                    + " :beginning)"
                    + " order by a.number",
                BigDecimal.class)
            .setParameter("quiz", quiz.getId())
            .setParameter("person", personId)
            .setParameter("course", quiz.getCourseId())
            .setParameter("beginning", Instant.EPOCH)
            .getResultList();
    var percent = Grades.grade(quiz.getGradingMethod(), percents);
    var passed = percent.compareTo(quiz.getPassPercent()) >= 0;
    var existing = grade(quiz.getId(), personId);
    var grade = existing.orElseGet(() -> new QuizGrade(quiz.getId(), personId));
    grade.update(percents.size(), percent, passed, now);
    if (existing.isEmpty()) {
      em.persist(grade);
    }
    em.flush();
    if (passed && quiz.isRequired()) {
      learning.completeIfDone(personId, quiz.getCourseId());
    }
  }

  private static void requireCurrent(QuizAttempt attempt, int sequence) {
    if (sequence != attempt.getSequence()) {
      throw Refusal.conflict(
          "This page is out of date: your answers were saved from another page or tab after it"
              + " opened. Nothing you saved is lost. Reload the attempt to carry on from your"
              + " latest answers.");
    }
  }

  private boolean isPastDeadline(QuizAttempt attempt, Instant now) {
    return attempt.getDeadline() != null && !now.isBefore(attempt.getDeadline());
  }

  private Duration grace() {
    return Duration.ofSeconds(Math.max(0, graceSeconds));
  }

  private QuizAttempt ownAttempt(long personId, long attemptId, boolean lock) {
    var attempt =
        lock
            ? em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE)
            : em.find(QuizAttempt.class, attemptId);
    // Someone else's attempt is answered exactly like one that does not exist.
    if (attempt == null || attempt.getPersonId() != personId) {
      throw Refusal.notFound(NO_SUCH_ATTEMPT);
    }
    return attempt;
  }

  private AttemptResult result(QuizAttempt attempt) {
    return new AttemptResult(
        attempt.getId(),
        attempt.getQuizId(),
        attempt.getNumber(),
        attempt.getScore(),
        attempt.getMaxScore(),
        attempt.getPercent(),
        Boolean.TRUE.equals(attempt.getPassed()),
        attempt.getSubmittedAt(),
        attempt.getSubmittedBy() == SubmittedBy.TIMER,
        attempt.getSequence());
  }

  private static AttemptSummary summaryOf(QuizAttempt a) {
    return new AttemptSummary(
        a.getId(),
        a.getNumber(),
        a.isInProgress(),
        a.getStartedAt(),
        a.getSubmittedAt(),
        a.getSubmittedBy() == SubmittedBy.TIMER,
        a.getPercent(),
        a.getPassed());
  }

  private Map<Integer, AttemptResponse> responses(long attemptId) {
    Map<Integer, AttemptResponse> map = new LinkedHashMap<>();
    em.createQuery(
            "select r from AttemptResponse r where r.attemptId = :attempt", AttemptResponse.class)
        .setParameter("attempt", attemptId)
        .getResultList()
        .forEach(r -> map.put(r.getSlot(), r));
    return map;
  }

  /** The attempts of the enrolment's cycle: all of them, or a renewal's own. */
  private static List<QuizAttempt> ofThisCycle(List<QuizAttempt> attempts, Enrolment enrolment) {
    if (!enrolment.isRenewal()) {
      return attempts;
    }
    return attempts.stream()
        .filter(a -> !a.getStartedAt().isBefore(enrolment.getRequestedAt()))
        .toList();
  }

  private List<QuizAttempt> attemptsOf(long personId, long quizId) {
    return em.createQuery(
            "select a from QuizAttempt a where a.personId = :person and a.quizId = :quiz"
                + " order by a.number",
            QuizAttempt.class)
        .setParameter("person", personId)
        .setParameter("quiz", quizId)
        .getResultList();
  }

  private int extraTimePercent(long personId) {
    return em.createQuery("select p.extraTimePercent from Person p where p.id = :id", Integer.class)
        .setParameter("id", personId)
        .getSingleResult();
  }

  private Optional<QuizOverride> override(long quizId, long personId) {
    return em.createQuery(
            "select o from QuizOverride o where o.quizId = :quiz and o.personId = :person",
            QuizOverride.class)
        .setParameter("quiz", quizId)
        .setParameter("person", personId)
        .getResultStream()
        .findFirst();
  }

  private Optional<QuizGrade> grade(long quizId, long personId) {
    return em.createQuery(
            "select g from QuizGrade g where g.quizId = :quiz and g.personId = :person",
            QuizGrade.class)
        .setParameter("quiz", quizId)
        .setParameter("person", personId)
        .getResultStream()
        .findFirst();
  }

  private static Instant closesFor(Quiz quiz, Optional<QuizOverride> override) {
    var later = override.map(QuizOverride::getClosesAt).orElse(null);
    if (later == null) {
      return quiz.getClosesAt();
    }
    return quiz.getClosesAt() == null || later.isAfter(quiz.getClosesAt())
        ? later
        : quiz.getClosesAt();
  }

  private static int questionCount(Quiz quiz) {
    return quiz.getSlots().stream().mapToInt(s -> s.getDrawCount()).sum();
  }

  private Quiz quiz(long quizId) {
    var quiz = em.find(Quiz.class, quizId);
    if (quiz == null) {
      throw Refusal.notFound("There is no such quiz.");
    }
    return quiz;
  }

  private Course course(Quiz quiz) {
    var course = em.find(Course.class, quiz.getCourseId());
    if (course == null || !course.isPublished()) {
      throw Refusal.notFound("There is no such quiz.");
    }
    return course;
  }

  /**
   * The enrolment that lets the person take this quiz: they study the course, on the version the
   * quiz belongs to.
   */
  private Enrolment requireStudying(long personId, Course course, Quiz quiz, LockModeType lock) {
    var enrolment =
        em.createNamedQuery(Enrolment.STUDYING, Enrolment.class)
            .setParameter("person", personId)
            .setParameter("course", course.getId())
            .setLockMode(lock)
            .setMaxResults(1)
            .getResultStream()
            .findFirst()
            .orElseThrow(
                () -> Refusal.forbidden("Enrol on " + course.getTitle() + " to take its quizzes."));
    if (enrolment.getCourseVersion() != quiz.getCourseVersion()) {
      throw Refusal.notFound(
          "This quiz is not part of version "
              + enrolment.getCourseVersion()
              + " of "
              + course.getTitle()
              + ", the version you are studying.");
    }
    return enrolment;
  }
}

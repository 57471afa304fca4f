package org.upskill.assessment.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.upskill.assessment.control.ItemAnalysis;
import org.upskill.assessment.control.Layout;
import org.upskill.assessment.entity.AttemptState;
import org.upskill.assessment.entity.Quiz;
import org.upskill.assessment.entity.QuizAttempt;
import org.upskill.catalog.boundary.CourseAccess;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.boundary.Staff;

/**
 * Item analysis of a quiz for its course's owners: per question, how many submitted attempts had
 * it, its facility index and its discrimination index ({@link ItemAnalysis}).
 */
@Stateless
public class QuizStatistics {

  /** One question's figures; {@code discrimination} is {@code null} without enough variation. */
  public record ItemLine(
      long questionId,
      String type,
      String prompt,
      int attempts,
      BigDecimal facility,
      BigDecimal discrimination) {}

  /** The quiz's figures. */
  public record Report(long quizId, String title, int attempts, List<ItemLine> items) {}

  @PersistenceContext EntityManager em;

  /**
   * Item analysis over every submitted attempt of the quiz.
   *
   * @throws Refusal 404 unknown course or quiz, 403 not an owner or admin
   */
  public Report of(Staff author, String code, long quizId) {
    var course = CourseAccess.editable(em, author, code);
    var quiz = em.find(Quiz.class, quizId);
    if (quiz == null || quiz.getCourseId() != course.getId()) {
      throw Refusal.notFound(code + " has no such quiz.");
    }
    var attempts =
        em.createQuery(
                "select a from QuizAttempt a where a.quizId = :quiz and a.state = :submitted",
                QuizAttempt.class)
            .setParameter("quiz", quizId)
            .setParameter("submitted", AttemptState.SUBMITTED)
            .getResultList();
    Map<Long, Map<Integer, BigDecimal>> fractions = new HashMap<>();
    if (!attempts.isEmpty()) {
      em.createQuery(
              "select r.attemptId, r.slot, r.fraction from AttemptResponse r"
                  + " where r.attemptId in :attempts",
              Object[].class)
          .setParameter("attempts", attempts.stream().map(QuizAttempt::getId).toList())
          .getResultList()
          .forEach(
              r -> {
                if (r[2] != null) {
                  fractions
                      .computeIfAbsent((Long) r[0], k -> new HashMap<>())
                      .put((Integer) r[1], (BigDecimal) r[2]);
                }
              });
    }
    Map<Long, String[]> questions = new LinkedHashMap<>();
    var marks = new ArrayList<ItemAnalysis.AttemptMarks>();
    for (var attempt : attempts) {
      var layout = Layout.fromJson(attempt.getLayout());
      var items = new LinkedHashMap<Long, ItemAnalysis.Item>();
      var given = fractions.getOrDefault(attempt.getId(), Map.of());
      for (int slot = 1; slot <= layout.size(); slot++) {
        var question = layout.slot(slot);
        questions.putIfAbsent(
            question.questionId(), new String[] {question.type(), question.prompt()});
        items.put(
            question.questionId(),
            new ItemAnalysis.Item(given.getOrDefault(slot, BigDecimal.ZERO), question.points()));
      }
      marks.add(new ItemAnalysis.AttemptMarks(items));
    }
    var lines =
        ItemAnalysis.of(marks).stream()
            .map(
                s ->
                    new ItemLine(
                        s.questionId(),
                        questions.get(s.questionId())[0],
                        questions.get(s.questionId())[1],
                        s.attempts(),
                        s.facility(),
                        s.discrimination()))
            .toList();
    return new Report(quizId, quiz.getTitle(), attempts.size(), lines);
  }
}

package org.upskill.integration.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.upskill.certification.control.Validity;
import org.upskill.certification.entity.Certificate;
import org.upskill.enrolment.entity.Enrolment;
import org.upskill.learning.entity.CourseCompletion;
import org.upskill.people.boundary.People;
import org.upskill.platform.boundary.Refusal;

/**
 * A person's learning record for HR systems: who they are (ids only), their enrolments, every
 * completion with the version completed, and their certificates with their standing today.
 */
@Stateless
public class Transcripts {

  /** The whole record. */
  public record Transcript(
      long personId,
      String staffNumber,
      String email,
      String organisation,
      List<EnrolmentLine> enrolments,
      List<CompletionLine> completions,
      List<CertificateLine> certificates) {}

  /** An enrolment (every cycle). */
  public record EnrolmentLine(
      long id,
      String courseCode,
      int courseVersion,
      String state,
      LocalDate dueDate,
      Instant requestedAt,
      Instant enrolledAt,
      Instant endedAt) {}

  /** A completion. */
  public record CompletionLine(
      long id,
      String courseCode,
      int courseVersion,
      BigDecimal scorePercent,
      Instant completedAt) {}

  /** A certificate and its standing today. */
  public record CertificateLine(
      long id,
      String verificationCode,
      String courseCode,
      int courseVersion,
      Instant issuedAt,
      Instant expiresAt,
      String status,
      boolean superseded) {}

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject People people;

  /**
   * The transcript of a person named by Upskill id, staff number or email.
   *
   * @throws Refusal 404 when there is nobody by that id
   */
  public Transcript of(String id) {
    var person =
        people.byAnyId(id).orElseThrow(() -> Refusal.notFound("There is no person " + id + "."));
    var personId = person.id();
    var enrolments =
        em
            .createQuery(
                "select e, c.code from Enrolment e, Course c where c.id = e.courseId"
                    + " and e.personId = :person order by e.id",
                Object[].class)
            .setParameter("person", personId)
            .getResultList()
            .stream()
            .map(
                r -> {
                  var e = (Enrolment) r[0];
                  return new EnrolmentLine(
                      e.getId(),
                      (String) r[1],
                      e.getCourseVersion(),
                      e.getState().name().toLowerCase(Locale.ROOT),
                      e.getDueDate(),
                      e.getRequestedAt(),
                      e.getEnrolledAt(),
                      e.getEndedAt());
                })
            .toList();
    var completions =
        em
            .createQuery(
                "select cc, c.code from CourseCompletion cc, Course c where c.id = cc.courseId"
                    + " and cc.personId = :person order by cc.id",
                Object[].class)
            .setParameter("person", personId)
            .getResultList()
            .stream()
            .map(
                r -> {
                  var cc = (CourseCompletion) r[0];
                  return new CompletionLine(
                      cc.getId(),
                      (String) r[1],
                      cc.getCourseVersion(),
                      cc.getScorePercent(),
                      cc.getCompletedAt());
                })
            .toList();
    var now = Instant.now();
    var certificates =
        em
            .createQuery(
                "select c from Certificate c where c.personId = :person order by c.id",
                Certificate.class)
            .setParameter("person", personId)
            .getResultList()
            .stream()
            .map(
                c ->
                    new CertificateLine(
                        c.getId(),
                        c.getCode(),
                        c.getCourseCode(),
                        c.getCourseVersion(),
                        c.getIssuedAt(),
                        c.getExpiresAt(),
                        Validity.status(c, now).name().toLowerCase(Locale.ROOT),
                        c.getState()
                            == org.upskill.certification.entity.CertificateState.SUPERSEDED))
            .toList();
    return new Transcript(
        personId,
        person.staffNumber(),
        person.email(),
        person.organisation(),
        enrolments,
        completions,
        certificates);
  }
}

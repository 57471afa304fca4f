package org.upskill.certification.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.upskill.catalog.entity.Course;
import org.upskill.certification.control.CertificatePdf;
import org.upskill.certification.control.OpenBadge;
import org.upskill.certification.control.Validity;
import org.upskill.certification.control.VerificationCode;
import org.upskill.certification.entity.Certificate;
import org.upskill.certification.entity.CertificateState;
import org.upskill.learning.boundary.CourseCompleted;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.Outbox;
import org.upskill.platform.boundary.Refusal;
import org.upskill.platform.control.Jsonp;

/**
 * Certificates: issued with every course completion (in its transaction), downloaded by their
 * holder as PDF and as a signed Open Badges 3.0 credential, verified by anyone with the code,
 * expired by the clock, superseded by a renewal and revoked by an admin. Each change is an outbox
 * event.
 */
@Stateless
public class Certificates {

  /** The issuer's name on certificates and credentials. */
  public static final String ISSUER = "Upskill";

  /** A certificate in its holder's list. */
  public record Held(
      long id,
      String code,
      String courseCode,
      String courseTitle,
      int courseVersion,
      LocalDate issuedOn,
      LocalDate validUntil,
      String state,
      Long daysLeft,
      boolean renewable) {}

  /**
   * What anyone learns by verifying a code: the status, the holder's name, the course, the dates —
   * and nothing more personal.
   *
   * @param status valid, expired, revoked or unknown
   */
  public record Verification(
      String status,
      String code,
      String holderName,
      String courseTitle,
      int courseVersion,
      LocalDate issuedOn,
      LocalDate validUntil,
      LocalDate revokedOn,
      boolean superseded,
      boolean holderWithheld) {
    static Verification unknown() {
      return new Verification("unknown", null, null, null, 0, null, null, null, false, false);
    }
  }

  /** What a check of a signed credential found. */
  public record CredentialCheck(
      boolean signatureValid,
      boolean withinDates,
      String status,
      String code,
      Instant validFrom,
      Instant validUntil,
      String problem) {
    public boolean valid() {
      return signatureValid && withinDates && "valid".equals(status);
    }
  }

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject org.upskill.audit.boundary.AuditLog audit;
  @Inject Outbox outbox;
  @Inject jakarta.enterprise.event.Event<CertificateRevoked> revoked;
  @Inject jakarta.enterprise.event.Event<CertificateExpired> expired;
  @Inject IssuerKeys keys;
  @Inject CompletionFeed feed;

  Clock clock = Clock.systemUTC();

  // ------------------------------------------------------------------------------------ issuing

  /**
   * Issues the certificate of a completion, in the completion's transaction: a failure here undoes
   * the completion, so no completion is ever without its certificate. A renewal supersedes the
   * holder's earlier certificate of the course.
   */
  public void issue(@Observes CourseCompleted completed) {
    var course = em.find(Course.class, completed.courseId());
    var person = em.find(Person.class, completed.personId());
    var earlier =
        em.createQuery(
                "select c from Certificate c where c.personId = :person and c.courseId = :course"
                    + " and c.state in (org.upskill.certification.entity.CertificateState.VALID,"
                    + " org.upskill.certification.entity.CertificateState.EXPIRED)",
                Certificate.class)
            .setParameter("person", person.getId())
            .setParameter("course", course.getId())
            .getResultList();
    var certificate =
        new Certificate(
            uniqueCode(),
            UUID.randomUUID().toString(),
            person.getId(),
            course.getId(),
            completed.completionId(),
            completed.courseVersion(),
            person.getDisplayName(),
            course.getCode(),
            course.getTitle(),
            completed.completedAt(),
            Validity.expiry(completed.completedAt(), course.getRenewalMonths()));
    em.persist(certificate);
    em.flush();
    record("certificate.issued", certificate, person, completed.completedAt());
    for (var old : earlier) {
      old.supersede(certificate.getId(), completed.completedAt());
    }
    feed.append(
        List.of(
            entry(
                earlier.isEmpty() ? CompletionFeed.Type.COMPLETED : CompletionFeed.Type.RENEWED,
                certificate,
                completed.completedAt())));
    if (!earlier.isEmpty()) {
      var payload =
          payload(certificate, person)
              .add(
                  "supersedes",
                  Jsonp.arrayBuilder(earlier.stream().map(Certificate::getCode).toList()));
      outbox.record(
          "certificate.renewed",
          "certificate",
          String.valueOf(certificate.getId()),
          payload.build(),
          completed.completedAt());
    }
  }

  private String uniqueCode() {
    for (int tries = 0; tries < 5; tries++) {
      var code = VerificationCode.generate();
      if (byCode(code).isEmpty()) {
        return code;
      }
    }
    throw new IllegalStateException("No free verification code after 5 tries");
  }

  // ------------------------------------------------------------------------------------ the holder

  /** The person's certificates, newest first, with their standing today. */
  public List<Held> of(long personId) {
    var now = Instant.now(clock);
    return em
        .createQuery(
            "select c from Certificate c where c.personId = :person order by c.issuedAt desc,"
                + " c.id desc",
            Certificate.class)
        .setParameter("person", personId)
        .getResultList()
        .stream()
        .map(c -> held(c, now))
        .toList();
  }

  private static Held held(Certificate c, Instant now) {
    var status = Validity.status(c, now);
    var state =
        c.getState() == CertificateState.SUPERSEDED
            ? "renewed"
            : status.name().toLowerCase(java.util.Locale.ROOT);
    var daysLeft = Validity.daysLeft(c.getExpiresAt(), now);
    return new Held(
        c.getId(),
        c.getCode(),
        c.getCourseCode(),
        c.getCourseTitle(),
        c.getCourseVersion(),
        LocalDate.ofInstant(c.getIssuedAt(), Validity.UK),
        Validity.validUntil(c.getExpiresAt()),
        state,
        daysLeft,
        // renewal opens 90 days before expiry, and stays open once expired
        !"revoked".equals(state) && !"renewed".equals(state) && daysLeft != null && daysLeft <= 90);
  }

  /**
   * The certificate's PDF for its holder.
   *
   * @param baseUrl the site's address, for the verification link and QR code
   * @throws Refusal 404 when it is not theirs (or does not exist)
   */
  public byte[] pdf(long personId, long certificateId, String baseUrl) {
    var c = own(personId, certificateId);
    return CertificatePdf.render(
        new CertificatePdf.Content(
            c.getHolderName(),
            c.getCourseTitle(),
            c.getCourseVersion(),
            LocalDate.ofInstant(c.getIssuedAt(), Validity.UK),
            Validity.validUntil(c.getExpiresAt()),
            ISSUER,
            c.getCode(),
            verifyUrl(baseUrl, c.getCode())));
  }

  /**
   * The certificate as an Open Badges 3.0 credential, signed as a VC-JWT, for its holder.
   *
   * @throws Refusal 404 when it is not theirs, 409 when it is revoked
   */
  public String credential(long personId, long certificateId, String baseUrl) {
    var c = own(personId, certificateId);
    if (c.getState() == CertificateState.REVOKED) {
      throw Refusal.conflict("This certificate has been revoked: there is no credential for it.");
    }
    var course = em.find(Course.class, c.getCourseId());
    return OpenBadge.sign(
        new OpenBadge.Claims(
            "urn:uuid:" + c.getCredentialId(),
            baseUrl + "/api/v1/issuer",
            ISSUER,
            baseUrl + "/",
            c.getHolderName(),
            baseUrl + "/courses/" + c.getCourseCode() + "#version-" + c.getCourseVersion(),
            c.getCourseTitle(),
            course.getSummary(),
            "Completed every required lesson and quiz of version "
                + c.getCourseVersion()
                + " of the course "
                + c.getCourseTitle()
                + " on Upskill. Verify at "
                + verifyUrl(baseUrl, c.getCode()),
            c.getIssuedAt(),
            c.getExpiresAt()),
        keys.signingKey());
  }

  /** A file name for downloads: course code and verification code. */
  public String fileName(long personId, long certificateId) {
    var c = own(personId, certificateId);
    return "certificate-" + c.getCourseCode() + "-" + c.getCode();
  }

  private Certificate own(long personId, long certificateId) {
    var c = em.find(Certificate.class, certificateId);
    if (c == null || c.getPersonId() != personId) {
      throw Refusal.notFound("There is no such certificate.");
    }
    return c;
  }

  private String verifyUrl(String baseUrl, String code) {
    return VerificationCode.pageUrl(baseUrl, code);
  }

  // ------------------------------------------------------------------------------------ verifying

  /**
   * What a code says, for anyone. The caller limits how many unknown codes one client may try.
   *
   * @param typed the code as typed or scanned (case, spaces and hyphens do not matter)
   */
  public Verification verify(String typed) {
    var code = VerificationCode.normalise(typed);
    if (code.isEmpty()) {
      return Verification.unknown();
    }
    return byCode(code.get())
        .map(c -> verification(c, Instant.now(clock)))
        .orElse(Verification.unknown());
  }

  private static Verification verification(Certificate c, Instant now) {
    var status = Validity.status(c, now);
    return new Verification(
        status.name().toLowerCase(java.util.Locale.ROOT),
        c.getCode(),
        c.isHolderWithheld() ? null : c.getHolderName(),
        c.getCourseTitle(),
        c.getCourseVersion(),
        LocalDate.ofInstant(c.getIssuedAt(), Validity.UK),
        Validity.validUntil(c.getExpiresAt()),
        status == Validity.Status.REVOKED
            ? LocalDate.ofInstant(c.getStateChangedAt(), Validity.UK)
            : null,
        c.getState() == CertificateState.SUPERSEDED,
        c.isHolderWithheld());
  }

  /**
   * The person was erased: their certificates keep verifying, without the holder's name, and the HR
   * feed says so for each completion (type {@code erased}).
   */
  public void withholdHolder(long personId, Instant now) {
    var held =
        em.createQuery("select c from Certificate c where c.personId = :person", Certificate.class)
            .setParameter("person", personId)
            .getResultList();
    var entries = new java.util.ArrayList<CompletionFeed.Entry>();
    for (var certificate : held) {
      certificate.withholdHolder();
      entries.add(entry(CompletionFeed.Type.ERASED, certificate, now));
    }
    feed.append(entries);
  }

  /**
   * Checks a signed credential: the signature against the issuer's key, its dates against the
   * clock, and whether the certificate it stands for has been revoked since.
   */
  public CredentialCheck checkCredential(String token) {
    var now = Instant.now(clock);
    var check = OpenBadge.check(token, keys.publicKey(), now);
    if (!check.signatureValid()) {
      return new CredentialCheck(false, false, "unknown", null, null, null, check.problem());
    }
    var id = check.credentialId() == null ? "" : check.credentialId().replace("urn:uuid:", "");
    var certificate =
        em.createQuery("select c from Certificate c where c.credentialId = :id", Certificate.class)
            .setParameter("id", id)
            .getResultStream()
            .findFirst();
    var status =
        certificate
            .map(c -> Validity.status(c, now).name().toLowerCase(java.util.Locale.ROOT))
            .orElse("unknown");
    return new CredentialCheck(
        true,
        check.withinDates(),
        status,
        certificate.map(Certificate::getCode).orElse(null),
        check.validFrom(),
        check.validUntil(),
        "revoked".equals(status) ? "The certificate has been revoked." : check.problem());
  }

  // ------------------------------------------------------------------------------------ admins

  /** A certificate as an admin finds it by its code (the holder's name included). */
  public Optional<Verification> find(String typed) {
    var found = verify(typed);
    return "unknown".equals(found.status()) ? Optional.empty() : Optional.of(found);
  }

  /**
   * Revokes a certificate, saying why (kept with it, and in the {@code certificate.revoked} event):
   * verification says revoked from now on.
   *
   * @throws Refusal 404 unknown code, 409 already revoked
   */
  public void revoke(long adminId, String typed, String reason) {
    var code =
        VerificationCode.normalise(typed)
            .orElseThrow(() -> Refusal.notFound("There is no certificate with that code."));
    var certificate =
        byCode(code).orElseThrow(() -> Refusal.notFound("There is no certificate with that code."));
    em.lock(certificate, LockModeType.PESSIMISTIC_WRITE);
    if (certificate.getState() == CertificateState.REVOKED) {
      throw Refusal.conflict("This certificate was revoked already.");
    }
    var now = Instant.now(clock);
    var stateBefore = certificate.getState().name();
    certificate.revoke(adminId, reason, now);
    feed.append(List.of(entry(CompletionFeed.Type.REVOKED, certificate, now)));
    var person = em.find(Person.class, certificate.getPersonId());
    outbox.record(
        "certificate.revoked",
        "certificate",
        String.valueOf(certificate.getId()),
        payload(certificate, person).add("reason", reason).add("revokedBy", adminId).build(),
        now);
    audit.record(
        org.upskill.audit.boundary.AuditLog.Actor.person(adminId),
        "certificate.revoked",
        certificate.getPersonId(),
        "certificate",
        certificate.getId(),
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("state", stateBefore)
            .add("code", certificate.getCode())
            .build(),
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("state", "REVOKED")
            .add("reason", reason)
            .build());
    revoked.fire(
        new CertificateRevoked(
            certificate.getId(), certificate.getPersonId(), certificate.getCourseId()));
  }

  // ------------------------------------------------------------------------------------ the clock

  /**
   * Marks up to {@code max} valid certificates past their expiry date as expired, each with a
   * {@code certificate.expired} event; rows another node is handling are skipped. Each batch is a
   * transaction of its own: a backlog (a server that was down for days, an import of old records)
   * expires batch after batch instead of in one transaction that outgrows its timeout.
   *
   * @return how many expired
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int expireDue(int max) {
    var now = Instant.now(clock);
    var due =
        em.createQuery(
                "select c from Certificate c where c.state ="
                    + " org.upskill.certification.entity.CertificateState.VALID"
                    + " and c.expiresAt <= :now order by c.expiresAt",
                Certificate.class)
            .setParameter("now", now)
            .setMaxResults(max)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED
            .getResultList();
    var entries = new java.util.ArrayList<CompletionFeed.Entry>();
    for (var certificate : due) {
      certificate.expire(now);
      entries.add(entry(CompletionFeed.Type.EXPIRED, certificate, now));
      var person = em.find(Person.class, certificate.getPersonId());
      outbox.record(
          "certificate.expired",
          "certificate",
          String.valueOf(certificate.getId()),
          payload(certificate, person).build(),
          now);
      expired.fire(
          new CertificateExpired(
              certificate.getId(), certificate.getPersonId(), certificate.getCourseId()));
    }
    feed.append(entries);
    return due.size();
  }

  private CompletionFeed.Entry entry(CompletionFeed.Type type, Certificate c, Instant occurredAt) {
    var completion =
        em.find(org.upskill.learning.entity.CourseCompletion.class, c.getCompletionId());
    return new CompletionFeed.Entry(
        type,
        occurredAt,
        c.getPersonId(),
        c.getCourseId(),
        c.getCourseCode(),
        c.getCourseVersion(),
        c.getCompletionId(),
        c.getId(),
        c.getCode(),
        completion == null ? null : completion.getScorePercent(),
        c.getIssuedAt(),
        c.getExpiresAt(),
        c.getState().name().toLowerCase(java.util.Locale.ROOT));
  }

  // ------------------------------------------------------------------------------------ helpers

  private Optional<Certificate> byCode(String code) {
    return em.createQuery("select c from Certificate c where c.code = :code", Certificate.class)
        .setParameter("code", code)
        .getResultStream()
        .findFirst();
  }

  private void record(String type, Certificate certificate, Person person, Instant now) {
    outbox.record(
        type,
        "certificate",
        String.valueOf(certificate.getId()),
        payload(certificate, person).build(),
        now);
  }

  /** What every certificate event says: stable external ids, the course, the dates. */
  private static jakarta.json.JsonObjectBuilder payload(Certificate c, Person person) {
    var payload =
        Jsonp.objectBuilder()
            .add("certificateId", c.getId())
            .add("verificationCode", c.getCode())
            .add("personId", c.getPersonId())
            .add("personSubject", person.getSubject())
            .add("courseCode", c.getCourseCode())
            .add("courseVersion", c.getCourseVersion())
            .add("completionId", c.getCompletionId())
            .add("issuedAt", c.getIssuedAt().toString())
            .add("state", c.getState().name().toLowerCase(java.util.Locale.ROOT));
    if (c.getExpiresAt() != null) {
      payload.add("expiresAt", c.getExpiresAt().toString());
    }
    if (person.getStaffNumber() != null) {
      payload.add("staffNumber", person.getStaffNumber());
    }
    if (person.getEmail() != null) {
      payload.add("email", person.getEmail());
    }
    return payload;
  }
}

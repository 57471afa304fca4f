package org.upskill.compliance.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.UnsupportedEncodingException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.platform.control.SqlValues;

/**
 * Emails about compliance, through WildFly's mail session ({@code java:jboss/mail/Default}, whose
 * SMTP host and port come from {@code UPSKILL_SMTP_HOST}/{@code _PORT}):
 *
 * <ul>
 *   <li>to a learner, before their completion runs out: once per threshold of {@code
 *       UPSKILL_REMINDER_DAYS} (30 and 7 days by default), the nearest one only;
 *   <li>to a learner, when they become overdue (essential: sent even to people who opted out);
 *   <li>to each manager, a weekly digest of their organisation.
 * </ul>
 *
 * What was sent is recorded ({@code reminder_sent}), so nothing goes twice; a message the SMTP
 * server refused is not recorded and goes at the next run. People who opted out of non-essential
 * emails get only the overdue notices.
 */
@Stateless
public class Reminders {

  private static final Logger LOG = Logger.getLogger(Reminders.class.getName());
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  @PersistenceContext EntityManager em;
  @Inject Compliance compliance;
  @Inject ComplianceReports reports;
  @EJB Reminders self;

  @Resource(lookup = "java:jboss/mail/Default")
  Session mail;

  @Inject
  @ConfigProperty(name = "upskill.reminder-days", defaultValue = "30,7")
  String reminderDays;

  @Inject
  @ConfigProperty(name = "upskill.mail.from", defaultValue = "Upskill <no-reply@upskill.invalid>")
  String from;

  @Inject
  @ConfigProperty(name = "upskill.public-url")
  Optional<String> publicUrl;

  /** One reminder to send. */
  public record Reminder(
      long personId,
      long requirementId,
      String kind,
      LocalDate about,
      String to,
      String subject,
      String body) {}

  private String site() {
    var url = publicUrl.filter(u -> !u.isBlank()).orElse("http://localhost:8080").strip();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private List<Integer> thresholds() {
    return Arrays.stream(reminderDays.split(","))
        .map(String::strip)
        .filter(s -> s.matches("\\d{1,3}"))
        .map(Integer::valueOf)
        .filter(d -> d > 0)
        .sorted()
        .distinct()
        .toList();
  }

  /** The learners' reminders due today that were not sent yet. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Reminder> learnerRemindersDue() {
    var today = compliance.today();
    var thresholds = thresholds();
    var furthest = thresholds.isEmpty() ? 0 : thresholds.get(thresholds.size() - 1);
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select p.id, p.display_name, p.email, p.email_opt_out, r.id, r.name, c.code,"
                    + " c.title, s.status, s.valid_until, s.due_date"
                    + " from compliance_status s join person p on p.id = s.person_id"
                    + " join requirement r on r.id = s.requirement_id"
                    + " join course c on c.id = r.course_id"
                    + " where p.email is not null and (s.status = 'overdue'"
                    + " or (s.status in ('compliant', 'due_soon') and s.valid_until > ?1"
                    + " and s.valid_until <= ?2))"
                    + " order by p.id, r.id")
            .setParameter(1, today)
            .setParameter(2, today.plusDays(furthest))
            .getResultList();
    var due = new ArrayList<Reminder>();
    for (var r : rows) {
      long personId = ((Number) r[0]).longValue();
      long requirementId = ((Number) r[4]).longValue();
      var name = (String) r[1];
      var email = (String) r[2];
      boolean optOut = Boolean.TRUE.equals(r[3]) || (r[3] instanceof Number n && n.intValue() != 0);
      var requirement = (String) r[5];
      var courseCode = (String) r[6];
      var courseTitle = (String) r[7];
      var validUntil = SqlValues.date(r[9]);
      var dueDate = SqlValues.date(r[10]);
      Reminder reminder;
      if ("overdue".equals(r[8])) {
        reminder =
            new Reminder(
                personId,
                requirementId,
                "overdue",
                dueDate,
                email,
                "Overdue: " + requirement,
                "Dear "
                    + name
                    + ",\n\nYour mandatory training \""
                    + requirement
                    + "\" is overdue: it was due by "
                    + DAY.format(dueDate)
                    + ".\n\nPlease complete the course \""
                    + courseTitle
                    + "\" as soon as you can:\n"
                    + site()
                    + "/courses/"
                    + courseCode
                    + "\n\nThis notice is part of your mandatory training record and is sent"
                    + " even if you have opted out of other emails.\n\nUpskill\n");
      } else {
        if (optOut) {
          continue;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, validUntil);
        int threshold = thresholds.stream().filter(t -> t >= daysLeft).findFirst().orElse(0);
        if (threshold == 0) {
          continue;
        }
        reminder =
            new Reminder(
                personId,
                requirementId,
                "expiry-" + threshold,
                validUntil,
                email,
                "Renew by " + DAY.format(validUntil) + ": " + requirement,
                "Dear "
                    + name
                    + ",\n\nYour training \""
                    + requirement
                    + "\" runs out on "
                    + DAY.format(validUntil)
                    + " (in "
                    + daysLeft
                    + (daysLeft == 1 ? " day" : " days")
                    + ").\n\nRenew it by completing \""
                    + courseTitle
                    + "\" again:\n"
                    + site()
                    + "/courses/"
                    + courseCode
                    + "\n\nYou can stop reminders like this one on your profile: "
                    + site()
                    + "/profile\n\nUpskill\n");
      }
      if (!sent(reminder.personId(), reminder.requirementId(), reminder.kind(), reminder.about())) {
        due.add(reminder);
      }
    }
    return due;
  }

  /** The weekly digests due for the week starting {@code monday}, one per manager. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Reminder> digestsDue(LocalDate monday) {
    @SuppressWarnings("unchecked")
    List<Object[]> managers =
        em.createNativeQuery(
                "select p.id, p.display_name, p.email, p.organisation_id, o.name from person p"
                    + " join organisation o on o.id = p.organisation_id"
                    + " where p.is_manager = true and p.email_opt_out = false"
                    + " and p.email is not null order by p.id")
            .getResultList();
    var due = new ArrayList<Reminder>();
    for (var m : managers) {
      long managerId = ((Number) m[0]).longValue();
      if (sent(managerId, 0, "digest", monday)) {
        continue;
      }
      long organisationId = ((Number) m[3]).longValue();
      var summary = reports.summary(organisationId);
      if (summary.isEmpty()) {
        continue;
      }
      var text = new StringBuilder();
      long overdue = 0;
      long dueSoon = 0;
      text.append("Dear ")
          .append(m[1])
          .append(",\n\nMandatory training in ")
          .append(m[4])
          .append(" this week:\n\n");
      for (var line : summary) {
        overdue += line.overdue();
        dueSoon += line.dueSoon();
        text.append("- ")
            .append(line.requirement().name())
            .append(": ")
            .append(line.percent())
            .append("% compliant; ")
            .append(line.overdue())
            .append(" overdue, ")
            .append(line.dueSoon())
            .append(" due soon, ")
            .append(line.notStarted())
            .append(" not started\n");
      }
      var soon = reports.forecast(organisationId, 30);
      text.append("\n")
          .append(soon.size())
          .append(soon.size() == 1 ? " person's training runs" : " people's training runs")
          .append(" out in the next 30 days.\n\nSee who and follow up: ")
          .append(site())
          .append("/manage/compliance\n\nYou can stop this digest on your profile: ")
          .append(site())
          .append("/profile\n\nUpskill\n");
      due.add(
          new Reminder(
              managerId,
              0,
              "digest",
              monday,
              (String) m[2],
              "Weekly compliance digest for "
                  + m[4]
                  + ": "
                  + overdue
                  + " overdue, "
                  + dueSoon
                  + " due soon",
              text.toString()));
    }
    return due;
  }

  private boolean sent(long personId, long requirementId, String kind, LocalDate about) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from reminder_sent where person_id = ?1"
                            + " and requirement_id = ?2 and kind = ?3 and about = ?4")
                    .setParameter(1, personId)
                    .setParameter(2, requirementId)
                    .setParameter(3, kind)
                    .setParameter(4, about)
                    .getSingleResult())
            .longValue()
        > 0;
  }

  /**
   * Sends each reminder and records it; one the SMTP server refuses is left for the next run.
   *
   * @return how many were sent
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int send(List<Reminder> reminders) {
    int sent = 0;
    for (var reminder : reminders) {
      try {
        var message = new MimeMessage(session());
        message.setFrom(parse(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(reminder.to()));
        message.setSubject(reminder.subject(), "UTF-8");
        message.setText(reminder.body(), "UTF-8");
        Transport.send(message);
        self.record(reminder);
        sent++;
      } catch (MessagingException | UnsupportedEncodingException e) {
        LOG.log(
            Level.WARNING,
            "Could not send \""
                + reminder.subject()
                + "\" to person "
                + reminder.personId()
                + " (tried again at the next run): "
                + e.getMessage());
      }
    }
    return sent;
  }

  /**
   * WildFly's session with timeouts added: without them an SMTP server that never answers would
   * hold the compliance run for ever.
   */
  private Session session() {
    var properties = new java.util.Properties();
    properties.putAll(mail.getProperties());
    properties.putIfAbsent("mail.smtp.connectiontimeout", "10000");
    properties.putIfAbsent("mail.smtp.timeout", "10000");
    properties.putIfAbsent("mail.smtp.writetimeout", "10000");
    return Session.getInstance(properties);
  }

  private static InternetAddress parse(String address)
      throws MessagingException, UnsupportedEncodingException {
    var parsed = new InternetAddress(address);
    return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
  }

  /** Notes that a reminder went. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void record(Reminder reminder) {
    em.createNativeQuery(
            "insert into reminder_sent (person_id, requirement_id, kind, about, sent_at)"
                + " values (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, reminder.personId())
        .setParameter(2, reminder.requirementId())
        .setParameter(3, reminder.kind())
        .setParameter(4, reminder.about())
        .setParameter(5, compliance.now())
        .executeUpdate();
  }
}

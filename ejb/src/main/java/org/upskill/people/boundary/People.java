package org.upskill.people.boundary;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.upskill.people.entity.Organisation;
import org.upskill.people.entity.Person;
import org.upskill.platform.boundary.Refusal;

/** The people who use Upskill, as Keycloak knows them. */
@Stateless
public class People {

  private static final Logger LOG = Logger.getLogger(People.class.getName());

  @PersistenceContext EntityManager em;
  @jakarta.inject.Inject org.upskill.audit.boundary.AuditLog audit;

  @EJB People self;

  Clock clock = Clock.systemUTC();

  /**
   * Records a sign-in: creates the Person for a subject seen for the first time, or refreshes an
   * existing one from the token's claims.
   *
   * <p>A browser may send several requests at once right after the first sign-in; if two of them
   * try to create the same Person (or Organisation) the unique index lets only one win, and the
   * loser simply reads the winner's row in a fresh transaction.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public PersonSummary signIn(Identity identity) {
    try {
      return self.upsert(identity);
    } catch (EJBException | PersistenceException e) {
      LOG.fine(() -> "Concurrent first sign-in of " + identity.subject() + "; reading again");
      return self.upsert(identity);
    }
  }

  /** One attempt of {@link #signIn}, in its own transaction. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public PersonSummary upsert(Identity identity) {
    var now = Instant.now(clock);
    var existing = findBySubject(identity.subject());
    var person = existing.orElseGet(() -> new Person(identity.subject(), now));
    person.refresh(
        identity.username() != null ? identity.username() : identity.subject(),
        identity.nameToShow(),
        identity.email(),
        organisationNamed(identity.organisation(), now),
        identity.staffGroup(),
        identity.jobRole(),
        identity.staffNumber(),
        identity.groups(),
        now);
    person.holdsRoles(identity.roles());
    if (existing.isEmpty()) {
      em.persist(person);
    }
    em.flush();
    return PersonSummary.of(person);
  }

  /**
   * The id of the person a verified token names, read without writing for someone already known
   * (API calls come often; a sign-in refresh on each would cost an update), created on first sight.
   */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public long idOf(Identity identity) {
    return em.createQuery("select p.id from Person p where p.subject = :subject", Long.class)
        .setParameter("subject", identity.subject())
        .getResultStream()
        .findFirst()
        .orElseGet(() -> signIn(identity).id());
  }

  /** The person with this username, email or staff number (as typed by staff), if one. */
  public Optional<PersonSummary> find(String nameEmailOrStaffNumber) {
    var key = nameEmailOrStaffNumber == null ? "" : nameEmailOrStaffNumber.strip();
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return em.createQuery(
            "select p from Person p where lower(p.username) = lower(:key)"
                + " or lower(p.email) = lower(:key) or p.staffNumber = :key order by p.id",
            Person.class)
        .setParameter("key", key)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(PersonSummary::of);
  }

  /**
   * People by email (any case) or staff number, many at once (a bulk enrolment file): each key
   * found, lower-cased, maps to the person's id.
   */
  public java.util.Map<String, Long> idsByEmailOrStaffNumber(java.util.Collection<String> keys) {
    var lowered =
        keys.stream().map(k -> k.strip().toLowerCase(java.util.Locale.ROOT)).distinct().toList();
    var found = new java.util.HashMap<String, Long>();
    for (int from = 0; from < lowered.size(); from += 1000) {
      var chunk = lowered.subList(from, Math.min(lowered.size(), from + 1000));
      em.createQuery(
              "select p.id, lower(p.email), lower(p.staffNumber) from Person p"
                  + " where lower(p.email) in :keys or lower(p.staffNumber) in :keys"
                  + " order by p.id desc",
              Object[].class)
          .setParameter("keys", chunk)
          .getResultList()
          .forEach(
              r -> {
                if (r[1] != null && chunk.contains((String) r[1])) {
                  found.put((String) r[1], (Long) r[0]);
                }
                if (r[2] != null && chunk.contains((String) r[2])) {
                  found.put((String) r[2], (Long) r[0]);
                }
              });
    }
    return found;
  }

  /**
   * Sets a person's extra time on every timed quiz (0–200 %). An admin may set it for anyone; a
   * manager for people of their own organisation.
   *
   * @throws Refusal 404 unknown person, 403 someone a manager does not manage, 409 out of range
   */
  public void setExtraTime(long actorId, boolean actorIsAdmin, long personId, int percent) {
    if (percent < 0 || percent > 200) {
      throw Refusal.conflict("Extra time is from 0 to 200 percent.");
    }
    var person = em.find(Person.class, personId);
    if (person == null) {
      throw Refusal.notFound("There is no such person.");
    }
    if (!actorIsAdmin) {
      var actor = em.find(Person.class, actorId);
      var theirs = person.getOrganisation();
      if (actor == null
          || actor.getOrganisation() == null
          || theirs == null
          || !actor.getOrganisation().getId().equals(theirs.getId())) {
        throw Refusal.forbidden(
            "Managers set extra time for people in their own organisation only.");
      }
    }
    var before = person.getExtraTimePercent();
    person.allowExtraTime(percent);
    if (before != percent) {
      audit.record(
          org.upskill.audit.boundary.AuditLog.Actor.person(actorId),
          "accommodation.extra-time",
          personId,
          "person",
          personId,
          org.upskill.platform.control.Jsonp.objectBuilder()
              .add("extraTimePercent", before)
              .build(),
          org.upskill.platform.control.Jsonp.objectBuilder()
              .add("extraTimePercent", percent)
              .build());
    }
  }

  /** The person with this staff number or email, as HR systems name people. */
  public Optional<PersonSummary> byExternalId(String externalId) {
    return em.createQuery(
            "select p from Person p where p.staffNumber = :id or p.email = :id order by p.id",
            Person.class)
        .setParameter("id", externalId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(PersonSummary::of);
  }

  /** The person an HR system names: by Upskill id (digits), else by staff number or email. */
  public Optional<PersonSummary> byAnyId(String id) {
    var value = id.strip();
    var byId =
        value.matches("\\d{1,18}") ? byId(Long.parseLong(value)) : Optional.<PersonSummary>empty();
    return byId.or(() -> byExternalId(value));
  }

  /** The person with this id, if there is one. */
  public Optional<PersonSummary> byId(long id) {
    return Optional.ofNullable(em.find(Person.class, id)).map(PersonSummary::of);
  }

  private Optional<Person> findBySubject(String subject) {
    return em.createNamedQuery(Person.BY_SUBJECT, Person.class)
        .setParameter("subject", subject)
        .getResultStream()
        .findFirst();
  }

  private Organisation organisationNamed(String name, Instant now) {
    if (name == null) {
      return null;
    }
    return em.createNamedQuery(Organisation.BY_NAME, Organisation.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst()
        .orElseGet(
            () -> {
              var created = new Organisation(name, now);
              em.persist(created);
              return created;
            });
  }

  /** Whether the person opted out of non-essential emails. */
  public boolean emailOptOut(long personId) {
    var person = em.find(Person.class, personId);
    return person != null && person.isEmailOptOut();
  }

  /** The person's choice about non-essential emails (reminders before expiry, digests). */
  public void optOutOfEmails(long personId, boolean optOut) {
    var person = em.find(Person.class, personId);
    if (person == null) {
      throw org.upskill.platform.boundary.Refusal.notFound("There is no such person.");
    }
    person.optOutOfEmails(optOut);
  }

  // ------------------------------------------------------------------------- the admin console

  /** A person as admins see them: what Keycloak said at their last sign-in, and their settings. */
  public record AdminView(
      long id,
      String username,
      String name,
      String email,
      String staffNumber,
      String organisation,
      String staffGroup,
      String jobRole,
      String roles,
      java.util.List<String> groups,
      int extraTimePercent,
      Instant firstSeenAt,
      Instant lastSeenAt,
      Instant erasedAt) {}

  private static AdminView adminView(Person p) {
    return new AdminView(
        p.getId(),
        p.getUsername(),
        p.getDisplayName(),
        p.getEmail(),
        p.getStaffNumber(),
        p.getOrganisation() == null ? null : p.getOrganisation().getName(),
        p.getStaffGroup(),
        p.getJobRole(),
        p.getRealmRoles(),
        java.util.List.copyOf(p.getGroups()),
        p.getExtraTimePercent(),
        p.getFirstSeenAt(),
        p.getLastSeenAt(),
        p.getErasedAt());
  }

  /** People whose name, user name, email or staff number contains the words typed, by name. */
  public org.upskill.platform.boundary.Page<AdminView> search(String typed, int page, int size) {
    var q = typed == null ? "" : typed.strip().toLowerCase(java.util.Locale.ROOT);
    var where =
        " from Person p where (:q = '' or lower(p.displayName) like :like"
            + " or lower(p.username) like :like or lower(p.email) like :like"
            + " or lower(p.staffNumber) like :like)";
    var like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    var total =
        em.createQuery("select count(p)" + where, Long.class)
            .setParameter("q", q)
            .setParameter("like", like)
            .getSingleResult();
    var people =
        em.createQuery("select p" + where + " order by p.displayName, p.id", Person.class)
            .setParameter("q", q)
            .setParameter("like", like)
            .setFirstResult((page - 1) * size)
            .setMaxResults(size)
            .getResultList();
    return new org.upskill.platform.boundary.Page<>(
        people.stream().map(People::adminView).toList(), page, size, total);
  }

  /** One person, for admins. */
  public Optional<AdminView> adminView(long id) {
    return Optional.ofNullable(em.find(Person.class, id)).map(People::adminView);
  }

  /** An organisation with how many people it has, in total and per staff group. */
  public record OrganisationLine(
      long id, String name, String odsCode, long people, java.util.Map<String, Long> staffGroups) {}

  /** Every organisation people came from, by name. */
  public java.util.List<OrganisationLine> organisations() {
    var lines = new java.util.ArrayList<OrganisationLine>();
    for (var o :
        em.createQuery("select o from Organisation o order by o.name", Organisation.class)
            .getResultList()) {
      var groups = new java.util.LinkedHashMap<String, Long>();
      long total = 0;
      for (var r :
          em.createQuery(
                  "select coalesce(p.staffGroup, '(none)'), count(p) from Person p"
                      + " where p.organisation = :o group by p.staffGroup order by 1",
                  Object[].class)
              .setParameter("o", o)
              .getResultList()) {
        groups.put((String) r[0], (Long) r[1]);
        total += (Long) r[1];
      }
      lines.add(new OrganisationLine(o.getId(), o.getName(), o.getOdsCode(), total, groups));
    }
    return lines;
  }
}

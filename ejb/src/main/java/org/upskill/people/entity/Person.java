package org.upskill.people.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * One human who uses Upskill, identified by the subject ({@code sub}) of their Keycloak account.
 *
 * <p>A Person is created the first time Upskill sees a token for a new subject and refreshed from
 * the token's claims on every later sign-in: Keycloak is the source of truth for name, email,
 * organisation, staff group, job role and groups. Upskill never stores a password. What belongs to
 * Upskill alone, such as a learner's accommodations, is kept here and never overwritten by a
 * sign-in.
 */
@Entity
@Table(name = "person")
@NamedQuery(name = Person.BY_SUBJECT, query = "select p from Person p where p.subject = :subject")
public class Person {

  public static final String BY_SUBJECT = "Person.bySubject";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String username;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Column(length = 320)
  private String email;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "organisation_id")
  private Organisation organisation;

  @Column(name = "staff_group", length = 100)
  private String staffGroup;

  @Column(name = "job_role", length = 200)
  private String jobRole;

  @Column(name = "staff_number", length = 50)
  private String staffNumber;

  /** Extra time on timed quizzes, as a percentage of the time limit (an accommodation). */
  @Column(name = "extra_time_percent", nullable = false)
  private int extraTimePercent;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "person_group", joinColumns = @JoinColumn(name = "person_id"))
  @Column(name = "group_name", nullable = false)
  private Set<String> groups = new TreeSet<>();

  @Column(name = "first_seen_at", nullable = false, updatable = false)
  private Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  /** Whether the person held the manager role at their last sign-in (weekly digests). */
  @Column(name = "is_manager", nullable = false)
  private boolean manager;

  /** Whether the person opted out of non-essential emails (reminders before expiry, digests). */
  @Column(name = "email_opt_out", nullable = false)
  private boolean emailOptOut;

  /** Realm roles at the last sign-in, comma-separated (the admin console shows them). */
  @Column(name = "realm_roles", length = 500)
  private String realmRoles;

  /** When the person was erased: their personal data removed or pseudonymised. */
  @Column(name = "erased_at")
  private Instant erasedAt;

  @Version private long version;

  protected Person() {}

  public Person(String subject, Instant now) {
    this.subject = subject;
    this.firstSeenAt = now;
    this.lastSeenAt = now;
  }

  /** Takes what the identity provider says about this person now. */
  public void refresh(
      String username,
      String displayName,
      String email,
      Organisation organisation,
      String staffGroup,
      String jobRole,
      String staffNumber,
      Set<String> groups,
      Instant now) {
    this.username = username;
    this.displayName = displayName;
    this.email = email;
    this.organisation = organisation;
    this.staffGroup = staffGroup;
    this.jobRole = jobRole;
    this.staffNumber = staffNumber;
    if (!this.groups.equals(groups)) {
      this.groups.clear();
      this.groups.addAll(groups);
    }
    this.lastSeenAt = now;
  }

  /** The realm roles of the last sign-in. */
  public void holdsRoles(java.util.Collection<String> roles) {
    var joined = String.join(",", new TreeSet<>(roles));
    this.realmRoles = joined.length() > 500 ? joined.substring(0, 500) : joined;
    this.manager = roles.contains("manager");
  }

  public String getRealmRoles() {
    return realmRoles;
  }

  public Instant getErasedAt() {
    return erasedAt;
  }

  /**
   * Erasure: the personal data goes (name and username become a pseudonym, email, staff number, job
   * role, roles and groups are removed); the id, organisation and staff group stay, so statistics
   * (by organisation and staff group) and certificates keep counting.
   */
  public void erase(String pseudonym, Instant now) {
    this.subject = "erased:" + java.util.UUID.randomUUID();
    this.username = pseudonym;
    this.displayName = pseudonym;
    this.email = null;
    this.staffNumber = null;
    this.jobRole = null;
    this.realmRoles = null;
    this.groups.clear();
    this.manager = false;
    this.emailOptOut = true;
    this.erasedAt = now;
  }

  public boolean isManager() {
    return manager;
  }

  public void optOutOfEmails(boolean optOut) {
    this.emailOptOut = optOut;
  }

  public boolean isEmailOptOut() {
    return emailOptOut;
  }

  public Long getId() {
    return id;
  }

  public String getSubject() {
    return subject;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  public Organisation getOrganisation() {
    return organisation;
  }

  public String getStaffGroup() {
    return staffGroup;
  }

  public String getJobRole() {
    return jobRole;
  }

  public String getStaffNumber() {
    return staffNumber;
  }

  /** Sets the extra time this person gets on every timed quiz (an accommodation). */
  public void allowExtraTime(int percent) {
    this.extraTimePercent = percent;
  }

  public int getExtraTimePercent() {
    return extraTimePercent;
  }

  public Set<String> getGroups() {
    return Set.copyOf(groups);
  }

  public Instant getFirstSeenAt() {
    return firstSeenAt;
  }

  public Instant getLastSeenAt() {
    return lastSeenAt;
  }
}

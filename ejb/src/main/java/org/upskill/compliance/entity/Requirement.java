package org.upskill.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Set;

/**
 * "People matching X must hold course Y": X is any combination of a staff group, an organisation, a
 * job role and a Keycloak group (each set criterion must match; none set: everyone).
 */
@Entity
@Table(name = "requirement")
public class Requirement {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "course_id", nullable = false)
  private long courseId;

  @Column(name = "staff_group", length = 100)
  private String staffGroup;

  @Column(name = "organisation_id")
  private Long organisationId;

  @Column(name = "job_role", length = 200)
  private String jobRole;

  @Column(name = "keycloak_group", length = 255)
  private String keycloakGroup;

  @Enumerated(EnumType.STRING)
  @Column(name = "renewal_kind", nullable = false, length = 20)
  private RenewalRule.Kind renewalKind;

  @Column(name = "renewal_months")
  private Integer renewalMonths;

  @Column(name = "anchor_month")
  private Integer anchorMonth;

  @Column(name = "anchor_day")
  private Integer anchorDay;

  @Column(name = "grace_days", nullable = false)
  private int graceDays;

  @Column(name = "newcomer_due_days", nullable = false)
  private int newcomerDueDays;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Requirement() {}

  public Requirement(Instant now) {
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Sets everything an admin edits. */
  public void define(
      String name,
      long courseId,
      String staffGroup,
      Long organisationId,
      String jobRole,
      String keycloakGroup,
      RenewalRule rule,
      int newcomerDueDays,
      Instant now) {
    this.name = name;
    this.courseId = courseId;
    this.staffGroup = blankToNull(staffGroup);
    this.organisationId = organisationId;
    this.jobRole = blankToNull(jobRole);
    this.keycloakGroup = blankToNull(keycloakGroup);
    this.renewalKind = rule.kind();
    this.renewalMonths = rule.months();
    this.anchorMonth = rule.anchorMonth();
    this.anchorDay = rule.anchorDay();
    this.graceDays = rule.graceDays();
    this.newcomerDueDays = newcomerDueDays;
    this.updatedAt = now;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Whether a person with these facts must hold the course. */
  public boolean appliesTo(
      String personStaffGroup,
      Long personOrganisationId,
      String personJobRole,
      Set<String> groups) {
    return (staffGroup == null || staffGroup.equalsIgnoreCase(nullToEmpty(personStaffGroup)))
        && (organisationId == null || organisationId.equals(personOrganisationId))
        && (jobRole == null || jobRole.equalsIgnoreCase(nullToEmpty(personJobRole)))
        && (keycloakGroup == null
            || groups.stream().anyMatch(g -> g.equalsIgnoreCase(keycloakGroup)));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  public RenewalRule rule() {
    return new RenewalRule(renewalKind, renewalMonths, anchorMonth, anchorDay, graceDays);
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public long getCourseId() {
    return courseId;
  }

  public String getStaffGroup() {
    return staffGroup;
  }

  public Long getOrganisationId() {
    return organisationId;
  }

  public String getJobRole() {
    return jobRole;
  }

  public String getKeycloakGroup() {
    return keycloakGroup;
  }

  public int getNewcomerDueDays() {
    return newcomerDueDays;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getVersion() {
    return version;
  }
}

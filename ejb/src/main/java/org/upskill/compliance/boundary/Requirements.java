package org.upskill.compliance.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.upskill.compliance.entity.RenewalRule;
import org.upskill.compliance.entity.Requirement;
import org.upskill.platform.boundary.Refusal;

/**
 * Admins define requirements: who (staff group, organisation, job role, Keycloak group, or a
 * combination) must hold which published course, with its renewal rule and the newcomers' due days.
 * Saving or removing one recomputes the statuses it touches (see {@link
 * ComplianceClock#recomputeEveryone}); the caller checks the admin role.
 */
@Stateless
public class Requirements {

  @PersistenceContext EntityManager em;
  @Inject Compliance compliance;
  @Inject org.upskill.audit.boundary.AuditLog audit;

  /** A requirement as the admin pages show and edit it. */
  public record Definition(
      Long id,
      String name,
      String courseCode,
      String staffGroup,
      String organisation,
      String jobRole,
      String keycloakGroup,
      RenewalRule rule,
      int newcomerDueDays,
      long version) {}

  /** A line of the list: the definition, whom it describes, and how many people it applies to. */
  public record Line(Definition definition, String courseTitle, String who, long people) {}

  /** Every requirement, by name. */
  public List<Line> all() {
    var lines = new ArrayList<Line>();
    for (var r :
        em.createQuery("select r from Requirement r order by r.name", Requirement.class)
            .getResultList()) {
      var definition = definition(r);
      var title =
          (String)
              em.createNativeQuery("select title from course where id = ?1")
                  .setParameter(1, r.getCourseId())
                  .getSingleResult();
      var people =
          ((Number)
                  em.createNativeQuery(
                          "select count(*) from compliance_status where requirement_id = ?1")
                      .setParameter(1, r.getId())
                      .getSingleResult())
              .longValue();
      lines.add(new Line(definition, title, who(definition), people));
    }
    return lines;
  }

  /** "Everyone", or "staff group Nursing and midwifery and Keycloak group NHS staff". */
  public static String who(Definition d) {
    var parts = new ArrayList<String>();
    if (d.staffGroup() != null) {
      parts.add("staff group " + d.staffGroup());
    }
    if (d.organisation() != null) {
      parts.add("organisation " + d.organisation());
    }
    if (d.jobRole() != null) {
      parts.add("job role " + d.jobRole());
    }
    if (d.keycloakGroup() != null) {
      parts.add("group " + d.keycloakGroup());
    }
    return parts.isEmpty() ? "Everyone" : "Everyone in " + String.join(" and ", parts);
  }

  private static jakarta.json.JsonObject json(Definition d) {
    var json =
        org.upskill.platform.control.Jsonp.objectBuilder()
            .add("name", d.name())
            .add("course", d.courseCode())
            .add("who", who(d))
            .add("renewal", d.rule().describe())
            .add("newcomerDueDays", d.newcomerDueDays());
    return json.build();
  }

  public Optional<Definition> find(long id) {
    return Optional.ofNullable(em.find(Requirement.class, id)).map(this::definition);
  }

  private Definition definition(Requirement r) {
    return new Definition(
        r.getId(),
        r.getName(),
        (String)
            em.createNativeQuery("select code from course where id = ?1")
                .setParameter(1, r.getCourseId())
                .getSingleResult(),
        r.getStaffGroup(),
        r.getOrganisationId() == null
            ? null
            : (String)
                em.createNativeQuery("select name from organisation where id = ?1")
                    .setParameter(1, r.getOrganisationId())
                    .getSingleResult(),
        r.getJobRole(),
        r.getKeycloakGroup(),
        r.rule(),
        r.getNewcomerDueDays(),
        r.getVersion());
  }

  /**
   * Creates or changes a requirement. Problems with what was typed come back by field (nothing is
   * saved then): an unknown or unpublished course, an unknown organisation, a name in use.
   *
   * @return the field errors, empty when saved
   * @throws Refusal 404 for an unknown id, 409 when someone else changed it meanwhile
   */
  public Map<String, String> save(long actorId, Definition d) {
    Map<String, String> errors = new LinkedHashMap<>();
    var course =
        em.createNativeQuery("select id, status from course where code = ?1")
            .setParameter(1, d.courseCode().strip().toUpperCase(Locale.ROOT))
            .getResultList();
    Long courseId = null;
    if (course.isEmpty()) {
      errors.put("course", "There is no course " + d.courseCode().strip() + ".");
    } else {
      var row = (Object[]) course.get(0);
      if (!"PUBLISHED".equals(row[1])) {
        errors.put("course", "The course " + d.courseCode().strip() + " is not published.");
      }
      courseId = ((Number) row[0]).longValue();
    }
    Long organisationId = null;
    if (d.organisation() != null && !d.organisation().isBlank()) {
      var found =
          em.createNativeQuery("select id from organisation where lower(name) = lower(?1)")
              .setParameter(1, d.organisation().strip())
              .getResultList();
      if (found.isEmpty()) {
        errors.put(
            "organisation",
            "No one from " + d.organisation().strip() + " has signed in yet; check the name.");
      } else {
        organisationId = ((Number) found.get(0)).longValue();
      }
    }
    var sameName =
        em.createQuery(
                "select r.id from Requirement r where lower(r.name) = lower(:name)", Long.class)
            .setParameter("name", d.name().strip())
            .getResultList();
    if (!sameName.isEmpty() && !sameName.get(0).equals(d.id())) {
      errors.put("name", "Another requirement has this name.");
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    var now = compliance.now();
    Requirement requirement;
    jakarta.json.JsonObject before = null;
    if (d.id() == null) {
      requirement = new Requirement(now);
    } else {
      requirement = em.find(Requirement.class, d.id());
      if (requirement == null) {
        throw Refusal.notFound("There is no such requirement.");
      }
      if (requirement.getVersion() != d.version()) {
        throw Refusal.conflict(
            "Someone else changed this requirement meanwhile; open it again to see their change.");
      }
      before = json(definition(requirement));
    }
    requirement.define(
        d.name().strip(),
        courseId,
        d.staffGroup(),
        organisationId,
        d.jobRole(),
        d.keycloakGroup(),
        d.rule(),
        d.newcomerDueDays(),
        now);
    if (d.id() == null) {
      em.persist(requirement);
    }
    em.flush();
    audit.record(
        org.upskill.audit.boundary.AuditLog.Actor.person(actorId),
        d.id() == null ? "requirement.created" : "requirement.changed",
        null,
        "requirement",
        requirement.getId(),
        before,
        json(definition(requirement)));
    return Map.of();
  }

  /**
   * Removes a requirement, its statuses and exemptions (the people's completions stay).
   *
   * @return its name
   * @throws Refusal 404 for an unknown id
   */
  public String remove(long actorId, long id) {
    var requirement = em.find(Requirement.class, id);
    if (requirement == null) {
      throw Refusal.notFound("There is no such requirement.");
    }
    var name = requirement.getName();
    audit.record(
        org.upskill.audit.boundary.AuditLog.Actor.person(actorId),
        "requirement.removed",
        null,
        "requirement",
        id,
        json(definition(requirement)),
        null);
    em.createNativeQuery("delete from compliance_status where requirement_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    em.createNativeQuery("delete from compliance_exemption where requirement_id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    em.remove(requirement);
    return name;
  }
}

package org.upskill.api.people;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.upskill.people.boundary.PersonSummary;

/** The caller's identity and roles, as {@code GET /api/v1/me} answers them. */
@JsonbPropertyOrder({
  "id",
  "subject",
  "username",
  "name",
  "email",
  "organisation",
  "staffGroup",
  "jobRole",
  "staffNumber",
  "groups",
  "roles",
  "firstSeen",
  "lastSeen"
})
public record MeRepresentation(
    long id,
    String subject,
    String username,
    String name,
    String email,
    String organisation,
    String staffGroup,
    String jobRole,
    String staffNumber,
    List<String> groups,
    List<String> roles,
    Instant firstSeen,
    Instant lastSeen) {

  /** Upskill's roles only: Keycloak's technical roles (offline_access…) mean nothing to clients. */
  static final Set<String> UPSKILL_ROLES =
      Set.of("learner", "trainer", "manager", "admin", "hr-integration", "hr-write");

  static MeRepresentation of(PersonSummary person, Set<String> roles) {
    return new MeRepresentation(
        person.id(),
        person.subject(),
        person.username(),
        person.displayName(),
        person.email(),
        person.organisation(),
        person.staffGroup(),
        person.jobRole(),
        person.staffNumber(),
        person.groups().stream().sorted().toList(),
        roles.stream().filter(UPSKILL_ROLES::contains).sorted().toList(),
        person.firstSeenAt(),
        person.lastSeenAt());
  }
}

package org.upskill.people.boundary;

import java.time.Instant;
import java.util.Set;
import org.upskill.people.entity.Person;

/** A signed-in person as the web and API layers see them: no entity leaves the core. */
public record PersonSummary(
    long id,
    String subject,
    String username,
    String displayName,
    String email,
    String organisation,
    String staffGroup,
    String jobRole,
    String staffNumber,
    Set<String> groups,
    int extraTimePercent,
    Instant firstSeenAt,
    Instant lastSeenAt) {

  static PersonSummary of(Person person) {
    var organisation = person.getOrganisation();
    return new PersonSummary(
        person.getId(),
        person.getSubject(),
        person.getUsername(),
        person.getDisplayName(),
        person.getEmail(),
        organisation == null ? null : organisation.getName(),
        person.getStaffGroup(),
        person.getJobRole(),
        person.getStaffNumber(),
        person.getGroups(),
        person.getExtraTimePercent(),
        person.getFirstSeenAt(),
        person.getLastSeenAt());
  }
}

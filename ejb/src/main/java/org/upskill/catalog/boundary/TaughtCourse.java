package org.upskill.catalog.boundary;

import java.util.List;

/**
 * A course as its owners (and admins) see it for editing: its details, state, version for
 * optimistic locking, and owners.
 */
public record TaughtCourse(
    long id, String status, long version, CourseDraft details, List<String> owners) {}

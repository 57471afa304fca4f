package org.upskill.platform.boundary;

/**
 * Who is calling a boundary on behalf of the staff side (authoring, cohorts, accommodations): the
 * signed-in person and the roles that decide what they may do. The boundary checks role and
 * ownership with it; the web tier makes one from the signed-in person ({@code SignedIn.staff()}).
 * The audit log's {@code Actor} is the other "who": it also names HR clients and the system.
 */
public record Staff(long personId, boolean admin, boolean manager, boolean trainer) {}

package org.upskill.assessment.boundary;

import java.time.Instant;

/**
 * What became of a save: accepted with its new sequence number and the time the server received it,
 * or not counted because the attempt has ended (submitted, or out of time, in which case this save
 * submitted it as it stood).
 */
public record SaveResult(boolean accepted, int sequence, Instant savedAt) {}

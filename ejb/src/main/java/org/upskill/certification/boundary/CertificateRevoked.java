package org.upskill.certification.boundary;

/**
 * A certificate was revoked (a CDI event, fired synchronously inside the revoking transaction):
 * whatever counted on it — compliance — is recomputed in that transaction.
 */
public record CertificateRevoked(long certificateId, long personId, long courseId) {}

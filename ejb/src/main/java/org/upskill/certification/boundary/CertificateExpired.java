package org.upskill.certification.boundary;

/**
 * A certificate passed its expiry date (a CDI event, fired synchronously inside the transaction
 * that marks it expired): whatever counted on it — compliance — is recomputed there.
 */
public record CertificateExpired(long certificateId, long personId, long courseId) {}

package org.upskill.certification.entity;

/** Where a certificate stands (see DOMAIN.md: valid → expired | revoked | superseded). */
public enum CertificateState {
  VALID,
  EXPIRED,
  REVOKED,
  SUPERSEDED
}

-- Certificates (issue 6). One per course completion, issued in the completion's transaction.
-- The verification code is the public handle: unguessable (80 random bits), typed or scanned by
-- anyone to check the certificate; the id stays internal. Holder name and course title are kept as
-- they were at issue (what the PDF and the signed credential say); `state` moves from VALID to
-- EXPIRED (by the clock), REVOKED (by an admin, with a reason) or SUPERSEDED (by a renewal).
CREATE TABLE certificate (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  code            VARCHAR(16)   NOT NULL,
  credential_id   VARCHAR(36)   NOT NULL,
  person_id       BIGINT        NOT NULL,
  course_id       BIGINT        NOT NULL,
  completion_id   BIGINT        NOT NULL,
  course_version  INT           NOT NULL,
  holder_name     VARCHAR(255)  NOT NULL,
  course_code     VARCHAR(20)   NOT NULL,
  course_title    VARCHAR(200)  NOT NULL,
  issued_at       DATETIME(6)   NOT NULL,
  expires_at      DATETIME(6),
  state           VARCHAR(20)   NOT NULL,
  state_changed_at DATETIME(6)  NOT NULL,
  revoked_by      BIGINT,
  revoke_reason   VARCHAR(1000),
  superseded_by   BIGINT,
  version         BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_certificate_code UNIQUE (code),
  CONSTRAINT uk_certificate_credential UNIQUE (credential_id),
  CONSTRAINT uk_certificate_completion UNIQUE (completion_id),
  CONSTRAINT fk_certificate_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_certificate_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_certificate_completion FOREIGN KEY (completion_id) REFERENCES course_completion (id),
  CONSTRAINT fk_certificate_revoked_by FOREIGN KEY (revoked_by) REFERENCES person (id)
);
CREATE INDEX ix_certificate_person ON certificate (person_id, course_id);
-- The expiry clock looks for valid certificates whose date has passed.
CREATE INDEX ix_certificate_expiry ON certificate (state, expires_at);

-- Renewal: a person who completed a course enrols again to renew their certificate. That
-- enrolment `renews`: they redo what the course requires (lesson progress and quiz grades start
-- again; only quiz attempts started in this cycle count), and their completion issues a new
-- certificate that supersedes the old one.
ALTER TABLE enrolment ADD COLUMN renews BOOLEAN NOT NULL DEFAULT FALSE;

-- Compliance (issue 8): mandatory training requirements, each person's status against them,
-- exemptions, reminders sent, and once-a-day jobs that run on one node only.

-- "People matching X must hold course Y": every criterion that is set must match (all unset:
-- everyone). Renewal: none (as the certificate), every N months from completion, or every year on a
-- day; a grace period; newcomers have N days from when the requirement first applied to them.
CREATE TABLE requirement (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  name               VARCHAR(200)  NOT NULL,
  course_id          BIGINT        NOT NULL,
  staff_group        VARCHAR(100),
  organisation_id    BIGINT,
  job_role           VARCHAR(200),
  keycloak_group     VARCHAR(255),
  renewal_kind       VARCHAR(20)   NOT NULL,
  renewal_months     INT,
  anchor_month       INT,
  anchor_day         INT,
  grace_days         INT           NOT NULL DEFAULT 0,
  newcomer_due_days  INT           NOT NULL DEFAULT 30,
  created_at         DATETIME(6)   NOT NULL,
  updated_at         DATETIME(6)   NOT NULL,
  version            BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_requirement_name UNIQUE (name),
  CONSTRAINT fk_requirement_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_requirement_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

-- A manager or an admin exempts a person from a requirement, with a reason.
CREATE TABLE compliance_exemption (
  person_id       BIGINT         NOT NULL,
  requirement_id  BIGINT         NOT NULL,
  reason          VARCHAR(1000)  NOT NULL,
  granted_by      BIGINT         NOT NULL,
  granted_at      DATETIME(6)    NOT NULL,
  PRIMARY KEY (person_id, requirement_id),
  CONSTRAINT fk_exemption_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_exemption_requirement FOREIGN KEY (requirement_id) REFERENCES requirement (id) ON DELETE CASCADE,
  CONSTRAINT fk_exemption_granted_by FOREIGN KEY (granted_by) REFERENCES person (id)
);

-- Each person's status against each requirement that applies to them, kept current: recomputed
-- when a certificate is issued or revoked, when a requirement changes, when the person's groups
-- change at sign-in, and once a day (dates move on).
CREATE TABLE compliance_status (
  person_id        BIGINT       NOT NULL,
  requirement_id   BIGINT       NOT NULL,
  organisation_id  BIGINT,
  status           VARCHAR(20)  NOT NULL,
  applies_since    DATE         NOT NULL,
  completed_on     DATE,
  valid_until      DATE,
  due_date         DATE,
  changed_at       DATETIME(6)  NOT NULL,
  PRIMARY KEY (person_id, requirement_id),
  CONSTRAINT fk_compliance_status_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_compliance_status_requirement FOREIGN KEY (requirement_id) REFERENCES requirement (id) ON DELETE CASCADE
);
CREATE INDEX ix_compliance_status_organisation ON compliance_status (organisation_id, requirement_id);
CREATE INDEX ix_compliance_status_requirement ON compliance_status (requirement_id, status);

-- The HR feed of status changes: numbered from their own counter row, taken under a row lock held
-- until commit (as the completions feed), so a client that stores the last number never misses
-- one. Kept when a requirement is removed (history).
INSERT INTO feed_counter (id, last_sequence) VALUES (2, 0);
CREATE TABLE compliance_change (
  sequence_no       BIGINT        NOT NULL,
  change_id         VARCHAR(36)   NOT NULL,
  occurred_at       DATETIME(6)   NOT NULL,
  person_id         BIGINT        NOT NULL,
  staff_number      VARCHAR(50),
  email             VARCHAR(320),
  organisation_id   BIGINT,
  requirement_id    BIGINT        NOT NULL,
  requirement_name  VARCHAR(200)  NOT NULL,
  course_code       VARCHAR(20)   NOT NULL,
  status            VARCHAR(20)   NOT NULL,
  previous_status   VARCHAR(20),
  valid_until       DATE,
  due_date          DATE,
  PRIMARY KEY (sequence_no),
  CONSTRAINT uk_compliance_change UNIQUE (change_id),
  CONSTRAINT fk_compliance_change_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_compliance_change_organisation ON compliance_change (organisation_id, sequence_no);

-- Reminders sent, so that none goes twice: kind is 'expiry', 'overdue' or 'digest'; about is the
-- date the reminder is about (valid-until, due date, or the digest's week).
CREATE TABLE reminder_sent (
  person_id       BIGINT       NOT NULL,
  requirement_id  BIGINT       NOT NULL,
  kind            VARCHAR(20)  NOT NULL,
  about           DATE         NOT NULL,
  sent_at         DATETIME(6)  NOT NULL,
  PRIMARY KEY (person_id, requirement_id, kind, about),
  CONSTRAINT fk_reminder_person FOREIGN KEY (person_id) REFERENCES person (id)
);

-- Scheduled jobs that must run once a period whatever the number of nodes: a node runs the job
-- only if it moves last_run_on forward (one UPDATE; the row lock lets one node win).
CREATE TABLE scheduled_job (
  name         VARCHAR(50)  NOT NULL,
  last_run_on  DATE,
  PRIMARY KEY (name)
);
INSERT INTO scheduled_job (name, last_run_on) VALUES ('compliance-daily', NULL);

-- People may opt out of non-essential emails (reminders before expiry, digests); overdue notices
-- are essential.
ALTER TABLE person ADD COLUMN email_opt_out BOOLEAN NOT NULL DEFAULT FALSE;
-- Who held the manager role at their last sign-in (managers get the weekly digest).
ALTER TABLE person ADD COLUMN is_manager BOOLEAN NOT NULL DEFAULT FALSE;

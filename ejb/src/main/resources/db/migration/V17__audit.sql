-- The audit log (issue 9): an append-only record of who did what to whom and when. Rows are only
-- ever inserted: no code updates or deletes them, and on MySQL/MariaDB triggers refuse it (created
-- at start-up by Migrations, as they need the database's own syntax). Entries hold ids, never
-- names or emails, so that erasing a person leaves nothing personal here.
CREATE TABLE audit_entry (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at    DATETIME(6)   NOT NULL,
  actor_id       BIGINT,
  actor_client   VARCHAR(255),
  action         VARCHAR(50)   NOT NULL,
  person_id      BIGINT,
  subject_type   VARCHAR(50),
  subject_id     VARCHAR(100),
  before_value   MEDIUMTEXT,
  after_value    MEDIUMTEXT,
  PRIMARY KEY (id)
);
CREATE INDEX ix_audit_occurred ON audit_entry (occurred_at);
CREATE INDEX ix_audit_person ON audit_entry (person_id, occurred_at);
CREATE INDEX ix_audit_actor ON audit_entry (actor_id, occurred_at);
CREATE INDEX ix_audit_action ON audit_entry (action, occurred_at);

-- Realm roles at the last sign-in, for the admin console (comma-separated); when a person was
-- erased (personal data removed or pseudonymised).
ALTER TABLE person ADD COLUMN realm_roles VARCHAR(500);
ALTER TABLE person ADD COLUMN erased_at DATETIME(6);

-- Retention runs once a day on one node (see compliance's scheduled jobs).
INSERT INTO scheduled_job (name, last_run_on) VALUES ('retention-daily', NULL);

-- Bulk enrolment from a CSV file (issue 5): the file is checked first and kept here as a preview;
-- nothing is enrolled until its owner confirms, and then every valid row in one transaction. An
-- abandoned preview changes nothing. `rows_json` holds each row, its problem and, once applied, what
-- happened to it (the report).
CREATE TABLE enrolment_batch (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  created_by   BIGINT        NOT NULL,
  created_at   DATETIME(6)   NOT NULL,
  file_name    VARCHAR(255)  NOT NULL,
  row_count    INT           NOT NULL,
  valid_count  INT           NOT NULL,
  state        VARCHAR(20)   NOT NULL,
  applied_at   DATETIME(6),
  rows_json    MEDIUMTEXT    NOT NULL,
  version      BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT fk_enrolment_batch_person FOREIGN KEY (created_by) REFERENCES person (id)
);
CREATE INDEX ix_enrolment_batch_creator ON enrolment_batch (created_by, created_at);

-- The HR completions feed (issue 7): every change to a completion or its certificate (completed,
-- renewed, expired, revoked), numbered in commit order. A writer takes the next number from
-- `feed_counter` under a row lock held until it commits, so a number is never visible before every
-- smaller number is: a client that remembers the last number it read can sync forever without
-- missing a change or seeing one twice, whatever commits concurrently.
CREATE TABLE feed_counter (
  id             INT     NOT NULL,
  last_sequence  BIGINT  NOT NULL,
  PRIMARY KEY (id)
);
INSERT INTO feed_counter (id, last_sequence) VALUES (1, 0);

CREATE TABLE completion_change (
  sequence_no      BIGINT        NOT NULL,
  change_id        VARCHAR(36)   NOT NULL,
  change_type      VARCHAR(20)   NOT NULL,
  occurred_at      DATETIME(6)   NOT NULL,
  person_id        BIGINT        NOT NULL,
  organisation_id  BIGINT,
  course_id        BIGINT        NOT NULL,
  course_code      VARCHAR(20)   NOT NULL,
  course_version   INT           NOT NULL,
  completion_id    BIGINT        NOT NULL,
  certificate_id   BIGINT,
  completed_at     DATETIME(6)   NOT NULL,
  expires_at       DATETIME(6),
  certificate_state VARCHAR(20),
  PRIMARY KEY (sequence_no),
  CONSTRAINT uk_completion_change UNIQUE (change_id),
  CONSTRAINT fk_completion_change_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_completion_change_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_completion_change_completion FOREIGN KEY (completion_id) REFERENCES course_completion (id)
);
CREATE INDEX ix_completion_change_occurred ON completion_change (occurred_at, sequence_no);
CREATE INDEX ix_completion_change_course ON completion_change (course_id, sequence_no);
CREATE INDEX ix_completion_change_person ON completion_change (person_id, sequence_no);
CREATE INDEX ix_completion_change_organisation ON completion_change (organisation_id, sequence_no);

-- Idempotent writes of the HR API: the first response to a client's Idempotency-Key, replayed when
-- the same key comes with the same request, refused (409) when it comes with another one.
CREATE TABLE idempotent_request (
  client_id     VARCHAR(255)  NOT NULL,
  request_key   VARCHAR(255)  NOT NULL,
  request_hash  CHAR(64)      NOT NULL,
  status        INT           NOT NULL,
  response_body MEDIUMTEXT,
  location      VARCHAR(1000),
  created_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (client_id, request_key)
);

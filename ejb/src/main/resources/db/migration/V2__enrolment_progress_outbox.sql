-- Enrolment, progress, completion and the outbox of domain events.
-- The entities and boundaries that use these tables arrive with the learner issue; the shapes are
-- fixed here so that the unique rules live in the database from the start.

-- One live enrolment per person and course: `live` is TRUE while the enrolment is requested,
-- waitlisted or enrolled and NULL once it has ended (completed, withdrawn, rejected). A unique
-- index ignores NULLs in MySQL, MariaDB and H2 alike, so ended cycles can pile up beside one live one.
CREATE TABLE enrolment (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  person_id     BIGINT       NOT NULL,
  course_id     BIGINT       NOT NULL,
  state         VARCHAR(20)  NOT NULL,
  live          BOOLEAN,
  cycle         INT          NOT NULL DEFAULT 1,
  course_version INT         NOT NULL,
  due_date      DATE,
  requested_at  DATETIME(6)  NOT NULL,
  enrolled_at   DATETIME(6),
  ended_at      DATETIME(6),
  decision_reason VARCHAR(1000),
  version       BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_enrolment_live UNIQUE (person_id, course_id, live),
  CONSTRAINT fk_enrolment_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_enrolment_course FOREIGN KEY (course_id) REFERENCES course (id)
);
CREATE INDEX ix_enrolment_course_state ON enrolment (course_id, state);

CREATE TABLE lesson_progress (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  person_id       BIGINT       NOT NULL,
  lesson_id       BIGINT       NOT NULL,
  state           VARCHAR(20)  NOT NULL,
  last_position   VARCHAR(100),
  first_viewed_at DATETIME(6)  NOT NULL,
  completed_at    DATETIME(6),
  updated_at      DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_lesson_progress UNIQUE (person_id, lesson_id),
  CONSTRAINT fk_lesson_progress_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_lesson_progress_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
);

CREATE TABLE course_completion (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  enrolment_id    BIGINT        NOT NULL,
  person_id       BIGINT        NOT NULL,
  course_id       BIGINT        NOT NULL,
  course_version  INT           NOT NULL,
  score_percent   DECIMAL(5,2),
  completed_at    DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_course_completion_enrolment UNIQUE (enrolment_id),
  CONSTRAINT fk_course_completion_enrolment FOREIGN KEY (enrolment_id) REFERENCES enrolment (id),
  CONSTRAINT fk_course_completion_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_course_completion_course FOREIGN KEY (course_id) REFERENCES course (id)
);

-- Domain events that leave the system, written in the same transaction as the change they report.
CREATE TABLE outbox_event (
  id              BIGINT        NOT NULL AUTO_INCREMENT,
  event_id        CHAR(36)      NOT NULL,
  event_type      VARCHAR(50)   NOT NULL,
  occurred_at     DATETIME(6)   NOT NULL,
  aggregate_type  VARCHAR(50)   NOT NULL,
  aggregate_id    VARCHAR(100)  NOT NULL,
  payload         MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_outbox_event_event_id UNIQUE (event_id)
);

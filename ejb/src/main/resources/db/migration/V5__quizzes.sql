-- Quizzes (issue 4): question banks with categories per course, quizzes with their settings and
-- slots, per-person overrides, attempts with their frozen layout, autosaved responses, and each
-- person's grade per quiz. Runs on MySQL 8.4, MariaDB 10.11 and H2.

CREATE TABLE question_category (
  id         BIGINT        NOT NULL AUTO_INCREMENT,
  course_id  BIGINT        NOT NULL,
  name       VARCHAR(200)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_question_category UNIQUE (course_id, name),
  CONSTRAINT fk_question_category_course FOREIGN KEY (course_id) REFERENCES course (id)
);

-- A question of a bank. `definition` holds the type's own parts as JSON (options and which are
-- right, tolerance, accepted answers, items, pairs), read only on the server.
CREATE TABLE question (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  category_id  BIGINT        NOT NULL,
  question_key VARCHAR(50)   NOT NULL,
  type         VARCHAR(20)   NOT NULL,
  prompt       VARCHAR(2000) NOT NULL,
  feedback     VARCHAR(2000),
  points       DECIMAL(6,2)  NOT NULL DEFAULT 1,
  definition   MEDIUMTEXT    NOT NULL,
  version      BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_question_key UNIQUE (category_id, question_key),
  CONSTRAINT fk_question_category FOREIGN KEY (category_id) REFERENCES question_category (id)
);

CREATE TABLE quiz (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  course_id            BIGINT        NOT NULL,
  module_id            BIGINT,
  title                VARCHAR(200)  NOT NULL,
  intro                VARCHAR(2000),
  time_limit_seconds   INT,
  opens_at             DATETIME(6),
  closes_at            DATETIME(6),
  max_attempts         INT,
  pass_percent         DECIMAL(5,2)  NOT NULL,
  grading_method       VARCHAR(10)   NOT NULL,
  shuffle_questions    BOOLEAN       NOT NULL,
  shuffle_options      BOOLEAN       NOT NULL,
  one_per_page         BOOLEAN       NOT NULL,
  required             BOOLEAN       NOT NULL,
  review_after_submit  VARCHAR(100)  NOT NULL,
  review_after_close   VARCHAR(100)  NOT NULL,
  version              BIGINT        NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT fk_quiz_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_quiz_module FOREIGN KEY (module_id) REFERENCES course_module (id)
);
CREATE INDEX ix_quiz_course ON quiz (course_id);

-- A quiz's slots in order: a fixed question, or N questions drawn at random from a category.
CREATE TABLE quiz_slot (
  id           BIGINT  NOT NULL AUTO_INCREMENT,
  quiz_id      BIGINT  NOT NULL,
  position     INT     NOT NULL,
  question_id  BIGINT,
  category_id  BIGINT,
  draw_count   INT,
  PRIMARY KEY (id),
  CONSTRAINT uk_quiz_slot UNIQUE (quiz_id, position),
  CONSTRAINT fk_quiz_slot_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
  CONSTRAINT fk_quiz_slot_question FOREIGN KEY (question_id) REFERENCES question (id),
  CONSTRAINT fk_quiz_slot_category FOREIGN KEY (category_id) REFERENCES question_category (id)
);

-- What one person gets on one quiz beyond the settings: extra attempts, a later close, more time.
CREATE TABLE quiz_override (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  quiz_id         BIGINT       NOT NULL,
  person_id       BIGINT       NOT NULL,
  extra_attempts  INT          NOT NULL DEFAULT 0,
  closes_at       DATETIME(6),
  extra_minutes   INT          NOT NULL DEFAULT 0,
  set_by          BIGINT       NOT NULL,
  set_at          DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_quiz_override UNIQUE (quiz_id, person_id),
  CONSTRAINT fk_quiz_override_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
  CONSTRAINT fk_quiz_override_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_quiz_override_set_by FOREIGN KEY (set_by) REFERENCES person (id)
);

-- One attempt. `is_open` is TRUE while in progress and NULL once submitted: the unique index on
-- (quiz, person, is_open) allows one open attempt per person and quiz beside any number of finished
-- ones. `layout` freezes the questions, their order and their options' order at start.
-- `sequence` grows with every accepted save; a form from an older page carries an older number.
CREATE TABLE quiz_attempt (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  quiz_id       BIGINT        NOT NULL,
  person_id     BIGINT        NOT NULL,
  attempt_number INT          NOT NULL,
  state         VARCHAR(20)   NOT NULL,
  is_open       BOOLEAN,
  started_at    DATETIME(6)   NOT NULL,
  deadline_at   DATETIME(6),
  submitted_at  DATETIME(6),
  submitted_by  VARCHAR(20),
  sequence_no   INT           NOT NULL DEFAULT 0,
  slot_count    INT           NOT NULL,
  score         DECIMAL(9,4),
  max_score     DECIMAL(9,4)  NOT NULL,
  score_percent DECIMAL(5,2),
  passed        BOOLEAN,
  layout        MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_quiz_attempt_open UNIQUE (quiz_id, person_id, is_open),
  CONSTRAINT uk_quiz_attempt_number UNIQUE (quiz_id, person_id, attempt_number),
  CONSTRAINT fk_quiz_attempt_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
  CONSTRAINT fk_quiz_attempt_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_quiz_attempt_deadline ON quiz_attempt (is_open, deadline_at);
CREATE INDEX ix_quiz_attempt_person ON quiz_attempt (person_id, quiz_id);

-- The latest saved answer to one slot of an attempt, stamped with the time the server received it;
-- its mark once the attempt is graded. Keyed by (attempt, slot), so that a save's new rows are
-- inserted in one JDBC batch.
CREATE TABLE attempt_response (
  attempt_id   BIGINT        NOT NULL,
  slot         INT           NOT NULL,
  answer       TEXT          NOT NULL,
  saved_at     DATETIME(6)   NOT NULL,
  fraction     DECIMAL(5,4),
  answered     BOOLEAN,
  PRIMARY KEY (attempt_id, slot),
  CONSTRAINT fk_attempt_response_attempt FOREIGN KEY (attempt_id) REFERENCES quiz_attempt (id)
);

-- A person's grade on a quiz across their submitted attempts, by the quiz's grading method.
CREATE TABLE quiz_grade (
  id                  BIGINT        NOT NULL AUTO_INCREMENT,
  quiz_id             BIGINT        NOT NULL,
  person_id           BIGINT        NOT NULL,
  attempts_submitted  INT           NOT NULL,
  grade_percent       DECIMAL(5,2)  NOT NULL,
  passed              BOOLEAN       NOT NULL,
  first_passed_at     DATETIME(6),
  updated_at          DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_quiz_grade UNIQUE (quiz_id, person_id),
  CONSTRAINT fk_quiz_grade_quiz FOREIGN KEY (quiz_id) REFERENCES quiz (id),
  CONSTRAINT fk_quiz_grade_person FOREIGN KEY (person_id) REFERENCES person (id)
);

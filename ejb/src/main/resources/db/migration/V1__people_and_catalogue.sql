-- People, organisations and the course catalogue.
-- Portable between MySQL 8.4 / MariaDB 10.11 and H2 2.x in MySQL mode (the embedded default for
-- ./upskill start): no vendor table options, no ENUM types, DATETIME(6) holds UTC instants.
-- Every table has a primary key (Galera); uniqueness that matters is a unique index.

CREATE TABLE organisation (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  name        VARCHAR(200) NOT NULL,
  ods_code    VARCHAR(20),
  created_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_organisation_name UNIQUE (name)
);

CREATE TABLE person (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  subject             VARCHAR(255) NOT NULL,
  username            VARCHAR(255) NOT NULL,
  display_name        VARCHAR(255) NOT NULL,
  email               VARCHAR(320),
  organisation_id     BIGINT,
  staff_group         VARCHAR(100),
  job_role            VARCHAR(200),
  staff_number        VARCHAR(50),
  extra_time_percent  INT          NOT NULL DEFAULT 0,
  first_seen_at       DATETIME(6)  NOT NULL,
  last_seen_at        DATETIME(6)  NOT NULL,
  version             BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_person_subject UNIQUE (subject),
  CONSTRAINT fk_person_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);
CREATE INDEX ix_person_email ON person (email);
CREATE INDEX ix_person_staff_number ON person (staff_number);

-- Keycloak groups the person belonged to at their last sign-in (who they are: NHS staff, tech learner…).
CREATE TABLE person_group (
  person_id   BIGINT       NOT NULL,
  group_name  VARCHAR(255) NOT NULL,
  PRIMARY KEY (person_id, group_name),
  CONSTRAINT fk_person_group_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE skill (
  id    BIGINT       NOT NULL AUTO_INCREMENT,
  code  VARCHAR(50)  NOT NULL,
  name  VARCHAR(100) NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_skill_code UNIQUE (code)
);

CREATE TABLE course (
  id                BIGINT       NOT NULL AUTO_INCREMENT,
  code              VARCHAR(20)  NOT NULL,
  title             VARCHAR(200) NOT NULL,
  summary           VARCHAR(1000) NOT NULL,
  level             VARCHAR(20)  NOT NULL,
  duration_minutes  INT          NOT NULL,
  audience          VARCHAR(20)  NOT NULL,
  enrolment_mode    VARCHAR(20)  NOT NULL,
  capacity          INT,
  renewal_months    INT,
  status            VARCHAR(20)  NOT NULL,
  content_version   INT          NOT NULL DEFAULT 1,
  created_at        DATETIME(6)  NOT NULL,
  updated_at        DATETIME(6)  NOT NULL,
  version           BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (id),
  CONSTRAINT uk_course_code UNIQUE (code)
);

CREATE TABLE course_outcome (
  course_id  BIGINT       NOT NULL,
  position   INT          NOT NULL,
  outcome    VARCHAR(500) NOT NULL,
  PRIMARY KEY (course_id, position),
  CONSTRAINT fk_course_outcome_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);

CREATE TABLE course_skill (
  course_id  BIGINT NOT NULL,
  skill_id   BIGINT NOT NULL,
  PRIMARY KEY (course_id, skill_id),
  CONSTRAINT fk_course_skill_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
  CONSTRAINT fk_course_skill_skill FOREIGN KEY (skill_id) REFERENCES skill (id)
);

CREATE TABLE course_prerequisite (
  course_id        BIGINT NOT NULL,
  prerequisite_id  BIGINT NOT NULL,
  PRIMARY KEY (course_id, prerequisite_id),
  CONSTRAINT fk_course_prerequisite_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE,
  CONSTRAINT fk_course_prerequisite_prerequisite FOREIGN KEY (prerequisite_id) REFERENCES course (id)
);

CREATE TABLE course_module (
  id         BIGINT        NOT NULL AUTO_INCREMENT,
  course_id  BIGINT        NOT NULL,
  position   INT           NOT NULL,
  title      VARCHAR(200)  NOT NULL,
  summary    VARCHAR(1000),
  PRIMARY KEY (id),
  CONSTRAINT uk_course_module_position UNIQUE (course_id, position),
  CONSTRAINT fk_course_module_course FOREIGN KEY (course_id) REFERENCES course (id) ON DELETE CASCADE
);

CREATE TABLE lesson (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  module_id      BIGINT        NOT NULL,
  position       INT           NOT NULL,
  title          VARCHAR(200)  NOT NULL,
  body_markdown  MEDIUMTEXT    NOT NULL,
  minutes        INT           NOT NULL,
  required       BOOLEAN       NOT NULL DEFAULT TRUE,
  PRIMARY KEY (id),
  CONSTRAINT uk_lesson_position UNIQUE (module_id, position),
  CONSTRAINT fk_lesson_module FOREIGN KEY (module_id) REFERENCES course_module (id) ON DELETE CASCADE
);

-- A career pathway: a role from the seed, its skills and the ordered courses that lead there.
CREATE TABLE pathway (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  code         VARCHAR(50)   NOT NULL,
  title        VARCHAR(200)  NOT NULL,
  summary      VARCHAR(1000) NOT NULL,
  description  MEDIUMTEXT    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_pathway_code UNIQUE (code)
);

CREATE TABLE pathway_skill (
  pathway_id  BIGINT NOT NULL,
  skill_id    BIGINT NOT NULL,
  PRIMARY KEY (pathway_id, skill_id),
  CONSTRAINT fk_pathway_skill_pathway FOREIGN KEY (pathway_id) REFERENCES pathway (id) ON DELETE CASCADE,
  CONSTRAINT fk_pathway_skill_skill FOREIGN KEY (skill_id) REFERENCES skill (id)
);

CREATE TABLE pathway_course (
  pathway_id  BIGINT NOT NULL,
  position    INT    NOT NULL,
  course_id   BIGINT NOT NULL,
  PRIMARY KEY (pathway_id, position),
  CONSTRAINT uk_pathway_course UNIQUE (pathway_id, course_id),
  CONSTRAINT fk_pathway_course_pathway FOREIGN KEY (pathway_id) REFERENCES pathway (id) ON DELETE CASCADE,
  CONSTRAINT fk_pathway_course_course FOREIGN KEY (course_id) REFERENCES course (id)
);

-- Authoring (issue 5), fourth part: rule-based enrolment.
-- "Everyone in Keycloak group X" or "everyone in staff group Y" is enrolled on the course at their
-- next sign-in, and by a sync that a course's owner or an admin starts. A rule enrols only people
-- who have never been on the course (someone who left or completed it is not put back).
CREATE TABLE enrolment_rule (
  id           BIGINT        NOT NULL AUTO_INCREMENT,
  course_id    BIGINT        NOT NULL,
  kind         VARCHAR(20)   NOT NULL,
  match_value  VARCHAR(255)  NOT NULL,
  due_days     INT,
  created_by   BIGINT        NOT NULL,
  created_at   DATETIME(6)   NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_enrolment_rule UNIQUE (course_id, kind, match_value),
  CONSTRAINT fk_enrolment_rule_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_enrolment_rule_person FOREIGN KEY (created_by) REFERENCES person (id)
);
CREATE INDEX ix_enrolment_rule_match ON enrolment_rule (kind, match_value);

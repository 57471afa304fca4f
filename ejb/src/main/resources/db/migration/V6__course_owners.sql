-- Authoring (issue 5): who owns a course. A trainer edits the courses they own or co-own; an admin
-- edits all. Courses without an owner (the demo catalogue) are edited by admins.
CREATE TABLE course_owner (
  course_id  BIGINT       NOT NULL,
  person_id  BIGINT       NOT NULL,
  added_by   BIGINT       NOT NULL,
  added_at   DATETIME(6)  NOT NULL,
  PRIMARY KEY (course_id, person_id),
  CONSTRAINT fk_course_owner_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_course_owner_person FOREIGN KEY (person_id) REFERENCES person (id),
  CONSTRAINT fk_course_owner_added_by FOREIGN KEY (added_by) REFERENCES person (id)
);
CREATE INDEX ix_course_owner_person ON course_owner (person_id);

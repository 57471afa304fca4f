-- Authoring (issue 5), third part: new versions of a published course.
-- Modules (with their lessons) and quizzes belong to one version of their course. Learners study
-- the version of their enrolment; trainers edit a draft of the next version (`draft_version`) while
-- learners go on with the published one (`content_version`). Publishing the draft makes it the
-- version new enrolments start on; the rows of earlier versions stay, unchanged, for the learners
-- still on them and for audit.
ALTER TABLE course ADD COLUMN draft_version INT;

ALTER TABLE course_module ADD COLUMN course_version INT NOT NULL DEFAULT 1;
-- The new unique index first: it also serves the foreign key on course_id that the old one served.
CREATE UNIQUE INDEX uk_course_module_version_position
  ON course_module (course_id, course_version, position);
ALTER TABLE course_module DROP CONSTRAINT uk_course_module_position;

-- A lesson's and a quiz's key stays the same from version to version: it says "the same lesson"
-- when learners move to a newer version (their progress follows) and when versions are compared.
ALTER TABLE lesson ADD COLUMN lesson_key VARCHAR(40);
UPDATE lesson SET lesson_key = CONCAT('L', id);

ALTER TABLE quiz ADD COLUMN course_version INT NOT NULL DEFAULT 1;
ALTER TABLE quiz ADD COLUMN quiz_key VARCHAR(40);
UPDATE quiz SET quiz_key = CONCAT('Q', id);
CREATE INDEX ix_quiz_course_version ON quiz (course_id, course_version);

-- Authoring (issue 5), second part.
-- Lessons are saved with an optimistic-lock check: a save based on an older version is a conflict.
ALTER TABLE lesson ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

-- Every publication of a course, kept for good: who published it, when, what it held (counts for
-- the history list) and the whole content as published (JSON), so that a later version can be
-- compared with it and an audit can see exactly what a learner completed.
CREATE TABLE course_publication (
  course_id       BIGINT       NOT NULL,
  version_no      INT          NOT NULL,
  published_at    DATETIME(6)  NOT NULL,
  published_by    BIGINT       NOT NULL,
  module_count    INT          NOT NULL,
  lesson_count    INT          NOT NULL,
  quiz_count      INT          NOT NULL,
  content         MEDIUMTEXT   NOT NULL,
  PRIMARY KEY (course_id, version_no),
  CONSTRAINT fk_course_publication_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_course_publication_person FOREIGN KEY (published_by) REFERENCES person (id)
);

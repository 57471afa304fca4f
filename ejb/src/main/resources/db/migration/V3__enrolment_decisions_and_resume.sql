-- What the learner issue adds to enrolment: who decided on a request, a notice for a learner who
-- was moved from the waitlist onto the course (shown on their next visit), and where to resume.
ALTER TABLE enrolment ADD COLUMN decided_by BIGINT;
ALTER TABLE enrolment ADD COLUMN decided_at DATETIME(6);
ALTER TABLE enrolment ADD COLUMN promoted_unseen BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE enrolment ADD COLUMN last_lesson_id BIGINT;
ALTER TABLE enrolment ADD CONSTRAINT fk_enrolment_decided_by FOREIGN KEY (decided_by) REFERENCES person (id);
CREATE INDEX ix_enrolment_person_state ON enrolment (person_id, state);
CREATE INDEX ix_lesson_progress_person ON lesson_progress (person_id, updated_at);

-- 1,000,000 completions for the feed benchmark (MariaDB: uses its SEQUENCE engine's seq_ tables).
-- 10,000 people x 100 courses, each with an enrolment (completed), a completion, a certificate and
-- one "completed" change in the feed, numbered 1..1,000,000 course by course, so that the 1,000
-- changes of a page are 1,000 different people (as in a real feed, where one person's completions
-- are far apart: each page looks up the external ids of a thousand people). The dates are recent
-- (completed in the last three weeks, a second apart) and the certificates valid for a year, so
-- that nothing expires while the benchmark runs: the server measured does the feed's work, not the
-- certificate clock's.
SET @enrolled = NOW(6) - INTERVAL 40 DAY;
SET @completed = NOW(6) - INTERVAL 21 DAY;
-- numbered after what the feed holds already (the demo data's completions)
SET @feed = (SELECT last_sequence FROM feed_counter WHERE id = 1);
SET SESSION foreign_key_checks = 0;
SET SESSION unique_checks = 0;

INSERT INTO organisation (name, ods_code, created_at)
SELECT CONCAT('Bench Trust ', seq), CONCAT('B', seq), NOW(6) FROM seq_1_to_10;

INSERT INTO person (subject, username, display_name, email, organisation_id, staff_group,
                    job_role, staff_number, first_seen_at, last_seen_at)
SELECT CONCAT('bench-', seq), CONCAT('bench', seq), CONCAT('Bench Person ', seq),
       CONCAT('bench', seq, '@example.org'),
       (SELECT MIN(id) FROM organisation WHERE name LIKE 'Bench Trust %') + seq % 10,
       'Nursing and midwifery', 'Staff nurse', CONCAT('BN', LPAD(seq, 7, '0')), NOW(6), NOW(6)
FROM seq_1_to_10000;

INSERT INTO course (code, title, summary, level, duration_minutes, audience, enrolment_mode,
                    status, content_version, created_at, updated_at)
SELECT CONCAT('BENCH-', seq), CONCAT('Bench course ', seq), 'For the feed benchmark.',
       'INTRODUCTORY', 60, 'BOTH', 'SELF', 'PUBLISHED', 1, NOW(6), NOW(6)
FROM seq_1_to_100;

CREATE TEMPORARY TABLE bench_pairs (n INT PRIMARY KEY, person_id BIGINT, course_id BIGINT);
INSERT INTO bench_pairs
SELECT (c.rn - 1) * 10000 + p.rn, p.id, c.id
FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id) rn FROM person WHERE subject LIKE 'bench-%') p
CROSS JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) rn FROM course WHERE code LIKE 'BENCH-%') c;

INSERT INTO enrolment (id, person_id, course_id, state, live, cycle, course_version, requested_at,
                       enrolled_at, ended_at)
SELECT 10000000 + n, person_id, course_id, 'COMPLETED', NULL, 1, 1,
       @enrolled + INTERVAL n SECOND, @enrolled + INTERVAL n SECOND,
       @completed + INTERVAL n SECOND
FROM bench_pairs;

INSERT INTO course_completion (id, enrolment_id, person_id, course_id, course_version,
                               score_percent, completed_at)
SELECT 10000000 + n, 10000000 + n, person_id, course_id, 1, 80 + n % 20,
       @completed + INTERVAL n SECOND
FROM bench_pairs;

INSERT INTO certificate (id, code, credential_id, person_id, course_id, completion_id,
                         course_version, holder_name, course_code, course_title, issued_at,
                         expires_at, state, state_changed_at)
SELECT 10000000 + b.n, LPAD(CONV(b.n, 10, 32), 16, '0'), UUID(), b.person_id, b.course_id,
       10000000 + b.n, 1, CONCAT('Bench Person ', b.person_id), c.code, c.title,
       @completed + INTERVAL b.n SECOND,
       @completed + INTERVAL 1 YEAR + INTERVAL b.n SECOND, 'VALID',
       @completed + INTERVAL b.n SECOND
FROM bench_pairs b JOIN course c ON c.id = b.course_id;

INSERT INTO completion_change (sequence_no, change_id, change_type, occurred_at, person_id,
                               organisation_id, course_id, course_code, course_version,
                               completion_id, certificate_id, completed_at, expires_at,
                               certificate_state, verification_code, score_percent)
SELECT @feed + b.n, UUID(), 'completed', @completed + INTERVAL b.n SECOND, b.person_id,
       p.organisation_id, b.course_id, c.code, 1, 10000000 + b.n, 10000000 + b.n,
       @completed + INTERVAL b.n SECOND,
       @completed + INTERVAL 1 YEAR + INTERVAL b.n SECOND, 'valid',
       LPAD(CONV(b.n, 10, 32), 16, '0'), 80 + b.n % 20
FROM bench_pairs b JOIN person p ON p.id = b.person_id JOIN course c ON c.id = b.course_id;

UPDATE feed_counter SET last_sequence = (SELECT MAX(sequence_no) FROM completion_change) WHERE id = 1;

SET SESSION unique_checks = 1;
SET SESSION foreign_key_checks = 1;

SELECT (SELECT COUNT(*) FROM completion_change) AS changes,
       (SELECT COUNT(*) FROM course_completion) AS completions,
       (SELECT COUNT(*) FROM person) AS people;

-- Benchmark data for Upskill on MariaDB 10.11 (bench/run.sh runs it against upskill_bench).
--
-- Tops the catalogue up to 1,000 courses and adds 10,000 synthetic learners, 20 synthetic NHS-like
-- organisations and 20,000 enrolments, all set-based (INSERT ... SELECT from MariaDB's sequence
-- tables seq_1_to_N), so it takes seconds. Idempotent: every insert skips rows that are already
-- there, so a second run adds nothing.
--
-- It runs AFTER Upskill started on the database: Flyway created the schema
-- (ejb/src/main/resources/db/migration) and the demo content put the skills and 6 courses there.
-- Everything it adds is recognisable: course codes BENCH-0001..., user names learner00001...,
-- subjects b3c4e000-0000-4000-8000-000000000001..., organisations with ODS codes ZB001...
-- All names are invented; e-mail addresses are @example.org.
--
-- MariaDB only (sequence engine, ELT); never run it against a real database.

SET @target_courses := 1000;
SET @target_learners := 10000;
SET @now := UTC_TIMESTAMP(6);   -- Upskill stores instants as UTC

-- --- organisations -------------------------------------------------------------------------------
INSERT INTO organisation (name, ods_code, created_at)
SELECT o.name, o.ods_code, @now
FROM (
  SELECT CONCAT(
           ELT(s.seq, 'Ashdown Vale', 'Brackenford', 'Carrow Bridge', 'Dunmere', 'Elmstead',
               'Fernhill', 'Glenmoor', 'Hartwell', 'Kestrel Bay', 'Larkmoor', 'Millbeck',
               'Northam Cross', 'Oakhaven', 'Pennick', 'Quarrydown', 'Redwater', 'Stonebury',
               'Thornvale', 'Upton Marsh', 'Westerleigh'),
           ' ',
           ELT(1 + s.seq % 5, 'Hospitals NHS Foundation Trust', 'University Hospitals NHS Trust',
               'Community Health NHS Trust', 'Mental Health NHS Foundation Trust',
               'Integrated Care Board')) AS name,
         CONCAT('ZB', LPAD(s.seq, 3, '0')) AS ods_code
  FROM seq_1_to_20 s
) o
WHERE NOT EXISTS (SELECT 1 FROM organisation x WHERE x.name = o.name);

CREATE TEMPORARY TABLE bench_org (PRIMARY KEY (rn))
SELECT id, CAST(SUBSTRING(ods_code, 3) AS UNSIGNED) AS rn
FROM organisation WHERE ods_code LIKE 'ZB___';

-- --- learners ------------------------------------------------------------------------------------
INSERT INTO person (subject, username, display_name, email, organisation_id, staff_group, job_role,
                    staff_number, first_seen_at, last_seen_at)
SELECT CONCAT('b3c4e000-0000-4000-8000-', LPAD(s.seq, 12, '0')),
       CONCAT('learner', LPAD(s.seq, 5, '0')),
       CONCAT(ELT(1 + s.seq % 20, 'Amara', 'Ben', 'Chloe', 'Dev', 'Ella', 'Farid', 'Grace', 'Harry',
                  'Imani', 'Jack', 'Kiran', 'Laura', 'Mohammed', 'Niamh', 'Oliver', 'Priya',
                  'Rhys', 'Sofia', 'Tariq', 'Zoe'),
              ' ',
              ELT(1 + (s.seq DIV 20) % 25, 'Adebayo', 'Bennett', 'Chowdhury', 'Davies', 'Evans',
                  'Fletcher', 'Gill', 'Hughes', 'Iqbal', 'Jones', 'Kaur', 'Lewis', 'Mensah',
                  'Nowak', "O'Brien", 'Patel', 'Quinn', 'Roberts', 'Singh', 'Taylor', 'Usman',
                  'Walsh', 'Williams', 'Young', 'Zielinski')),
       CONCAT('learner', LPAD(s.seq, 5, '0'), '@example.org'),
       o.id,
       ELT(1 + s.seq % 8, 'Nursing and midwifery', 'Medical and dental',
           'Allied health professionals', 'Healthcare scientists', 'Administrative and clerical',
           'Additional clinical services', 'Digital and data', 'Nursing and midwifery'),
       ELT(1 + s.seq % 8, 'Staff nurse', 'Specialty registrar', 'Radiographer', 'Clinical scientist',
           'Medical secretary', 'Healthcare assistant', 'Data analyst', 'Ward sister'),
       CONCAT('BEN-', LPAD(s.seq, 6, '0')),
       @now - INTERVAL (s.seq % 400) DAY,
       @now - INTERVAL (s.seq % 7) DAY
FROM seq_1_to_10000 s
LEFT JOIN bench_org o ON o.rn = 1 + s.seq % 20
WHERE s.seq <= @target_learners
  AND NOT EXISTS (SELECT 1 FROM person p
                  WHERE p.subject = CONCAT('b3c4e000-0000-4000-8000-', LPAD(s.seq, 12, '0')));

INSERT INTO person_group (person_id, group_name)
SELECT p.id, IF(p.staff_group = 'Digital and data', 'Tech learners', 'NHS staff')
FROM person p
WHERE p.subject LIKE 'b3c4e000-0000-4000-8000-%'
  AND NOT EXISTS (SELECT 1 FROM person_group g WHERE g.person_id = p.id);

CREATE TEMPORARY TABLE bench_person (PRIMARY KEY (n))
SELECT id, CAST(SUBSTRING(subject, 25) AS UNSIGNED) AS n
FROM person WHERE subject LIKE 'b3c4e000-0000-4000-8000-%';

-- --- courses: top the catalogue up to @target_courses ---------------------------------------------
SET @bench_courses := GREATEST(0, @target_courses
                                  - (SELECT COUNT(*) FROM course WHERE code NOT LIKE 'BENCH-%'));

-- topic = 1 + n % 12, setting = 1 + (n DIV 12) % 8, second topic = 1 + (5n + 3) % 12
INSERT INTO course (code, title, summary, level, duration_minutes, audience, enrolment_mode,
                    capacity, renewal_months, status, content_version, created_at, updated_at)
SELECT CONCAT('BENCH-', LPAD(s.seq, 4, '0')),
       CONCAT(ELT(1 + s.seq % 12, 'Python', 'Statistics', 'Medical imaging', 'UK GDPR', 'R',
                  'Machine learning', 'Clinical coding', 'Deep learning', 'Data engineering',
                  'AI ethics', 'Cloud computing', 'Clinical informatics'),
              ' ',
              ELT(1 + (s.seq DIV 12) % 8, 'for ward nurses', 'for radiographers',
                  'for pharmacists', 'for analysts', 'for junior doctors', 'for service managers',
                  'for developers', 'in primary care'),
              ' ', s.seq),
       CONCAT('A hands-on course on ',
              ELT(1 + s.seq % 12, 'Python', 'statistics', 'medical imaging', 'UK GDPR', 'R',
                  'machine learning', 'clinical coding', 'deep learning', 'data engineering',
                  'AI ethics', 'cloud computing', 'clinical informatics'),
              ' ',
              ELT(1 + (s.seq DIV 12) % 8, 'for ward nurses', 'for radiographers',
                  'for pharmacists', 'for analysts', 'for junior doctors', 'for service managers',
                  'for developers', 'in primary care'),
              ', with a look at ',
              ELT(1 + (5 * s.seq + 3) % 12, 'Python', 'statistics', 'medical imaging', 'UK GDPR',
                  'R', 'machine learning', 'clinical coding', 'deep learning', 'data engineering',
                  'AI ethics', 'cloud computing', 'clinical informatics'),
              '. You work through short exercises on synthetic patient data, learn the words ',
              'your colleagues use and finish with a small piece of work you can show at your ',
              'appraisal. No real patient data is used at any point.'),
       ELT(1 + s.seq % 3, 'INTRODUCTORY', 'INTERMEDIATE', 'ADVANCED'),
       0,  -- set below from the lessons
       ELT(1 + (s.seq DIV 3) % 3, 'NHS_STAFF', 'TECH', 'BOTH'),
       CASE WHEN s.seq % 10 = 0 THEN 'APPROVAL' WHEN s.seq % 25 = 1 THEN 'MANUAL' ELSE 'SELF' END,
       CASE WHEN s.seq % 10 = 0 THEN 20 END,
       CASE WHEN s.seq % 12 = 3 THEN 12 END,
       'PUBLISHED', 1, @now - INTERVAL (s.seq % 300) DAY, @now - INTERVAL (s.seq % 30) DAY
FROM seq_1_to_1000 s
WHERE s.seq <= @bench_courses
  AND NOT EXISTS (SELECT 1 FROM course c WHERE c.code = CONCAT('BENCH-', LPAD(s.seq, 4, '0')));

CREATE TEMPORARY TABLE bench_course (PRIMARY KEY (n))
SELECT id, CAST(SUBSTRING(code, 7) AS UNSIGNED) AS n
FROM course WHERE code LIKE 'BENCH-%';

-- 2 to 4 skills each, from the skills the demo content created
CREATE TEMPORARY TABLE bench_skill (PRIMARY KEY (rn))
SELECT id, ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn FROM skill;
SET @skills := (SELECT COUNT(*) FROM skill);

INSERT INTO course_skill (course_id, skill_id)
SELECT DISTINCT c.id, k.id
FROM bench_course c
JOIN seq_0_to_3 j ON j.seq < 2 + c.n % 3
JOIN bench_skill k ON k.rn = (c.n + 5 * j.seq) % @skills
WHERE NOT EXISTS (SELECT 1 FROM course_skill x WHERE x.course_id = c.id);

INSERT INTO course_outcome (course_id, position, outcome)
SELECT c.id, j.seq,
       ELT(j.seq + 1,
           'Explain the main ideas of the course in your own words and say where they apply in your work.',
           'Carry out the worked exercise on synthetic data on your own and check the result with a colleague.')
FROM bench_course c
JOIN seq_0_to_1 j
WHERE NOT EXISTS (SELECT 1 FROM course_outcome x WHERE x.course_id = c.id);

INSERT INTO course_module (course_id, position, title, summary)
SELECT c.id, m.seq,
       ELT(m.seq, 'Getting started', 'Working with real-world examples', 'Putting it into practice'),
       ELT(m.seq, 'Why this matters in healthcare, and the basic ideas.',
           'Worked examples on synthetic patient data.',
           'A small project, a checklist for safe practice and where to go next.')
FROM bench_course c
JOIN seq_1_to_3 m
WHERE NOT EXISTS (SELECT 1 FROM course_module x WHERE x.course_id = c.id);

INSERT INTO lesson (module_id, position, title, body_markdown, minutes, required)
SELECT m.id, l.seq,
       CONCAT('Part ', m.position, '.', l.seq, ': ',
              ELT(l.seq, 'the idea', 'an example', 'try it yourself')),
       CONCAT('## Part ', m.position, '.', l.seq, '\n\n',
              'This lesson builds on what you did before. Read it through once, then work through ',
              'the example at your own pace. Nothing here uses real patient data: every record is ',
              'synthetic and made up for teaching.\n\n',
              'In a busy clinical setting it helps to know *why* a method works, not only how to ',
              'run it. We look at a typical question from a ward or a department, the data you ',
              'would need to answer it, and the checks that keep the answer honest, such as ',
              'missing values, outliers and the size of the sample.\n\n',
              '- Write down the question in one sentence.\n',
              '- List the data items you need, and no more (UK GDPR: data minimisation).\n',
              '- Check the result with a colleague before you share it.\n\n',
              'When you are done, note one thing you would do differently next time. Python, ',
              'statistics and imaging examples appear throughout the course; the glossary at the ',
              'end of the course explains every term in plain English.\n'),
       10 + 5 * ((c.n + m.position + l.seq) % 4),
       TRUE
FROM bench_course c
JOIN course_module m ON m.course_id = c.id
JOIN seq_1_to_3 l
WHERE NOT EXISTS (SELECT 1 FROM lesson x WHERE x.module_id = m.id);

UPDATE course c
JOIN (SELECT m.course_id, SUM(l.minutes) AS minutes
      FROM course_module m JOIN lesson l ON l.module_id = m.id
      GROUP BY m.course_id) t ON t.course_id = c.id
SET c.duration_minutes = t.minutes
WHERE c.code LIKE 'BENCH-%' AND c.duration_minutes = 0;

-- --- enrolments: 2 per learner over all courses (demo courses included) -----------------------------
-- learner p, k = 0/1: course rank (37p + 331k) % courses; every third one is COMPLETED.
-- `live` is TRUE while enrolled and NULL once ended (unique index uk_enrolment_live).
CREATE TEMPORARY TABLE bench_all_course (PRIMARY KEY (rn))
SELECT id, content_version, ROW_NUMBER() OVER (ORDER BY id) - 1 AS rn FROM course;
SET @courses := (SELECT COUNT(*) FROM course);

INSERT INTO enrolment (person_id, course_id, state, live, cycle, course_version, requested_at,
                       enrolled_at, ended_at)
SELECT e.person_id, e.course_id, e.state, IF(e.state = 'ENROLLED', TRUE, NULL), 1, e.course_version,
       e.requested_at, e.requested_at + INTERVAL 1 HOUR,
       IF(e.state = 'COMPLETED', e.requested_at + INTERVAL 14 DAY, NULL)
FROM (
  SELECT p.id AS person_id, c.id AS course_id, c.content_version AS course_version,
         IF((p.n + k.seq) % 3 = 0, 'COMPLETED', 'ENROLLED') AS state,
         @now - INTERVAL (15 + (7 * p.n + 13 * k.seq) % 350) DAY AS requested_at
  FROM bench_person p
  JOIN seq_0_to_1 k
  JOIN bench_all_course c ON c.rn = (37 * p.n + 331 * k.seq) % @courses
) e
WHERE NOT EXISTS (SELECT 1 FROM enrolment x
                  WHERE x.person_id = e.person_id AND x.course_id = e.course_id);

INSERT INTO course_completion (enrolment_id, person_id, course_id, course_version, score_percent,
                               completed_at)
SELECT e.id, e.person_id, e.course_id, e.course_version, 60 + e.id % 41, e.ended_at
FROM enrolment e
JOIN bench_person p ON p.id = e.person_id
WHERE e.state = 'COMPLETED'
  AND NOT EXISTS (SELECT 1 FROM course_completion x WHERE x.enrolment_id = e.id);

-- --- what is there now ---------------------------------------------------------------------------------
SELECT (SELECT COUNT(*) FROM course WHERE status = 'PUBLISHED') AS published_courses,
       (SELECT COUNT(*) FROM person) AS persons,
       (SELECT COUNT(*) FROM organisation) AS organisations,
       (SELECT COUNT(*) FROM course_module) AS modules,
       (SELECT COUNT(*) FROM lesson) AS lessons,
       (SELECT COUNT(*) FROM course_skill) AS course_skills,
       (SELECT COUNT(*) FROM enrolment) AS enrolments,
       (SELECT COUNT(*) FROM course_completion) AS completions;

-- The "exam start" benchmark's quiz, in the benchmark database only (upskill_bench). Idempotent.
--
-- A 20-question timed quiz on PY-CLIN: the 17 PY-CLIN bank questions as fixed slots, plus three
-- simple single-choice questions in a "Bench extras" category (their definition is copied from
-- py-01). Settings are copied from the PY-CLIN demo quiz ("Check your Python"), except the title
-- and a 20-minute time limit, so that the server computes deadlines as in a real exam.
-- Prints the quiz's id as its last line.

SET @course := (SELECT id FROM course WHERE code = 'PY-CLIN');
SET @template := (SELECT MIN(id) FROM quiz WHERE course_id = @course AND title <> 'Bench: exam start (20 questions)');

INSERT IGNORE INTO question_category (course_id, name) VALUES (@course, 'Bench extras');
SET @extras := (SELECT id FROM question_category WHERE course_id = @course AND name = 'Bench extras');

INSERT IGNORE INTO question (category_id, question_key, type, prompt, feedback, points, definition)
SELECT @extras, CONCAT('bench-', n.k), 'single',
       CONCAT('Bench question ', n.k, ': which type does Python give the value `37.8`?'),
       q.feedback, 1, q.definition
FROM question q
JOIN question_category c ON c.id = q.category_id AND c.course_id = @course
CROSS JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) n
WHERE q.question_key = 'py-01';

INSERT INTO quiz (course_id, module_id, title, intro, time_limit_seconds, opens_at, closes_at,
                  max_attempts, pass_percent, grading_method, shuffle_questions, shuffle_options,
                  one_per_page, required, review_after_submit, review_after_close)
SELECT course_id, module_id, 'Bench: exam start (20 questions)',
       'Made by bench/quiz for the exam-start load benchmark.', 1200, NULL, NULL,
       max_attempts, pass_percent, grading_method, shuffle_questions, shuffle_options,
       one_per_page, required, review_after_submit, review_after_close
FROM quiz
WHERE id = @template
  AND NOT EXISTS (SELECT 1 FROM quiz WHERE course_id = @course AND title = 'Bench: exam start (20 questions)');

SET @quiz := (SELECT MIN(id) FROM quiz WHERE course_id = @course AND title = 'Bench: exam start (20 questions)');

-- 20 fixed slots: every question of the PY-CLIN bank (17 demo + 3 extras), in id order.
SET @position := 0;
INSERT IGNORE INTO quiz_slot (quiz_id, position, question_id)
SELECT @quiz, (@position := @position + 1), ordered.id
FROM (SELECT q.id FROM question q
      JOIN question_category c ON c.id = q.category_id
      WHERE c.course_id = @course
      ORDER BY q.id LIMIT 20) ordered;

SELECT @quiz AS quiz_id, (SELECT COUNT(*) FROM quiz_slot WHERE quiz_id = @quiz) AS slots;

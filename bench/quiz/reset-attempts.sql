-- Forgets every attempt and grade on the benchmark's quiz (upskill_bench only), so that the next
-- run's learners start afresh. Expects @quiz to be set by the caller.
DELETE r FROM attempt_response r JOIN quiz_attempt a ON a.id = r.attempt_id WHERE a.quiz_id = @quiz;
DELETE FROM quiz_attempt WHERE quiz_id = @quiz;
DELETE FROM quiz_grade WHERE quiz_id = @quiz;

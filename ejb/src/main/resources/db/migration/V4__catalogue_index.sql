-- The catalogue lists published courses by title: let the database read them in that order.
CREATE INDEX ix_course_status_title ON course (status, title);

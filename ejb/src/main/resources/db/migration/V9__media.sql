-- Images that trainers upload for lessons (issue 5). Kept in the database so that they survive a
-- restart and every WildFly node serves them. `media_key` is random and unguessable: it is the
-- image's address (/media/{key}); the id never leaves the server.
CREATE TABLE media (
  id            BIGINT        NOT NULL AUTO_INCREMENT,
  media_key     VARCHAR(64)   NOT NULL,
  course_id     BIGINT        NOT NULL,
  uploaded_by   BIGINT        NOT NULL,
  uploaded_at   DATETIME(6)   NOT NULL,
  file_name     VARCHAR(255)  NOT NULL,
  content_type  VARCHAR(50)   NOT NULL,
  byte_count    INT           NOT NULL,
  sha256        VARCHAR(64)   NOT NULL,
  content       MEDIUMBLOB    NOT NULL,
  PRIMARY KEY (id),
  CONSTRAINT uk_media_key UNIQUE (media_key),
  CONSTRAINT fk_media_course FOREIGN KEY (course_id) REFERENCES course (id),
  CONSTRAINT fk_media_person FOREIGN KEY (uploaded_by) REFERENCES person (id)
);

-- What the cluster-wide daily jobs did, to show that they run once per day however many nodes
-- tick: each node counts its own ticks of a job (one row per job and node: no two nodes write the
-- same row), and the job's row counts the runs, moved on by the claim that wins.
ALTER TABLE scheduled_job ADD COLUMN runs BIGINT NOT NULL DEFAULT 0;

CREATE TABLE scheduled_tick (
  job           VARCHAR(50)  NOT NULL,
  node          VARCHAR(64)  NOT NULL,
  ticks         BIGINT       NOT NULL,
  last_tick_at  DATETIME(6)  NOT NULL,
  PRIMARY KEY (job, node)
);

-- Webhooks (issue 7): HR clients subscribe an address to event types; every outbox event becomes a
-- delivery per matching subscription; a dispatcher sends them, signed, retrying with growing waits
-- for 24 hours, one person's events in order.
CREATE TABLE webhook_subscription (
  id           BIGINT         NOT NULL AUTO_INCREMENT,
  client_id    VARCHAR(255)   NOT NULL,
  url          VARCHAR(2000)  NOT NULL,
  secret       VARCHAR(255)   NOT NULL,
  event_types  VARCHAR(1000)  NOT NULL,
  state        VARCHAR(20)    NOT NULL,
  created_at   DATETIME(6)    NOT NULL,
  version      BIGINT         NOT NULL DEFAULT 0,
  PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_subscription_client ON webhook_subscription (client_id);

CREATE TABLE webhook_delivery (
  id               BIGINT         NOT NULL AUTO_INCREMENT,
  subscription_id  BIGINT         NOT NULL,
  outbox_id        BIGINT         NOT NULL,
  event_id         VARCHAR(36)    NOT NULL,
  event_type       VARCHAR(50)    NOT NULL,
  person_key       VARCHAR(100),
  state            VARCHAR(20)    NOT NULL,
  attempts         INT            NOT NULL DEFAULT 0,
  next_attempt_at  DATETIME(6)    NOT NULL,
  last_status      INT,
  last_error       VARCHAR(1000),
  created_at       DATETIME(6)    NOT NULL,
  delivered_at     DATETIME(6),
  PRIMARY KEY (id),
  CONSTRAINT uk_webhook_delivery UNIQUE (subscription_id, event_id),
  CONSTRAINT fk_webhook_delivery_subscription FOREIGN KEY (subscription_id)
    REFERENCES webhook_subscription (id) ON DELETE CASCADE
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (state, next_attempt_at);
CREATE INDEX ix_webhook_delivery_person ON webhook_delivery (subscription_id, person_key, state, outbox_id);

-- Outbox events not yet turned into deliveries (a flag, not a high-water mark: an event that
-- commits late with a smaller id is still picked up).
ALTER TABLE outbox_event ADD COLUMN fanned_out BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX ix_outbox_event_fanned_out ON outbox_event (fanned_out, id);

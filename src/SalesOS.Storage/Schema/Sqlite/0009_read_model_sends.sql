-- Read model of outreach: one row per step a sequence ran on a channel (an email sent, an SMS, a
-- call, a rep's task), projected from ContactChanged events (newest contact version wins), with what
-- came of it. The success metrics (sent per week, open, click, reply and bounce rates, A/B variant
-- results, cost per email) are queries over it.
CREATE TABLE rm_sends
(
    workspace_id     text     NOT NULL,
    send_id          text     NOT NULL,
    contact_identity text     NOT NULL,
    company_domain   text     NULL,
    market_id        text     NULL,
    sequence_id      text     NOT NULL,
    step             integer  NOT NULL,
    variant_id       text     NULL,
    channel          text     NOT NULL,
    outcome          text     NOT NULL,
    sender           text     NULL,
    sent_at          TEXT     NOT NULL,
    opened_at        TEXT     NULL,
    clicked_at       TEXT     NULL,
    replied_at       TEXT     NULL,
    reply_kind       text     NULL,
    cost             REAL     NOT NULL DEFAULT 0,
    version          INTEGER  NOT NULL,
    PRIMARY KEY (workspace_id, send_id)
);

CREATE INDEX ix_rm_sends_sent ON rm_sends (workspace_id, sent_at);
CREATE INDEX ix_rm_sends_sequence ON rm_sends (workspace_id, sequence_id, step, variant_id);
CREATE INDEX ix_rm_sends_contact ON rm_sends (workspace_id, contact_identity);

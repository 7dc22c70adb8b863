-- Read model: deals and markets, projected from DealChanged and MarketChanged (newest version wins).
CREATE TABLE rm_deals
(
    workspace_id   text   NOT NULL,
    deal_id        text   NOT NULL,
    name           text   NOT NULL,
    state          text   NOT NULL,
    company_domain text   NULL,
    amount         numeric   NULL,
    currency       text   NOT NULL,
    probability    double precision NOT NULL,
    owner          text   NULL,
    expected_close text   NULL,
    version        bigint   NOT NULL,
    updated_at     timestamptz    NOT NULL,
    PRIMARY KEY (workspace_id, deal_id)
);

CREATE INDEX ix_rm_deals_state ON rm_deals (workspace_id, state, deal_id);

CREATE TABLE rm_markets
(
    workspace_id text NOT NULL,
    market_id    text NOT NULL,
    name         text NOT NULL,
    state        text NOT NULL,
    version      bigint NOT NULL,
    updated_at   timestamptz  NOT NULL,
    PRIMARY KEY (workspace_id, market_id)
);

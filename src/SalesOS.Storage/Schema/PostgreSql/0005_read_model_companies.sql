-- Read model: one row per company, projected from CompanyChanged events. Version is the company
-- grain's version: a row is only ever replaced by a newer one, so redelivered or reordered events
-- change nothing.
CREATE TABLE rm_companies
(
    workspace_id   text             NOT NULL,
    domain         text             NOT NULL,
    name           text             NOT NULL,
    state          text             NOT NULL,
    industry       text             NULL,
    employee_count integer          NULL,
    country        text             NULL,
    owner          text             NULL,
    fit_score      double precision NULL,
    intent_score   double precision NULL,
    technologies   text             NOT NULL,
    market_ids     text             NOT NULL,
    version        bigint           NOT NULL,
    created_at     timestamptz      NOT NULL,
    updated_at     timestamptz      NOT NULL,
    search_text    text             NOT NULL,
    PRIMARY KEY (workspace_id, domain)
);

CREATE INDEX ix_rm_companies_state ON rm_companies (workspace_id, state, domain);
CREATE INDEX ix_rm_companies_updated ON rm_companies (workspace_id, updated_at, domain);

-- Read model: one row per company, projected from CompanyChanged events. Version is the company
-- grain's version: a row is only ever replaced by a newer one, so redelivered or reordered events
-- change nothing.
CREATE TABLE rm_companies
(
    workspace_id   TEXT    NOT NULL,
    domain         TEXT    NOT NULL,
    name           TEXT    NOT NULL,
    state          TEXT    NOT NULL,
    industry       TEXT    NULL,
    employee_count INTEGER NULL,
    country        TEXT    NULL,
    owner          TEXT    NULL,
    fit_score      REAL    NULL,
    intent_score   REAL    NULL,
    technologies   TEXT    NOT NULL,
    market_ids     TEXT    NOT NULL,
    version        INTEGER NOT NULL,
    created_at     TEXT    NOT NULL,
    updated_at     TEXT    NOT NULL,
    search_text    TEXT    NOT NULL,
    PRIMARY KEY (workspace_id, domain)
);

CREATE INDEX ix_rm_companies_state ON rm_companies (workspace_id, state, domain);
CREATE INDEX ix_rm_companies_updated ON rm_companies (workspace_id, updated_at, domain);

-- Read model: one row per contact, projected from ContactChanged events (newest version wins). An
-- erased contact's row is deleted, with all its personal data.
CREATE TABLE rm_contacts
(
    workspace_id   text     NOT NULL,
    identity       text     NOT NULL,
    state          text     NOT NULL,
    email          text     NULL,
    first_name     text     NULL,
    last_name      text     NULL,
    title          text     NULL,
    seniority      text     NULL,
    department     text     NULL,
    company_domain text     NULL,
    tier           integer  NULL,
    sequence_id    text     NULL,
    version        INTEGER     NOT NULL,
    updated_at     TEXT      NOT NULL,
    search_text    text     NOT NULL,
    PRIMARY KEY (workspace_id, identity)
);

CREATE INDEX ix_rm_contacts_state ON rm_contacts (workspace_id, state, identity);
CREATE INDEX ix_rm_contacts_company ON rm_contacts (workspace_id, company_domain, identity);

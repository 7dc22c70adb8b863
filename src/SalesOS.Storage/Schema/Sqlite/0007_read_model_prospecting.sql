-- Prospecting in the read model: each company's priority (with its explanation), tier and failure
-- reason, each contact's priority; so a market's top companies and contacts and its errors by reason
-- are one indexed query.
ALTER TABLE rm_companies ADD COLUMN priority_score REAL NULL;
ALTER TABLE rm_companies ADD COLUMN tier INTEGER NULL;
ALTER TABLE rm_companies ADD COLUMN failure_reason TEXT NULL;
ALTER TABLE rm_companies ADD COLUMN explanation TEXT NULL;
CREATE INDEX ix_rm_companies_priority ON rm_companies (workspace_id, priority_score, domain);

ALTER TABLE rm_contacts ADD COLUMN priority_score REAL NULL;
ALTER TABLE rm_contacts ADD COLUMN explanation TEXT NULL;
CREATE INDEX ix_rm_contacts_priority ON rm_contacts (workspace_id, priority_score, identity);

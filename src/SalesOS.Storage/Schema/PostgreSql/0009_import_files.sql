-- Uploaded lead lists, kept until their import job is done, so a job resumes after a crash on any silo.
CREATE TABLE salesos_import_files
(
    job_key    text        NOT NULL PRIMARY KEY,
    file_name  text        NOT NULL,
    content    bytea       NOT NULL,
    created_at timestamptz NOT NULL
);

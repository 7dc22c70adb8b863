-- Uploaded lead lists, kept until their import job is done, so a job resumes after a crash on any silo.
CREATE TABLE salesos_import_files
(
    job_key    TEXT    NOT NULL PRIMARY KEY,
    file_name  TEXT    NOT NULL,
    content    BLOB    NOT NULL,
    created_at TEXT    NOT NULL
);

-- The Orleans ADO.NET providers read their SQL from this table by key when they start, so every
-- query below is ours: the providers only fix the keys, the parameter names and the column names.
CREATE TABLE OrleansQuery
(
    QueryKey  TEXT NOT NULL PRIMARY KEY,
    QueryText TEXT NOT NULL
);

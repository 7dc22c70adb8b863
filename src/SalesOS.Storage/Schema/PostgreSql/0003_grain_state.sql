-- Grain state for Microsoft.Orleans.Persistence.AdoNet. One row per grain; Version is the ETag.
CREATE TABLE OrleansStorage
(
    GrainIdHash            integer     NOT NULL,
    GrainIdN0              bigint      NOT NULL,
    GrainIdN1              bigint      NOT NULL,
    GrainTypeHash          integer     NOT NULL,
    GrainTypeString        text        NOT NULL,
    GrainIdExtensionString text        NULL,
    ServiceId              text        NOT NULL,
    PayloadBinary          bytea       NULL,
    ModifiedOn             timestamptz NOT NULL,
    Version                integer     NULL
);

-- The hashes come first so the index stays selective; the strings settle hash collisions.
-- COALESCE folds the optional key extension so that a grain without one still has exactly one row.
CREATE UNIQUE INDEX UX_OrleansStorage_Grain ON OrleansStorage
(
    GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString,
    (COALESCE(GrainIdExtensionString, ''))
);

-- Inserts the first version, or replaces the payload when the caller holds the current version.
-- Returns the new version, or no row on a version conflict (the provider then raises
-- InconsistentStateException). An existing row with a caller that holds no version is a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
INSERT INTO OrleansStorage AS s
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
     ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString,
       @ServiceId, @PayloadBinary, now(), 1
WHERE CAST(@GrainStateVersion AS integer) IS NULL
   OR EXISTS (SELECT 1 FROM OrleansStorage
              WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
                AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
                AND COALESCE(GrainIdExtensionString, '''') = COALESCE(CAST(@GrainIdExtensionString AS text), ''''))
ON CONFLICT (GrainIdHash, GrainTypeHash, ServiceId, GrainIdN0, GrainIdN1, GrainTypeString, (COALESCE(GrainIdExtensionString, '''')))
DO UPDATE SET
    PayloadBinary = excluded.PayloadBinary,
    ModifiedOn = excluded.ModifiedOn,
    Version = s.Version + 1
WHERE s.Version = CAST(@GrainStateVersion AS integer)
RETURNING s.Version AS NewGrainStateVersion;
');

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(CAST(@GrainIdExtensionString AS text), '''');
');

-- Clearing keeps the row and bumps the version, so a stale writer still sees a conflict.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(CAST(@GrainIdExtensionString AS text), '''')
  AND Version = CAST(@GrainStateVersion AS integer)
RETURNING Version AS NewGrainStateVersion;
');

-- Used instead of ClearStorageKey when the provider is configured with DeleteStateOnClear.
INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ('DeleteStorageKey', '
DELETE FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash AND ServiceId = @ServiceId
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1 AND GrainTypeString = @GrainTypeString
  AND COALESCE(GrainIdExtensionString, '''') = COALESCE(CAST(@GrainIdExtensionString AS text), '''')
  AND Version = CAST(@GrainStateVersion AS integer)
RETURNING Version + 1 AS NewGrainStateVersion;
');

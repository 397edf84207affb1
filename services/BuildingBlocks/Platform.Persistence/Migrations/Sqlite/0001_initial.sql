CREATE TABLE projects (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL
);

CREATE TABLE experiments (
    id          TEXT PRIMARY KEY,
    project_id  TEXT NOT NULL REFERENCES projects(id),
    name        TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    UNIQUE (project_id, name)
);

CREATE TABLE jobs (
    id               TEXT PRIMARY KEY,
    project_id       TEXT NULL REFERENCES projects(id),
    experiment_id    TEXT NULL REFERENCES experiments(id),
    name             TEXT NOT NULL DEFAULT '',
    kind             TEXT NOT NULL,
    spec             TEXT NOT NULL,
    state            TEXT NOT NULL,
    progress_value   REAL NOT NULL DEFAULT 0,
    progress_limit   REAL NOT NULL DEFAULT 0,
    progress_message TEXT NULL,
    attempt          INTEGER NOT NULL DEFAULT 0,
    run_id           TEXT NULL,
    last_sequence    INTEGER NOT NULL DEFAULT 0,
    worker           TEXT NULL,
    device           TEXT NULL,
    cancel_requested INTEGER NOT NULL DEFAULT 0,
    heartbeat_at     INTEGER NULL,
    created_at       INTEGER NOT NULL,
    started_at       INTEGER NULL,
    finished_at      INTEGER NULL,
    updated_at       INTEGER NOT NULL,
    error            TEXT NULL,
    result           TEXT NULL
);
CREATE INDEX ix_jobs_state ON jobs (state);
CREATE INDEX ix_jobs_created ON jobs (created_at DESC);
CREATE INDEX ix_jobs_project ON jobs (project_id, experiment_id);

CREATE TABLE metrics (
    job_id TEXT NOT NULL REFERENCES jobs(id),
    key    TEXT NOT NULL,
    step   INTEGER NOT NULL,
    value  REAL NOT NULL,
    time   INTEGER NOT NULL,
    PRIMARY KEY (job_id, key, step)
);

CREATE TABLE artifacts (
    id           TEXT PRIMARY KEY,
    job_id       TEXT NULL REFERENCES jobs(id),
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL,
    media_type   TEXT NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    storage_path TEXT NOT NULL,
    created_at   INTEGER NOT NULL
);
CREATE UNIQUE INDEX ux_artifacts_job_name ON artifacts (job_id, name);
CREATE INDEX ix_artifacts_sha ON artifacts (sha256);

CREATE TABLE datasets (
    id          TEXT PRIMARY KEY,
    project_id  TEXT NULL REFERENCES projects(id),
    name        TEXT NOT NULL,
    version     INTEGER NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL,
    artifact_id TEXT NULL REFERENCES artifacts(id),
    metadata    TEXT NOT NULL DEFAULT '{}',
    created_at  INTEGER NOT NULL,
    UNIQUE (name, version)
);

CREATE TABLE models (
    id           TEXT PRIMARY KEY,
    project_id   TEXT NULL REFERENCES projects(id),
    name         TEXT NOT NULL,
    version      INTEGER NOT NULL,
    job_id       TEXT NULL REFERENCES jobs(id),
    artifact_id  TEXT NOT NULL REFERENCES artifacts(id),
    architecture TEXT NOT NULL,
    card         TEXT NOT NULL DEFAULT '{}',
    created_at   INTEGER NOT NULL,
    UNIQUE (name, version)
);

CREATE TABLE workers (
    id                 TEXT PRIMARY KEY,
    host               TEXT NOT NULL,
    process_id         INTEGER NOT NULL,
    device             TEXT NOT NULL,
    kinds              TEXT NOT NULL,
    current_job_id     TEXT NULL,
    current_run_id     TEXT NULL,
    device_memory_used INTEGER NULL,
    first_seen_at      INTEGER NOT NULL,
    last_seen_at       INTEGER NOT NULL
);

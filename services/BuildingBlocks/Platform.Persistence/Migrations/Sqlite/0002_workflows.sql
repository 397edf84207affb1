-- Multi-step experiments run by Lab (e.g. curvature.audit): the parent job's row is in jobs; this holds the
-- step it is on, and every child job it submitted, so a restart of Lab continues where it was.
CREATE TABLE workflows (
    job_id     TEXT PRIMARY KEY REFERENCES jobs(id),
    kind       TEXT NOT NULL,
    step       INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE workflow_children (
    child_id    TEXT PRIMARY KEY,
    workflow_id TEXT NOT NULL REFERENCES workflows(job_id),
    step        INTEGER NOT NULL,
    slot        INTEGER NOT NULL,
    UNIQUE (workflow_id, step, slot)
);

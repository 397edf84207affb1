#!/usr/bin/env bash
# The membership-inference results of README "Results": one curvature.audit on real Fashion-MNIST, on the embedded
# platform (SQLite, in-memory bus, CPU). 16 shadow models + 1 target (an MLP 784-512-256-10), each trained on a
# balanced random ~half of the first 4,000 training images for 20 epochs (Adam, lr 1e-3, no weight decay, batch 64)
# so that it overfits; every model scores all 4,000 pool images (loss, logit-scaled confidence, zo_mixed_abs and
# fd_gradnorm with n=10, h=1e-3, original + flipped views); then every attack runs against the target.
# Data goes under ./data/mia-audit (a fresh folder each run). Prints the job's summary and the report's tables;
# the full report (report.json, roc.csv, samples.csv) is stored as artifacts of the curvature.attack child job.
#   scripts/mia-audit-fmnist.sh [SPEC_JSON]
set -euo pipefail
cd "$(dirname "$0")/.."
spec=${1:-'{"train":{"model":"mlp","epochs":20,"batchSize":64,"threads":2,"recordTrajectories":false,"optimizer":{"name":"adam","lr":0.001,"weightDecay":0}},"shadows":16,"targets":1,"poolSize":4000,"estimators":["zo_mixed_abs","fd_gradnorm"],"directions":10,"step":0.001,"views":["original","flipped"],"modes":["corrected","faithful"],"seed":0}'}
root=data/mia-audit
rm -rf "$root"
./platform run curvature.audit "$spec" "--Platform:DataRoot=$root"
python3 - "$root" <<'PY'
import sqlite3, sys, os
root = sys.argv[1]
db = sqlite3.connect(os.path.join(root, "platform.db"))
rows = db.execute("SELECT a.storage_path, j.id FROM artifacts a JOIN jobs j ON j.id = a.job_id "
                  "WHERE j.kind = 'curvature.attack' AND a.name = 'report.md' ORDER BY j.created_at DESC").fetchall()
path, job = rows[0]
print(f"\nreport of curvature.attack job {job} ({os.path.join(root, path)}):\n")
print(open(os.path.join(root, path)).read())
for name, acc in db.execute("SELECT j.name, j.result FROM jobs j WHERE j.kind = 'train.shadows'"):
    print(f"{name}: {acc}")
PY

// grpc-js client of the Lab API used by tests/Platform.Lab.Api.Tests: node lab_client.js <host:port> <repoRoot>
// Submits a system.selftest job, watches it to the end over WatchJob, downloads its report.txt and checks the
// sha256, then submits a bad spec and decodes the google.rpc.BadRequest from grpc-status-details-bin.
// Prints one JSON line with what it observed.
const crypto = require('crypto');
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const [, , address, repoRoot] = process.argv;
const options = { keepCase: false, longs: Number, enums: String, defaults: true, oneofs: true, includeDirs: [path.join(repoRoot, 'protos')] };
const lab = grpc.loadPackageDefinition(loader.loadSync(['platform/lab/v1/job_service.proto', 'platform/lab/v1/artifact_service.proto'], options)).platform.lab.v1;
const errors = protobuf.loadSync([
  path.join(repoRoot, 'services/BuildingBlocks/Platform.Rpc/Protos/google/rpc/status.proto'),
  path.join(repoRoot, 'services/BuildingBlocks/Platform.Contracts.Rpc/Protos/google/rpc/error_details.proto'),
]);
const credentials = grpc.credentials.createInsecure();
const jobs = new lab.JobService(address, credentials);
const artifacts = new lab.ArtifactService(address, credentials);

const unary = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, { deadline: Date.now() + 10000 }, (err, response) => (err ? reject(err) : resolve(response))));

function watch(jobId) {
  return new Promise((resolve, reject) => {
    const updates = [];
    const call = jobs.WatchJob({ jobId });
    call.on('data', (m) => updates.push(m));
    call.on('error', reject);
    call.on('end', () => resolve(updates));
  });
}

function download(artifactId) {
  return new Promise((resolve, reject) => {
    const parts = [];
    let first = null;
    const call = artifacts.DownloadArtifact({ artifactId, offset: 0 });
    call.on('data', (chunk) => { if (!first) first = chunk; parts.push(chunk.data); });
    call.on('error', reject);
    call.on('end', () => resolve({ first, content: Buffer.concat(parts) }));
  });
}

function badRequestOf(err) {
  const raw = err.metadata.get('grpc-status-details-bin')[0];
  const status = errors.lookupType('google.rpc.Status').decode(raw);
  const detail = status.details.find((d) => d.type_url === 'type.googleapis.com/google.rpc.BadRequest');
  const badRequest = errors.lookupType('google.rpc.BadRequest').decode(detail.value);
  return badRequest.fieldViolations.map((v) => ({ field: v.field, description: v.description }));
}

async function main() {
  const submitted = await unary(jobs, 'SubmitJob', { kind: 'system.selftest', specJson: '{"steps":5,"stepMilliseconds":30}', name: 'from node' });
  const updates = await watch(submitted.jobId);
  const progress = updates.filter((u) => u.update === 'progress').map((u) => u.progress);
  const result = updates[updates.length - 1].result.job;
  const listed = await unary(artifacts, 'ListArtifacts', { jobId: submitted.jobId });
  const report = listed.artifacts.find((a) => a.name === 'report.txt');
  const { first, content } = await download(report.id);
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  let error = null;
  try {
    await unary(jobs, 'SubmitJob', { kind: 'system.selftest', specJson: '{"steps":0}' });
  } catch (err) {
    error = { code: err.code, details: err.details, violations: badRequestOf(err) };
  }
  process.stdout.write(JSON.stringify({
    jobId: submitted.jobId,
    progressCount: progress.length,
    lastProgressValue: progress.length ? progress[progress.length - 1].progressValue : null,
    resultIsLast: updates[updates.length - 1].update === 'result',
    state: result.state,
    reportSize: content.length,
    reportText: content.toString('utf8'),
    sha256Matches: sha256 === report.sha256 && sha256 === first.sha256,
    totalSize: first.totalSize,
    error,
  }) + '\n');
}

main().catch((err) => {
  process.stderr.write(`${err.stack || err}\n`);
  process.exit(1);
});

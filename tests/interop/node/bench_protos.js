// Loads tests/Platform.Benchmarks/Protos/bench.proto for bench_server.js and bench_client.js.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

function loadBench(repoRoot) {
  const definition = loader.loadSync('bench.proto', {
    keepCase: false,
    longs: String,
    defaults: true,
    includeDirs: [path.join(repoRoot, 'tests/Platform.Benchmarks/Protos')],
  });
  return grpc.loadPackageDefinition(definition);
}

module.exports = { grpc, loadBench };

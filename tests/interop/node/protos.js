// Loads the test and health protos straight from the repository, as a third-party peer would.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const loader = require('@grpc/proto-loader');

function load(repoRoot) {
  const definition = loader.loadSync(['testing.proto', 'grpc/health/v1/health.proto'], {
    keepCase: false,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
    includeDirs: [path.join(repoRoot, 'tests/Platform.Rpc.Tests/Protos'), path.join(repoRoot, 'protos')],
  });
  return grpc.loadPackageDefinition(definition);
}

module.exports = { grpc, load };

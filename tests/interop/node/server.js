// grpc-js server used by tests/Platform.Rpc.Tests: node server.js <repoRoot>
// Listens on 127.0.0.1 (free port), prints "LISTENING <port>", serves until killed.
const { grpc, load } = require('./protos');

const [, , repoRoot] = process.argv;
const pkg = load(repoRoot);

function echoMetadata(call) {
  const headers = new grpc.Metadata();
  const trailers = new grpc.Metadata();
  for (const [key, values] of Object.entries(call.metadata.getMap())) {
    if (!key.startsWith('x-')) continue;
    headers.add('echo-' + key.slice(2), values);
    trailers.add('trailer-' + key.slice(2), values);
  }
  return { headers, trailers };
}

const service = {
  Echo(call, callback) {
    const { headers, trailers } = echoMetadata(call);
    call.sendMetadata(headers);
    callback(null, { message: call.request.message, payload: call.request.payload }, trailers);
  },
  Count(call) {
    for (let i = 0; i < call.request.count; i++) call.write({ index: i });
    call.end();
  },
  Sum(call, callback) {
    let sum = 0;
    let count = 0;
    call.on('data', (n) => { sum += Number(n.value); count++; });
    call.on('end', () => callback(null, { sum, count }));
  },
  Chat(call) {
    call.on('data', (m) => call.write({ message: 'echo:' + m.message }));
    call.on('end', () => call.end());
  },
  Fail(call, callback) {
    const metadata = new grpc.Metadata();
    metadata.add('x-error-trailer', 'present');
    callback({ code: call.request.code, details: call.request.message, metadata });
  },
  Sleep(call, callback) {
    const timer = setTimeout(() => callback(null, { sleptMs: call.request.sleepMs }), call.request.sleepMs);
    call.on('cancelled', () => clearTimeout(timer));
  },
  Ping(call, callback) { callback(null, {}); },
  Nested(call, callback) { callback(null, { inner: { value: call.request.value + '!' } }); },
};

const server = new grpc.Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
server.addService(pkg.platform.testing.v1.TestService.service, service);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    process.stderr.write(String(err) + '\n');
    process.exit(1);
  }
  process.stdout.write(`LISTENING ${port}\n`);
});
process.on('SIGTERM', () => server.forceShutdown());

// grpc-js client used by tests/Platform.Rpc.Tests: node client.js <address host:port> <scenario> <repoRoot>
// Prints one JSON line with what it observed; exit code 0 unless the script itself failed.
const { grpc, load } = require('./protos');

const [, , address, scenario, repoRoot] = process.argv;
const pkg = load(repoRoot);
const options = { 'grpc.max_receive_message_length': 16 * 1024 * 1024 };
const client = new pkg.platform.testing.v1.TestService(address, grpc.credentials.createInsecure(), options);
const health = new pkg.grpc.health.v1.Health(address, grpc.credentials.createInsecure());

function done(result) {
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(0);
}

function first(metadata, key) {
  const values = metadata.get(key);
  if (values.length === 0) return null;
  return Buffer.isBuffer(values[0]) ? values[0].toString('base64') : values[0];
}

const scenarios = {
  unary() {
    const md = new grpc.Metadata();
    md.add('x-user', 'alice');
    md.add('x-blob-bin', Buffer.from([0, 1, 2, 255]));
    const result = {};
    const call = client.Echo({ message: 'from node' }, md, (err, response) => {
      if (err) return done({ error: err.code, details: err.details });
      result.message = response.message;
    });
    call.on('metadata', (headers) => {
      result.echoUser = first(headers, 'echo-user');
      result.echoBlob = first(headers, 'echo-blob-bin');
    });
    call.on('status', (status) => {
      result.code = status.code;
      result.trailerUser = first(status.metadata, 'trailer-user');
      setImmediate(() => done(result));
    });
  },
  serverStream() {
    const indexes = [];
    const call = client.Count({ count: 1000 });
    call.on('data', (m) => indexes.push(m.index));
    call.on('error', (err) => done({ error: err.code, details: err.details }));
    call.on('end', () => done({ count: indexes.length, ordered: indexes.every((v, i) => v === i) }));
  },
  clientStream() {
    const call = client.Sum((err, response) => {
      if (err) return done({ error: err.code, details: err.details });
      done({ sum: Number(response.sum), count: response.count });
    });
    for (let i = 1; i <= 100; i++) call.write({ value: i });
    call.end();
  },
  error() {
    client.Fail({ code: 3, message: 'name must not be empty – ünïcode ✓ 100%' }, (err) => {
      done({ code: err.code, details: err.details, trailer: first(err.metadata, 'x-error-trailer') });
    });
  },
  deadline() {
    client.Sleep({ id: 'node-deadline', sleepMs: 30000 }, { deadline: Date.now() + 300 }, (err) => {
      done({ code: err ? err.code : 0 });
    });
  },
  unimplemented() {
    const generic = new grpc.Client(address, grpc.credentials.createInsecure());
    generic.makeUnaryRequest('/platform.testing.v1.TestService/NoSuchMethod', (x) => x, (x) => x, Buffer.alloc(0), (err) => {
      done({ code: err ? err.code : 0 });
    });
  },
  health() {
    health.Check({ service: '' }, (e1, whole) => {
      health.Check({ service: 'platform.testing.v1.TestService' }, (e2, service) => {
        health.Check({ service: 'no.such.Service' }, (e3) => {
          done({
            whole: whole && whole.status,
            service: service && service.status,
            unknownCode: e3 ? e3.code : 0,
          });
        });
      });
    });
  },
};

if (!scenarios[scenario]) {
  process.stderr.write(`unknown scenario ${scenario}\n`);
  process.exit(2);
}
scenarios[scenario]();

// grpc-js server of the rpc benchmark (tests/Platform.Benchmarks -- rpc): node bench_server.js <repoRoot>
// Serves platform.bench.v1.BenchService on 127.0.0.1 (free port), prints "LISTENING <port>", serves until killed.
const { grpc, loadBench } = require('./bench_protos');

const [, , repoRoot] = process.argv;
const pkg = loadBench(repoRoot);

const service = {
  Echo(call, callback) {
    callback(null, { message: call.request.message, payload: call.request.payload });
  },
  Stream(call) {
    const payload = Buffer.alloc(call.request.payloadSize);
    const count = call.request.count;
    let index = 0;
    // Honour back-pressure as a well-behaved grpc-js server does: write until the buffer is full, resume on drain.
    const pump = () => {
      while (index < count) {
        if (!call.write({ index: index++, payload })) {
          call.once('drain', pump);
          return;
        }
      }
      call.end();
    };
    pump();
  },
};

const server = new grpc.Server({ 'grpc.max_receive_message_length': 16 * 1024 * 1024 });
server.addService(pkg.platform.bench.v1.BenchService.service, service);
server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (err, port) => {
  if (err) {
    process.stderr.write(String(err) + '\n');
    process.exit(1);
  }
  process.stdout.write(`LISTENING ${port}\n`);
});
process.on('SIGTERM', () => server.forceShutdown());

// grpc-js load generator of the rpc benchmark:
//   node bench_client.js <repoRoot> <host:port> <concurrency> <seconds> <payloadBytes>
// Keeps <concurrency> unary Echo calls in flight for <seconds> (after a 1 s warm-up) and prints one JSON line:
// {"requests":..., "seconds":..., "p50Us":..., "p99Us":..., "errors":...}
const { grpc, loadBench } = require('./bench_protos');

const [, , repoRoot, target, concArg, secondsArg, payloadArg] = process.argv;
const pkg = loadBench(repoRoot);
const client = new pkg.platform.bench.v1.BenchService(target, grpc.credentials.createInsecure());
const concurrency = Number(concArg);
const seconds = Number(secondsArg);
const request = { message: 'bench', payload: Buffer.alloc(Number(payloadArg)) };

function run(durationMs, latencies) {
  return new Promise((resolve) => {
    const end = process.hrtime.bigint() + BigInt(durationMs) * 1000000n;
    let running = concurrency;
    let errors = 0;
    const next = () => {
      if (process.hrtime.bigint() >= end) {
        if (--running === 0) resolve(errors);
        return;
      }
      const start = process.hrtime.bigint();
      client.Echo(request, (err) => {
        if (err) errors++;
        else if (latencies) latencies.push(Number(process.hrtime.bigint() - start) / 1000);
        next();
      });
    };
    for (let i = 0; i < concurrency; i++) next();
  });
}

(async () => {
  await run(1000, null);
  const latencies = [];
  const started = process.hrtime.bigint();
  const errors = await run(seconds * 1000, latencies);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  const pick = (p) => latencies[Math.min(latencies.length - 1, Math.ceil(p * latencies.length) - 1)];
  process.stdout.write(JSON.stringify({ requests: latencies.length, seconds: elapsed, p50Us: pick(0.5), p99Us: pick(0.99), errors }) + '\n');
  client.close();
})();

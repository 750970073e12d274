// Run in a child process by private-redis.int-spec.ts: starts a private redis-server, prints its URL,
// then either exits without calling stop() ("exit") or waits until it is killed ("wait").
import { startPrivateRedis } from './private-redis';

const [dataDir, mode] = process.argv.slice(2);

startPrivateRedis(dataDir).then(
  ({ url }) => {
    process.stdout.write(`${JSON.stringify({ url })}\n`);
    if (mode === 'exit') process.exit(0);
    setInterval(() => undefined, 60_000);
  },
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);

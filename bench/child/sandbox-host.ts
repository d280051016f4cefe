/**
 * A sandbox in its own process that logs every request's arrival and hands the log (and its restore and
 * rate-limit counters) to the parent over IPC. The polling benchmark needs the server's view of request
 * times; in the app's process, one busy event loop would bunch arrivals and distort the figure.
 */
import { startSandbox } from '../../sandbox/index';

interface Options {
  seed: string;
  latencyMs: number;
  taskSeconds: number;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Options;
  const sandbox = await startSandbox(options);
  sandbox.state.requestLog = [];
  process.on('message', (message: unknown) => {
    if (message === 'report') {
      process.send?.({
        requests: sandbox.state.requestLog,
        restoreCalls: Object.fromEntries(sandbox.state.restoreCalls),
        rateLimited: Object.fromEntries(sandbox.state.rateLimitedCalls),
      });
    } else if (message === 'clear') {
      sandbox.state.requestLog = [];
    } else if (message === 'stop') {
      void sandbox.stop().then(() => process.exit(0));
    }
  });
  process.send?.({ url: sandbox.url });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// `npm run sandbox -- [flags]`: starts the sandbox in the foreground until Ctrl-C (or SIGTERM), then
// stops it, redis-servers included.
import { parseCliArgs, USAGE } from './cli-args.js';
import {
  PROJECT0_SECRET_ID,
  PROJECT0_SECRET_KEY,
  READONLY_SECRET_ID,
  READONLY_SECRET_KEY,
  type RunningSandbox,
  startSandbox,
  TEMPORARY_SECRET_ID,
  TEMPORARY_SECRET_KEY,
  TEMPORARY_TOKEN,
} from './index.js';

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (parsed.kind === 'help') {
    console.log(USAGE);
    return;
  }
  if (parsed.kind === 'error') {
    console.error(`crs-sandbox: ${parsed.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  let sandbox: RunningSandbox;
  try {
    sandbox = await startSandbox(parsed.options);
  } catch (error) {
    console.error(`crs-sandbox: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
    return;
  }
  const { credentials, state } = sandbox;
  console.log(`CRS sandbox listening on ${sandbox.url}`);
  console.log(`SecretId:  ${credentials.secretId}`);
  console.log(`SecretKey: ${credentials.secretKey}`);
  console.log(`Read-only sub-user:  ${READONLY_SECRET_ID} / ${READONLY_SECRET_KEY}`);
  console.log(`Project-0 sub-user:  ${PROJECT0_SECRET_ID} / ${PROJECT0_SECRET_KEY}`);
  console.log(
    `Temporary key (STS, never expires): ${TEMPORARY_SECRET_ID} / ${TEMPORARY_SECRET_KEY} / Token ${TEMPORARY_TOKEN}`,
  );
  console.log(`Expiring temporary keys: POST ${sandbox.url}/__sandbox/sts {"durationSeconds": N}`);
  console.log(
    `Seed: ${parsed.options.seed ?? 'demo'} (${state.instances.size} instances); task duration ${state.taskMs / 1000} s`,
  );
  console.log(
    `SDK endpoint: 127.0.0.1:${sandbox.port} with protocol http:// · legacy: ${sandbox.url}/v2/index.php`,
  );
  console.log(
    `Backup files (DescribeBackupUrl links): ${sandbox.fileUrl}, links valid ${(state.files?.linkSeconds ?? 0) / 3600} h`,
  );
  if (sandbox.redis) {
    for (const instance of state.instances.values()) {
      const port = sandbox.redis.portOf(instance.id);
      if (port !== undefined) {
        const auth = instance.password === null ? '' : ` -a '${instance.password}'`;
        console.log(`  ${instance.id} (${instance.name}): redis-cli -p ${port}${auth}`);
      }
    }
  }
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      // A second Ctrl-C: the user is impatient; the exit hook still kills redis-servers.
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox…`);
    sandbox.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`crs-sandbox: error while stopping: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

void main();

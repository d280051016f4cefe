// `npm run inspect -- FILE | head`: the reader of the pipe goes away before the report is written. The CLI
// must end quietly (no stack trace, exit 0), as Unix filters do.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { RdbBuilder, str } from '../../support/rdb-builder';

const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

it('ends quietly when stdout is closed early', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'crs-inspect-pipe-'));
  const file = join(dir, 'dump.rdb');
  const rdb = new RdbBuilder(10).selectDb(0);
  for (let i = 0; i < 2000; i++) rdb.key(0, `user:${i}:profile`, str(`value ${i}`));
  await writeFile(file, rdb.end());

  const child = spawn(tsx, [join(root, 'scripts/inspect.ts'), file], { cwd: root });
  // Close our end of the pipe before the child writes its report.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  expect(stderr).not.toMatch(/EPIPE|at .*\(/);
  expect(code).toBe(0);
}, 60_000);

/**
 * Errors carry no secret-bearing text. undici refuses a header value with a line break and quotes the value in
 * its error; here the STS token holds a marker after one. The real undici fetch, the real clients: the marker
 * must appear nowhere in what the call throws (message, details, code) nor in the log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCrsApi } from '../../../electron/core/cloud/create-crs-api';
import { createProxyFetch } from '../../../electron/core/cloud/transport/proxy-fetch';
import { createMemoryLogger } from '../../../electron/core/logging/logger';
import { DEFAULT_SECRET_ID, DEFAULT_SECRET_KEY } from '../../../sandbox/constants';
import { type RunningSandbox, startSandbox } from '../../../sandbox/index';
import type { ApiGeneration } from '../../../shared/domain';

const MARKER = 'SECRETMARKER7f3a9c';
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
});
afterAll(async () => {
  await sandbox.stop();
});

describe.each(['v3', 'legacy-v2'] as ApiGeneration[])(
  '%s: a transport error quoting a header',
  (generation) => {
    it('is reduced to a code and a safe message; the marker is nowhere', async () => {
      const fetch = createProxyFetch({ env: {} });
      const logger = createMemoryLogger();
      const api = createCrsApi(generation, {
        fetch,
        credentials: async () => ({
          secretId: DEFAULT_SECRET_ID,
          secretKey: DEFAULT_SECRET_KEY,
          token: `tok\n${MARKER}`,
        }),
        now: Date.now,
        random: Math.random,
        sleep: async () => undefined,
        logger,
        endpoint: sandbox.url.replace(/\/$/, ''),
        retry: { maxAttempts: 1 },
      });
      const error = await api
        .describeInstances({ region: 'ap-guangzhou', limit: 10, offset: 0 })
        .catch((e) => e);
      expect(error).toMatchObject({ name: 'AppError' });
      const everything = JSON.stringify({
        message: error.message,
        code: error.code,
        details: error.details,
        stack: String(error.stack),
        log: logger.lines,
      });
      expect(everything).not.toContain(MARKER);
      await fetch.close();
    });
  },
);

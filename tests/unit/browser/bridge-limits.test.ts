/** Refused peers cost one log line each, and no more than the budget per minute. */
import { describe, expect, it } from 'vitest';
import { RefusalLog } from '../../../electron/browser/bridge-limits';
import { createMemoryLogger } from '../../../electron/core/logging/logger';

describe('refusal log', () => {
  it('writes one line per refusal up to the budget, then sums up the rest in the next minute', () => {
    const logger = createMemoryLogger();
    let now = 0;
    const log = new RefusalLog(logger, 3, () => now);
    for (let i = 0; i < 10; i++) log.refuse('no hello in time');
    expect(logger.lines).toHaveLength(3);
    now += 60_000;
    log.refuse('no hello in time');
    expect(logger.lines).toHaveLength(5);
    expect(logger.lines[3]).toContain('refused more bridge peers');
    expect(logger.lines[3]).toContain('7');
  });
});

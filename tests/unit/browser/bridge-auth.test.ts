/** Launch codes and sessions: single use, short life, and a resume ticket honoured only for a closed page. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BridgeAuth } from '../../../electron/browser/bridge-auth';

afterEach(() => {
  vi.useRealTimers();
});

function clocked(options: ConstructorParameters<typeof BridgeAuth>[0] = {}) {
  let now = 1_000_000;
  const auth = new BridgeAuth({ now: () => now, ...options });
  return { auth, tick: (ms: number) => (now += ms) };
}

describe('launch codes', () => {
  it('are 256 random bits, and each opens one session once', async () => {
    const { auth } = clocked();
    const code = auth.mintCode();
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    expect(auth.mintCode()).not.toBe(code);
    expect(await auth.exchange({ code }, {})).toEqual({
      key: expect.stringMatching(/^[0-9a-f]{64}$/),
      resume: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await auth.exchange({ code }, {})).toBeUndefined();
  });

  it('expire', async () => {
    const { auth, tick } = clocked({ codeTtlMs: 1000 });
    const code = auth.mintCode();
    tick(1000);
    expect(await auth.exchange({ code }, {})).toBeUndefined();
    const fresh = auth.mintCode();
    tick(999);
    expect(await auth.exchange({ code: fresh }, {})).toBeDefined();
  });

  it('refuse anything that is not a code the app made', async () => {
    const { auth } = clocked();
    auth.mintCode();
    for (const code of ['', '0'.repeat(64), 'x', '键'.repeat(64)])
      expect(await auth.exchange({ code }, {})).toBeUndefined();
  });

  it('tell who redeemed one, so the launch file can hold a fresh one', async () => {
    const redeemed: string[] = [];
    const { auth } = clocked({ onRedeem: (code) => redeemed.push(code) });
    const code = auth.mintCode();
    await auth.exchange({ code }, {});
    expect(redeemed).toEqual([code]);
  });
});

describe('sessions', () => {
  it("hand out a parcel key that names the page's connection until it closes", async () => {
    const { auth } = clocked();
    const page = {};
    const grant = await auth.exchange({ code: auth.mintCode() }, page);
    expect(auth.ownerOfKey(grant?.key ?? '')).toBe(page);
    expect(auth.ownerOfKey('0'.repeat(64))).toBeUndefined();
    auth.detach(page);
    expect(auth.ownerOfKey(grant?.key ?? '')).toBeUndefined();
  });

  it('resume a closed page once, within the grace, with fresh secrets', async () => {
    const { auth, tick } = clocked({ resumeGraceMs: 10_000 });
    const page = {};
    const first = await auth.exchange({ code: auth.mintCode() }, page);
    auth.detach(page);
    tick(9_999);
    const reloaded = {};
    const second = await auth.exchange({ resume: first?.resume ?? '' }, reloaded);
    expect(second?.resume).toMatch(/^[0-9a-f]{64}$/);
    expect(second?.resume).not.toBe(first?.resume);
    expect(second?.key).not.toBe(first?.key);
    expect(auth.ownerOfKey(second?.key ?? '')).toBe(reloaded);
    // The spent ticket opens nothing, even once this page has closed too.
    auth.detach(reloaded);
    expect(await auth.exchange({ resume: first?.resume ?? '' }, {})).toBeUndefined();
  });

  it('end when the grace has passed', async () => {
    vi.useFakeTimers();
    const { auth, tick } = clocked({ resumeGraceMs: 10_000 });
    const page = {};
    const grant = await auth.exchange({ code: auth.mintCode() }, page);
    auth.detach(page);
    tick(10_001);
    vi.advanceTimersByTime(10_001);
    expect(auth.sessionCount).toBe(0);
    expect(await auth.exchange({ resume: grant?.resume ?? '' }, {})).toBeUndefined();
  });

  it('let only one of two racing resumes with the same ticket in', async () => {
    const { auth } = clocked({ resumeWaitMs: 1000 });
    const page = {};
    const grant = await auth.exchange({ code: auth.mintCode() }, page);
    const first = auth.exchange({ resume: grant?.resume ?? '' }, {});
    const second = auth.exchange({ resume: grant?.resume ?? '' }, {});
    auth.detach(page);
    const outcomes = await Promise.all([first, second]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
  });

  it("refuse a live page's ticket, unless the page closes while the resume waits (a reload)", async () => {
    const { auth } = clocked({ resumeWaitMs: 50 });
    const live = {};
    const grant = await auth.exchange({ code: auth.mintCode() }, live);
    expect(await auth.exchange({ resume: grant?.resume ?? '' }, {})).toBeUndefined();
    // The live page still works; its spent ticket does not.
    expect(auth.ownerOfKey(grant?.key ?? '')).toBe(live);

    const page = {};
    const next = await auth.exchange({ code: auth.mintCode() }, page);
    const resumed = auth.exchange({ resume: next?.resume ?? '' }, {});
    auth.detach(page);
    expect(await resumed).toBeDefined();
  });
});

/**
 * The new-instance path's input rules and gates, row by row: the name and password formats of the
 * CloneInstancesRequest model comments, and what keeps the form and the order closed.
 */
import { describe, expect, it } from 'vitest';
import {
  cloneFormGate,
  cloneGate,
  nameProblem,
  passwordProblem,
  passwordRuleFor,
} from '../../../renderer/src/components/clone/clone-gate';
import type { ClonePreflight, ClonePrice } from '../../../shared/clones';

describe('clone name', () => {
  it.each([
    ['orders-clone_2', undefined],
    ['订单缓存-副本', undefined],
    ['', 'empty'],
    ['   ', 'empty'],
    ['has space', 'format'],
    ['dot.name', 'format'],
    ['x'.repeat(59), undefined],
    ['x'.repeat(60), 'format'],
  ])('%j → %s', (name, problem) => {
    expect(nameProblem(name)).toBe(problem);
  });
});

describe('clone password', () => {
  it.each([
    ['Orders-2026', 'redis', undefined],
    ['orders2026', 'redis', undefined],
    ['ordersorders', 'redis', 'classes'],
    ['orders-orders', 'redis', undefined],
    ['Short1', 'redis', 'length'],
    [`${'x'.repeat(29)}A`, 'redis', undefined],
    [`${'x'.repeat(30)}A`, 'redis', 'length'],
    ['/Orders2026', 'redis', 'slash'],
    // Characters outside the four classes are not forbidden by the model's text: the cloud decides.
    ['Orders 2026', 'redis', undefined],
    ['', 'redis', 'empty'],
    ['abc12345', 'ckv', undefined],
    ['abcdefgh', 'ckv', 'classes'],
    ['abc-12345', 'ckv', 'chars'],
    ['short', 'undocumented', undefined],
    ['x'.repeat(65), 'undocumented', 'too-long'],
    ['', 'undocumented', 'empty'],
  ] as const)('%j (%s rule) → %s', (password, rule, problem) => {
    expect(passwordProblem(password, rule)).toBe(problem);
  });

  it.each([
    [2, 'redis'],
    [9, 'redis'],
    [3, 'ckv'],
    [4, 'ckv'],
    [15, 'undocumented'],
    [18, 'undocumented'],
    [undefined, 'undocumented'],
  ] as const)('type %s → %s rule', (typeId, rule) => {
    expect(passwordRuleFor(typeId)).toBe(rule);
  });
});

const form = {
  defaultsReady: true,
  name: 'orders-clone',
  noAuth: false,
  password: 'Orders-2026',
  passwordRule: 'redis' as const,
  pointValid: true,
  incomplete: [] as string[],
};

describe('form gate', () => {
  it('opens with everything set', () => {
    expect(cloneFormGate(form)).toEqual({ enabled: true, missing: [] });
  });
  it.each([
    [{ defaultsReady: false }, 'defaults'],
    [{ name: 'a b' }, 'name'],
    [{ password: 'short' }, 'password'],
    [{ pointValid: false }, 'point'],
    [{ incomplete: ['Status'] }, 'incomplete'],
  ] as const)('%j keeps it closed: %s', (patch, reason) => {
    expect(cloneFormGate({ ...form, ...patch }).missing).toEqual([reason]);
  });
  it('needs no password for a password-free instance', () => {
    expect(cloneFormGate({ ...form, noAuth: true, password: '' }).enabled).toBe(true);
  });
});

const price: ClonePrice = {
  billingMode: 'pay-as-you-go',
  period: 1,
  price: { amount: 152, unit: 'pent', unitStated: true, currency: 'CNY' },
  per: 'hour',
  quotedAt: '2026-11-30T08:00:00.000Z',
};
const preflight = (states: Array<'pass' | 'fail' | 'unknown'>, passed = true): ClonePreflight => ({
  checks: states.map((state, i) => ({
    id: i === 0 ? 'source-found' : 'quota',
    state,
    detail: '',
    reason: '',
    params: {},
  })),
  passed,
  requiresTypedConfirmation: true,
  confirmationText: 'orders-clone',
});
const order = {
  priceStatus: 'ready' as const,
  price,
  preflightStatus: 'ready' as const,
  preflight: preflight(['pass', 'unknown']),
  needsTyped: true,
  typed: 'orders-clone',
  expected: 'orders-clone',
  fleetUsable: true,
  outcomeUnknown: false,
};

describe('order gate', () => {
  it('opens with the price shown, no failed check and the name typed', () => {
    expect(cloneGate(order)).toEqual({ enabled: true, missing: [] });
  });
  it('stays closed when a check failed even if the summary flag says passed', () => {
    expect(cloneGate({ ...order, preflight: preflight(['pass', 'fail'], true) }).missing).toEqual([
      'preflight',
    ]);
  });
  it('stays closed on an empty check list', () => {
    expect(cloneGate({ ...order, preflight: preflight([]) }).missing).toEqual(['preflight']);
  });
  it.each([
    [{ priceStatus: 'loading' as const }, 'price'],
    [{ price: undefined }, 'price'],
    [{ typed: 'orders-clon' }, 'typed'],
    [{ fleetUsable: false }, 'stale'],
    [{ outcomeUnknown: true }, 'unknown'],
    [{ preflightStatus: 'error' as const }, 'preflight'],
  ])('%j keeps it closed: %s', (patch, reason) => {
    expect(cloneGate({ ...order, ...patch }).missing).toEqual([reason]);
  });
});

/**
 * The restore dialog's new-instance path: offered first and by default, pre-filled from the source, the price
 * shown before anything can be ordered, every check, the typed name, the point-in-time timeline whose gaps
 * cannot be chosen, the tccli command without the password, and `clone:start` sent once.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RestoreDialog } from '../../../renderer/src/components/restore/restore-dialog';
import { toRow } from '../../../renderer/src/fleet-grid';
import { createAppStore } from '../../../renderer/src/store';
import type {
  CloneCheck,
  CloneDefaults,
  ClonePreflight,
  ClonePrice,
  PitrRange,
} from '../../../shared/clones';
import type { ProfileView } from '../../../shared/profiles';
import { type Envelope, fail, ok } from '../../../shared/result';
import { defaultPreferences } from '../../../shared/settings';
import { renderWithStore } from './fixtures/render';
import { fakeCore, info, instance, profile, record } from './fixtures/sample';

afterEach(cleanup);

const inst = instance();

const defaults = (patch: Partial<CloneDefaults> = {}): CloneDefaults => ({
  source: inst,
  spec: { typeId: 15, memSizeMb: 4096, shardNum: 1, replicasNum: 1, secondLevelBackup: true },
  plan: {
    zoneId: 100003,
    billingMode: 'pay-as-you-go',
    period: 1,
    vpcId: 'vpc-1a2b3c',
    subnetId: 'subnet-4d5e6f',
    securityGroupIds: ['sg-7g8h9i'],
    noAuth: false,
    port: 6379,
    projectId: 0,
    tags: [{ key: 'env', value: 'prod' }],
  },
  unread: [],
  ...patch,
});

const price = (patch: Partial<ClonePrice> = {}): ClonePrice => ({
  billingMode: 'pay-as-you-go',
  period: 1,
  price: { amount: 152, unit: 'pent', unitStated: true, currency: 'CNY' },
  per: 'hour',
  quotedAt: '2026-11-30T08:00:00.000Z',
  ...patch,
});

const checkIds: CloneCheck['id'][] = [
  'endpoint-reachable',
  'source-found',
  'source-running',
  'backup-restorable',
  'zone-sells-spec',
  'quota',
];

const preflight = (failing?: CloneCheck['id']): ClonePreflight => ({
  checks: checkIds.map((id) => ({
    id,
    state: id === failing ? 'fail' : id === 'quota' ? 'unknown' : 'pass',
    detail: id === failing ? `${id} failed` : 'ok',
    reason: id === failing ? id : id === 'quota' ? 'checked-at-order' : 'ok',
    params: {},
  })),
  passed: failing === undefined,
  requiresTypedConfirmation: true,
  confirmationText: 'orders-clone',
});

const T8 = '2026-11-30T08:00:00.000Z';
const pitrRange = (patch: Partial<PitrRange> = {}): PitrRange => ({
  enabled: true,
  start: '2026-11-30T02:00:00.000Z',
  end: T8,
  missing: [{ start: '2026-11-30T07:00:00.000Z', end: '2026-11-30T07:10:00.000Z' }],
  checkedAt: T8,
  ...patch,
});

interface Setup {
  profile?: Partial<ProfileView>;
  defaults?: () => Envelope<unknown>;
  pitr?: PitrRange;
  price?: () => Envelope<unknown> | Promise<Envelope<unknown>>;
  preflight?: ClonePreflight;
  start?: (request: unknown) => Envelope<unknown>;
}

async function openDialog(setup: Setup = {}) {
  const prof = profile({ environment: 'production', ...setup.profile });
  const fake = fakeCore({
    overrides: {
      'clone:defaults': setup.defaults ?? (() => ok(defaults())),
      'clone:pitr-range': () => ok(setup.pitr ?? pitrRange({ enabled: false, missing: [] })),
      'clone:price': setup.price ?? (() => ok(price())),
      'clone:preflight': () => ok(setup.preflight ?? preflight()),
      'clone:start':
        setup.start ??
        (() => ok(record({ kind: 'clone', status: 'pending', phase: 'accepted', restoreId: 'c-1' }))),
    },
  });
  const store = createAppStore(fake.api);
  store.setState({
    status: 'ready',
    info: info(),
    prefs: defaultPreferences,
    profiles: [prof],
    activeProfileId: prof.id,
    fleetProfileId: prof.id,
    fleetRows: [toRow(inst)],
    freshness: { source: 'live', stale: false, fetchedAt: T8 },
  });
  renderWithStore(store, <RestoreDialog />);
  await act(() =>
    store.getState().openRestore({
      profileId: prof.id,
      region: inst.region,
      instanceId: inst.id,
      backupId: '64b1c2d3-backup-1',
    }),
  );
  // The clone's own reads start from the dialog's effect.
  await act(async () => {});
  return { fake, store, prof };
}

const reviewButton = () => screen.getByTestId('clone-review') as HTMLButtonElement;
const submit = () => screen.getByTestId('clone-submit') as HTMLButtonElement;
const fill = (testId: string, value: string) =>
  fireEvent.change(screen.getByTestId(testId), { target: { value } });

async function toReview(name = 'orders-clone', password = 'Orders-2026') {
  fill('clone-name', name);
  fill('clone-password', password);
  await act(async () => fireEvent.click(reviewButton()));
}

describe('restore dialog: two paths', () => {
  it('offers the new instance first and by default, and says the source is untouched and billed', async () => {
    await openDialog();
    const radios = within(screen.getByTestId('restore-paths')).getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(['clone', 'overwrite']);
    expect((radios[0] as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText('Restore into a new instance (recommended)')).toBeTruthy();
    expect(screen.getByTestId('clone-untouched').textContent).toMatch(/orders-cache is not changed/);
    expect(screen.getByTestId('clone-cost').textContent).toMatch(/billed .* until you release it/);
    // The overwrite's consequences are not said of a clone.
    expect(screen.queryByText(/Data written to this instance after the backup/)).toBeNull();
    expect(screen.queryByTestId('restore-submit')).toBeNull();
  });

  it('switches to the unchanged overwrite path and back', async () => {
    await openDialog();
    await act(async () => fireEvent.click(screen.getByTestId('path-overwrite')));
    expect(screen.getByTestId('restore-submit')).toBeTruthy();
    expect(screen.getByText(/Data written to this instance after the backup/)).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByTestId('path-clone')));
    expect(screen.getByTestId('clone-review')).toBeTruthy();
  });

  it('offers only the overwrite on a legacy v2 profile, and says why', async () => {
    const { fake } = await openDialog({ profile: { generation: 'legacy-v2' } });
    expect((screen.getByTestId('path-clone') as HTMLInputElement).disabled).toBe(true);
    expect((screen.getByTestId('path-overwrite') as HTMLInputElement).checked).toBe(true);
    expect(screen.getByText(/CloneInstances is an API 3.0 action/)).toBeTruthy();
    expect(fake.calls.some((c) => c.channel.startsWith('clone:'))).toBe(false);
  });

  it('pre-fills what the source has, read-only', async () => {
    await openDialog();
    const facts = screen.getByTestId('clone-inherited').textContent ?? '';
    // The zone by its name and its number (shared/crs-zones.ts), as the instance page shows it.
    for (const text of [
      'ap-guangzhou-3 (100003)',
      'vpc-1a2b3c / subnet-4d5e6f',
      'sg-7g8h9i',
      '4 GB',
      'env=prod',
      '6379',
    ]) {
      expect(facts).toContain(text);
    }
  });

  it('refuses to go on when the source’s zone or security groups could not be read', async () => {
    await openDialog({ defaults: () => ok(defaults({ unread: ['security-groups'] })) });
    fill('clone-name', 'orders-clone');
    fill('clone-password', 'Orders-2026');
    expect(reviewButton().disabled).toBe(true);
    expect(screen.getByTestId('clone-unread').textContent).toMatch(/the security groups/);
  });
});

describe('new-instance form', () => {
  it('needs a valid name and a valid password (or password-free) before the price', async () => {
    await openDialog();
    expect(reviewButton().disabled).toBe(true);
    fill('clone-name', 'orders clone!');
    fill('clone-password', 'Orders-2026');
    expect(reviewButton().disabled).toBe(true);
    expect(screen.getByText('Use up to 59 letters, digits, Chinese characters, - or _.')).toBeTruthy();
    fill('clone-name', 'orders-clone');
    expect(reviewButton().disabled).toBe(false);
    fill('clone-password', 'onlylowercase');
    expect(reviewButton().disabled).toBe(true);
    expect(screen.getByText('Use at least two kinds of characters.')).toBeTruthy();
    fireEvent.click(screen.getByTestId('clone-noauth'));
    expect(screen.queryByTestId('clone-password')).toBeNull();
    expect(reviewButton().disabled).toBe(false);
  });

  it('shows the price with its currency and billing mode before the order can be placed', async () => {
    let answer: (value: Envelope<unknown>) => void = () => undefined;
    const { fake } = await openDialog({
      price: () => new Promise((resolve) => (answer = resolve)),
    });
    await toReview();
    fill('clone-confirm-input', 'orders-clone');
    // No price yet: nothing can be ordered, and the reason is listed.
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('the price is shown')).toBeTruthy();
    await act(async () => answer(ok(price())));
    expect(screen.getByTestId('clone-price-amount').textContent).toMatch(/1\.52/);
    expect(screen.getByTestId('clone-price-amount').textContent).toMatch(/CN¥|¥|CNY/);
    expect(screen.getByTestId('clone-price-per').textContent).toBe('per hour');
    expect(screen.getByTestId('clone-price').textContent).toContain('Pay-as-you-go');
    expect(submit().disabled).toBe(false);
    const priced = fake.calls.find((c) => c.channel === 'clone:price')?.request as Record<string, unknown>;
    expect(priced).toMatchObject({ billingMode: 'pay-as-you-go', period: 1, zoneId: 100003 });
    expect(priced).not.toHaveProperty('password');
  });

  it('converts a microPent price and prices a monthly period', async () => {
    await openDialog({
      price: () =>
        ok(
          price({
            billingMode: 'monthly',
            period: 3,
            per: 'period',
            price: { amount: 91_200_000_000, unit: 'microPent', unitStated: true, currency: 'CNY' },
          }),
        ),
    });
    fireEvent.click(screen.getByTestId('billing-monthly'));
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '3' } });
    await toReview();
    expect(screen.getByTestId('clone-price-amount').textContent).toMatch(/912\.00/);
    expect(screen.getByTestId('clone-price-per').textContent).toBe('for 3 months');
  });

  it('blocks the order when the price could not be read', async () => {
    await openDialog({ price: () => fail('NETWORK', 'down') });
    await toReview();
    fill('clone-confirm-input', 'orders-clone');
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('The price could not be read')).toBeTruthy();
  });

  it('keeps Order disabled until the new name is typed exactly', async () => {
    await openDialog();
    await toReview();
    expect(submit().disabled).toBe(true);
    fill('clone-confirm-input', 'orders-clon');
    expect(submit().disabled).toBe(true);
    fill('clone-confirm-input', 'orders-clone');
    expect(submit().disabled).toBe(false);
  });

  it.each(checkIds.filter((id) => id !== 'quota'))('blocks the order when %s fails', async (id) => {
    await openDialog({ preflight: preflight(id) });
    await toReview();
    fill('clone-confirm-input', 'orders-clone');
    expect(submit().disabled).toBe(true);
    expect(document.querySelector(`[data-check="${id}"]`)?.textContent).toContain(`${id} failed`);
  });

  it('shows a check the API cannot make as such, without blocking', async () => {
    await openDialog();
    await toReview();
    const quota = document.querySelector('[data-check="quota"]')?.textContent;
    expect(quota).toContain('Not checkable');
    expect(quota).toContain('checked by the cloud when the order is placed');
  });

  it('gives the tccli command with --cli-unfold-argument and never the password', async () => {
    await openDialog();
    await toReview('orders-clone', 'Orders-2026');
    fireEvent.click(within(screen.getByTestId('tccli-clone')).getByText('Equivalent tccli command'));
    const text = screen.getByTestId('tccli-clone-text').textContent ?? '';
    expect(text).toMatch(/^tccli redis CloneInstances /);
    expect(text).toContain('--cli-unfold-argument');
    expect(text).toContain('--BackupId 64b1c2d3-backup-1');
    expect(text).toContain('--InstanceName orders-clone');
    expect(text).not.toContain('Orders-2026');
    expect(text).toContain('--Password "$CRS_PASSWORD"');
  });

  it('sends clone:start once with the priced plan and the price shown, then closes', async () => {
    const { fake, store } = await openDialog();
    await toReview('orders-clone', 'Orders-2026');
    fill('clone-confirm-input', 'orders-clone');
    await act(async () => fireEvent.click(submit()));
    const starts = fake.calls.filter((c) => c.channel === 'clone:start');
    expect(starts).toHaveLength(1);
    expect(starts[0]?.request).toMatchObject({
      plan: { instanceName: 'orders-clone', point: { kind: 'backup', backupId: '64b1c2d3-backup-1' } },
      priceShown: price(),
      password: 'Orders-2026',
      confirmation: 'orders-clone',
    });
    expect(store.getState().restore).toBeUndefined();
    expect(JSON.stringify(store.getState())).not.toContain('Orders-2026');
  });

  it('locks the order when its answer was lost, and says not to order again', async () => {
    const { fake } = await openDialog({ start: () => fail('CLONE_OUTCOME_UNKNOWN', 'no answer') });
    await toReview();
    fill('clone-confirm-input', 'orders-clone');
    await act(async () => fireEvent.click(submit()));
    expect(screen.getByTestId('clone-outcome-unknown').textContent).toMatch(/Do not order again/);
    expect(submit().disabled).toBe(true);
    await act(async () => fireEvent.click(submit()));
    expect(fake.calls.filter((c) => c.channel === 'clone:start')).toHaveLength(1);
    expect((screen.getByTestId('clone-back') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('a price that changed before the order', () => {
  it('is refused by main; the old price is dropped and must be asked for and seen again', async () => {
    let quote = 152;
    let refuse = true;
    const { fake } = await openDialog({
      price: () => ok(price({ price: { amount: quote, unit: 'pent', unitStated: true, currency: 'CNY' } })),
      start: () =>
        refuse
          ? fail('CLONE_PRICE_CHANGED', 'The price changed since it was shown; nothing was ordered.')
          : ok(record({ kind: 'clone', status: 'pending', phase: 'accepted', restoreId: 'c-1' })),
    });
    await toReview();
    fill('clone-confirm-input', 'orders-clone');
    await act(async () => fireEvent.click(submit()));
    expect(screen.getByText(/The price changed since it was shown/)).toBeTruthy();
    expect(screen.queryByTestId('clone-price-amount')).toBeNull();
    expect(screen.getByTestId('clone-price-stale')).toBeTruthy();
    expect(submit().disabled).toBe(true);
    quote = 180;
    refuse = false;
    await act(async () => fireEvent.click(screen.getByTestId('clone-recheck')));
    expect(screen.getByTestId('clone-price-amount').textContent).toMatch(/1\.80/);
    expect(submit().disabled).toBe(false);
    await act(async () => fireEvent.click(submit()));
    const starts = fake.calls.filter((c) => c.channel === 'clone:start');
    expect(starts).toHaveLength(2);
    expect(starts[1]?.request).toMatchObject({ priceShown: { price: { amount: 180 } } });
  });
});

describe('point-in-time timeline', () => {
  const pitrSetup = { pitr: pitrRange() };

  it('is offered only where second-level backups exist', async () => {
    await openDialog();
    expect((screen.getByTestId('point-time') as HTMLInputElement).disabled).toBe(true);
    expect(screen.getByTestId('pitr-none')).toBeTruthy();
  });

  it('lists the gaps and never lets the keyboard land in one', async () => {
    await openDialog(pitrSetup);
    fireEvent.click(screen.getByTestId('point-time'));
    const slider = screen.getByRole('slider');
    expect(slider.getAttribute('aria-valuenow')).toBe(String(Date.parse(T8)));
    expect(screen.getByTestId('pitr-gap-list').textContent).toMatch(/No backup from 2026-11-30 15:00:00/);
    // One hour back from 08:00 is 07:00, inside the gap 07:00–07:10: it lands just before it.
    fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(slider.getAttribute('aria-valuenow')).toBe(String(Date.parse('2026-11-30T06:59:59.000Z')));
    fireEvent.keyDown(slider, { key: 'ArrowRight', shiftKey: true });
    expect(slider.getAttribute('aria-valuenow')).toBe(String(Date.parse('2026-11-30T07:10:01.000Z')));
    fireEvent.keyDown(slider, { key: 'Home' });
    expect(slider.getAttribute('aria-valuenow')).toBe(String(Date.parse('2026-11-30T02:00:00.000Z')));
    expect(slider.getAttribute('aria-valuetext')).toBe('2026-11-30 10:00:00 (UTC+8)');
  });

  it('follows a pointer drag on the bar, with the pointer captured, snapping out of the gaps', async () => {
    await openDialog(pitrSetup);
    fireEvent.click(screen.getByTestId('point-time'));
    const bar = screen.getByTestId('pitr-bar');
    const slider = screen.getByRole('slider');
    // jsdom lays nothing out and has no pointer capture: the bar is 600 px wide for 02:00–08:00, 1 px = 36 s.
    bar.getBoundingClientRect = () => ({ left: 100, width: 600, top: 0, height: 22 }) as DOMRect;
    const captured = new Set<number>();
    bar.setPointerCapture = (id: number) => captured.add(id);
    bar.releasePointerCapture = (id: number) => captured.delete(id);
    bar.hasPointerCapture = (id: number) => captured.has(id);
    const now = () => new Date(Number(slider.getAttribute('aria-valuenow'))).toISOString();

    fireEvent.pointerDown(bar, { pointerId: 7, button: 0, clientX: 200 });
    expect(captured.has(7)).toBe(true);
    expect(now()).toBe('2026-11-30T03:00:00.000Z');
    expect(document.activeElement).toBe(slider);
    // 07:04 lies in the gap 07:00–07:10: nearer its start, it lands on the second before the gap.
    fireEvent.pointerMove(bar, { pointerId: 7, clientX: 606 + 2 / 3 });
    expect(now()).toBe('2026-11-30T06:59:59.000Z');
    // 07:08 is nearer the gap's end: the second after it.
    fireEvent.pointerMove(bar, { pointerId: 7, clientX: 613 + 1 / 3 });
    expect(now()).toBe('2026-11-30T07:10:01.000Z');
    // Captured, the drag goes on outside the bar, held at the range's end.
    fireEvent.pointerMove(bar, { pointerId: 7, clientX: 900 });
    expect(now()).toBe(T8);
    // Another pointer's moves are not this drag's.
    fireEvent.pointerMove(bar, { pointerId: 8, clientX: 150 });
    expect(now()).toBe(T8);
    fireEvent.pointerUp(bar, { pointerId: 7, clientX: 900 });
    expect(captured.size).toBe(0);
    // Released, a move no longer changes the time.
    fireEvent.pointerMove(bar, { pointerId: 7, clientX: 200 });
    expect(now()).toBe(T8);
  });

  it('sends the chosen time as the clone’s point', async () => {
    const { fake } = await openDialog({
      ...pitrSetup,
      preflight: { ...preflight(), pointBackupId: '1250000000-6000001-base' },
    });
    fireEvent.click(screen.getByTestId('point-time'));
    fireEvent.keyDown(screen.getByRole('slider'), { key: 'PageDown' });
    await toReview();
    expect(fake.calls.find((c) => c.channel === 'clone:preflight')?.request).toMatchObject({
      plan: { point: { kind: 'time', time: '2026-11-30T06:59:59.000Z' } },
    });
    expect(screen.getByTestId('clone-plan-point').textContent).toContain('2026-11-30 14:59:59 (UTC+8)');
    // The tccli command sends the time as the client does: the cloud's wall clock, Beijing time.
    fireEvent.click(within(screen.getByTestId('tccli-clone')).getByText('Equivalent tccli command'));
    const text = screen.getByTestId('tccli-clone-text').textContent ?? '';
    expect(text).toContain("--CloneTime '2026-11-30 14:59:59'");
    // The backup the checks named for that second, as the client sends it with CloneTime.
    expect(text).toContain('--BackupId 1250000000-6000001-base');
  });
});

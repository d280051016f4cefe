/**
 * Everything the new-instance path derives, so its components only render: the source's pre-filled plan,
 * the point (the chosen backup, or a time on the timeline), the fields the user sets, the two gates (form →
 * review, review → order) and the one submit that sends `clone:start`.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingMode, ClonePlan, PitrRange } from '../../../../shared/clones';
import { requiresTypedConfirmation } from '../../../../shared/restore-rules';
import { requestNotificationPermission } from '../../lib/notify';
import { useApp } from '../../store';
import { sameSource } from '../../store/clone-slice';
import { selectFleetUsable, selectRowById } from '../../store/selectors';
import { cloneFormGate, cloneGate, passwordRuleFor } from './clone-gate';
import { isSelectable, latestSelectable, type PitrWindow, SECOND } from './pitr-steps';

export type PointKind = 'backup' | 'time';

const ms = (iso: string | undefined) => {
  const value = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(value) ? Math.floor(value / SECOND) * SECOND : undefined;
};

/** The range as the timeline draws it; undefined when the instance has no second-level backups. */
export function pitrWindow(range: PitrRange | undefined): PitrWindow | undefined {
  if (!range?.enabled) return undefined;
  const start = ms(range.start);
  const end = ms(range.end);
  if (start === undefined || end === undefined || end < start) return undefined;
  const gaps = range.missing.flatMap((g) => {
    const a = ms(g.start);
    const b = ms(g.end);
    // A gap the app cannot read is not drawn as backed up: it takes the whole range.
    return a === undefined || b === undefined
      ? [{ start, end }]
      : [{ start: Math.min(a, b), end: Math.max(a, b) }];
  });
  return { start, end, gaps };
}

export function useCloneForm(active: boolean) {
  const { t } = useTranslation();
  const target = useApp((s) => s.restore?.target);
  const state = useApp((s) => s.clone);
  const openClone = useApp((s) => s.openClone);
  const closeClone = useApp((s) => s.closeClone);
  const closeRestore = useApp((s) => s.closeRestore);
  const reviewClone = useApp((s) => s.reviewClone);
  const editClone = useApp((s) => s.editClone);
  const startClone = useApp((s) => s.startClone);
  const addToast = useApp((s) => s.addToast);
  const fleetUsable = useApp(selectFleetUsable);
  const typedPref = useApp((s) => s.prefs?.typedConfirmation ?? 'always');
  const profile = useApp((s) => s.profiles.find((p) => p.id === s.restore?.target.profileId));
  const row = useApp((s) => (s.restore ? selectRowById(s, s.restore.target.instanceId) : undefined));

  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [noAuth, setNoAuth] = useState(false);
  const [billingMode, setBillingMode] = useState<BillingMode>('pay-as-you-go');
  const [period, setPeriod] = useState(1);
  const [autoRenew, setAutoRenew] = useState<0 | 1 | 2>(0);
  const [pointKind, setPointKind] = useState<PointKind>('backup');
  const [time, setTime] = useState<number>();
  const [typed, setTyped] = useState('');

  const source = useMemo(
    () =>
      target
        ? { profileId: target.profileId, region: target.region, instanceId: target.instanceId }
        : undefined,
    [target],
  );
  const legacy = profile?.generation === 'legacy-v2';
  useEffect(() => {
    if (active && source && !legacy && !sameSource(state?.source, source)) void openClone(source);
  }, [active, source, legacy, state?.source, openClone]);

  const pitr = pitrWindow(state?.pitr);
  useEffect(() => {
    if (pitr && time === undefined) setTime(latestSelectable(pitr));
  }, [pitr, time]);

  if (!target || !state || !source || !sameSource(state.source, source)) return undefined;
  const defaults = state.defaults;
  const sourceInstance = defaults?.source ?? row?.instance;
  const passwordRule = passwordRuleFor(
    sourceInstance?.generation === 'v3' ? sourceInstance.typeId : undefined,
  );
  const pointValid =
    pointKind === 'backup'
      ? target.backupId !== ''
      : pitr !== undefined && time !== undefined && isSelectable(pitr, time);
  // Without the zone or the security groups CloneInstances cannot be asked: both are required fields.
  const blockingUnread = defaults?.unread.filter((u) => u === 'zone' || u === 'security-groups') ?? [];
  const formGate = cloneFormGate({
    defaultsReady:
      state.defaultsStatus === 'ready' && defaults?.plan.zoneId !== undefined && blockingUnread.length === 0,
    name,
    noAuth,
    password,
    passwordRule,
    pointValid,
    incomplete: [...(row?.instance.incomplete ?? []), ...(defaults?.source.incomplete ?? [])],
  });

  const plan: ClonePlan | undefined =
    defaults && defaults.plan.zoneId !== undefined
      ? {
          profileId: target.profileId,
          region: target.region,
          sourceInstanceId: target.instanceId,
          point:
            pointKind === 'backup'
              ? { kind: 'backup', backupId: target.backupId }
              : { kind: 'time', time: new Date(time ?? 0).toISOString() },
          zoneId: defaults.plan.zoneId,
          billingMode,
          period: billingMode === 'monthly' ? period : 1,
          ...(defaults.plan.vpcId ? { vpcId: defaults.plan.vpcId } : {}),
          ...(defaults.plan.subnetId ? { subnetId: defaults.plan.subnetId } : {}),
          securityGroupIds: defaults.plan.securityGroupIds,
          instanceName: name,
          noAuth,
          ...(defaults.plan.port !== undefined ? { port: defaults.plan.port } : {}),
          ...(defaults.plan.nodeSet ? { nodeSet: defaults.plan.nodeSet } : {}),
          projectId: defaults.plan.projectId,
          tags: defaults.plan.tags,
          ...(billingMode === 'monthly' ? { autoRenew } : {}),
        }
      : undefined;

  const review = state.review;
  const needsTyped =
    (review?.preflight?.requiresTypedConfirmation ?? false) ||
    requiresTypedConfirmation(profile?.environment ?? 'production', typedPref);
  const expected = review?.preflight?.confirmationText || review?.plan.instanceName || name;
  const gate = cloneGate({
    priceStatus: review?.priceStatus ?? 'idle',
    ...(review?.price ? { price: review.price } : {}),
    preflightStatus: review?.preflightStatus ?? 'idle',
    ...(review?.preflight ? { preflight: review.preflight } : {}),
    needsTyped,
    typed,
    expected,
    fleetUsable,
    outcomeUnknown: state.outcomeUnknown,
  });
  const enabled = review !== undefined && gate.enabled && !state.submitting;

  const close = () => {
    if (state.submitting) return;
    closeClone();
    closeRestore();
  };

  /** Sends `clone:start` once: a billable order; main answers once it is journaled, and the task takes over. */
  const submit = async () => {
    if (!enabled || !review) return;
    requestNotificationPermission();
    const record = await startClone({
      ...(review.plan.noAuth ? {} : { password }),
      ...(needsTyped ? { confirmation: typed } : {}),
    });
    if (record) {
      setPassword('');
      close();
      addToast({
        level: 'info',
        titleKey: 'clone.toast.started',
        values: { name: review.plan.instanceName },
        body: t('clone.started'),
        href: '#/tasks',
      });
    }
  };

  return {
    state,
    target,
    profile,
    defaults,
    sourceInstance,
    passwordRule,
    pitr,
    plan,
    review,
    formGate,
    gate,
    enabled,
    needsTyped,
    expected,
    blockingUnread,
    fields: {
      name,
      setName,
      password,
      setPassword,
      noAuth,
      setNoAuth,
      billingMode,
      setBillingMode,
      period,
      setPeriod,
      autoRenew,
      setAutoRenew,
      pointKind,
      setPointKind,
      time,
      setTime,
      typed,
      setTyped,
    },
    retry: () => void openClone(source),
    toReview: () => {
      if (plan && formGate.enabled) {
        setTyped('');
        void reviewClone(plan, noAuth ? undefined : password);
      }
    },
    toForm: editClone,
    /** Prices and checks the same plan again (after a failed check or price). */
    recheck: () => {
      if (state.review) void reviewClone(state.review.plan, state.review.plan.noAuth ? undefined : password);
    },
    close,
    submit,
  };
}

export type CloneForm = NonNullable<ReturnType<typeof useCloneForm>>;

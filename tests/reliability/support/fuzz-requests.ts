/**
 * Generates hostile requests for every channel of the contract: wrong root types, wrong field types,
 * unknown keys, huge strings, prototype-pollution keys, unknown channels, and well-formed requests naming a
 * profile that does not exist. Channels and field names are read from `invokeContract`, so a new channel is
 * fuzzed without anyone touching this file. Each case carries the answer it must get.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  type InvokeChannel,
  invokeChannels,
  invokeContract,
  isInvokeChannel,
} from '../../../shared/ipc-contract';

export type Expected = 'UNKNOWN_CHANNEL' | 'INVALID_REQUEST' | 'PROFILE_NOT_FOUND';

export interface FuzzCase {
  kind: string;
  channel: unknown;
  request: unknown;
  expected: Expected;
}

/** Top-level field names of a request schema (object, or union of objects). */
export function fieldsOf(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodUnion)
    return [...new Set(schema.options.flatMap((o) => fieldsOf(o as z.ZodType)))];
  return [];
}

/**
 * Well-formed requests that name a profile that does not exist: they pass the schema and must be refused by
 * the service with its typed error, touching nothing. Keyed by channel so the compiler checks the names.
 */
const WRONG_ID: Partial<Record<InvokeChannel, (id: string) => unknown>> = {
  'profiles:update': (id) => ({ id, name: 'renamed' }),
  'profiles:delete': (id) => ({ id }),
  'profiles:test': (id) => ({ id }),
  'fleet:cached': (id) => ({ profileId: id }),
  'fleet:refresh': (id) => ({ profileId: id }),
  'passwords:forget': (id) => ({ profileId: id, instanceId: 'crs-abcd1234' }),
  'backups:list': (id) => ({
    profileId: id,
    region: 'ap-guangzhou',
    instanceId: 'crs-abcd1234',
    span: 7,
  }),
  'restore:preflight': (id) => ({
    profileId: id,
    region: 'ap-guangzhou',
    instanceId: 'crs-abcd1234',
    backupId: 'b-1',
  }),
  'restore:start': (id) => ({
    profileId: id,
    region: 'ap-guangzhou',
    instanceId: 'crs-abcd1234',
    backupId: 'b-1',
    password: 'x',
    confirmation: 'x',
  }),
};

const BAD_CHANNELS = (random: () => number): unknown[] => [
  '',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'fleet:page',
  'task:updated',
  `${invokeChannels[Math.floor(random() * invokeChannels.length)]} `,
  `${invokeChannels[Math.floor(random() * invokeChannels.length)]?.toUpperCase()}`,
  'app:info\u0000',
  'x'.repeat(10_000),
  42,
  null,
  true,
  {},
  ['app:info'],
  { channel: 'app:info' },
];

export function createFuzzer(random: () => number, options: { maxString: number }) {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hugeString = () =>
    pick(['A', '中', '\u0000', '"', '\\', '<script>']).repeat(
      1000 + Math.floor(random() * options.maxString),
    );
  const wrongValue = (): unknown =>
    pick<() => unknown>([
      () => null,
      () => -1,
      () => 1e308,
      () => 3.5,
      () => true,
      () => [],
      () => [1, 'two', null],
      () => ({}),
      () => ({ nested: { deeper: [{}] } }),
      () => '',
      () => 'not-a-uuid',
      () => '../../etc/passwd',
      () => 'crs-abcd1234; rm -rf /',
      () => hugeString(),
    ])();
  const pollution = (): Record<string, unknown> =>
    JSON.parse(
      pick([
        '{"__proto__":{"polluted":"yes","isAdmin":true}}',
        '{"constructor":{"prototype":{"polluted":"yes"}}}',
        '{"__proto__":{"toString":"x"},"profileId":"p"}',
        '{"prototype":{"polluted":"yes"}}',
      ]),
    ) as Record<string, unknown>;

  function candidate(channel: InvokeChannel): Omit<FuzzCase, 'expected'> {
    const fields = fieldsOf(invokeContract[channel].request);
    const kind = pick(['root', 'field', 'unknown-key', 'huge', 'pollution', 'wrong-id']);
    const base: Record<string, unknown> = {};
    for (const f of fields) if (random() < 0.5) base[f] = wrongValue();
    switch (kind) {
      case 'root':
        return { kind, channel, request: pick([null, 0, 'request', true, [], [{}], undefined]) };
      case 'field': {
        const field = fields.length > 0 ? pick(fields) : 'unexpected';
        return { kind, channel, request: { ...base, [field]: wrongValue() } };
      }
      case 'unknown-key':
        return { kind, channel, request: { ...base, [`extra${Math.floor(random() * 1000)}`]: wrongValue() } };
      case 'huge': {
        const field = fields.length > 0 ? pick(fields) : 'blob';
        return { kind, channel, request: { ...base, [field]: hugeString() } };
      }
      case 'pollution':
        return { kind, channel, request: Object.assign(pollution(), base) };
      default: {
        const build = WRONG_ID[channel];
        return build
          ? { kind, channel, request: build(randomUUID()) }
          : { kind: 'root', channel, request: [channel] };
      }
    }
  }

  /** The next case; channels are taken round-robin so every one gets its share. */
  function next(index: number): FuzzCase {
    if (random() < 0.08)
      return {
        kind: 'unknown-channel',
        channel: pick(BAD_CHANNELS(random)),
        request: {},
        expected: 'UNKNOWN_CHANNEL',
      };
    const channel = invokeChannels[index % invokeChannels.length] as InvokeChannel;
    for (;;) {
      const c = candidate(channel);
      if (!isInvokeChannel(c.channel)) return { ...c, expected: 'UNKNOWN_CHANNEL' };
      const valid = invokeContract[channel].request.safeParse(c.request).success;
      if (!valid) return { ...c, expected: 'INVALID_REQUEST' };
      // Only the wrong-id builders may produce a valid request: anything else valid could change state.
      if (c.kind === 'wrong-id') return { ...c, expected: 'PROFILE_NOT_FOUND' };
    }
  }

  return { next };
}

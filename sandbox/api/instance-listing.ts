// DescribeInstances' filtering, ordering and rows, memoised. Paging through a 100,000-instance fleet asks
// the same question a hundred times (same region, filters and order; only Offset moves), and filtering,
// sorting and serialising 20,000 records per page made the sandbox, not the client or the rate limit, the
// bottleneck. The memo is keyed by the sandbox state's instance revision, which every change to an
// instance record bumps (SandboxState.instancesChanged), so an answer is never older than the state.
import type { SandboxState } from '../state/store.js';
import type { InstanceRecord } from '../state/types.js';
import { RawJson } from './raw-json.js';
import type { InstanceSet } from './sdk-models.js';
import { formatInstance } from './v3-format.js';

/** Everything DescribeInstances filters by; undefined means "no filter". */
export interface InstanceQuery {
  region: string;
  orderBy: string;
  orderType: 0 | 1;
  instanceId?: string | undefined;
  ids?: string[] | undefined;
  searchKeys?: string[] | undefined;
  searchKey?: string | undefined;
  name?: string | undefined;
  statuses?: number[] | undefined;
  projects?: number[] | undefined;
  type?: number | undefined;
  engine?: string | undefined;
  billing?: string | undefined;
  vpcs?: string[] | undefined;
  subnets?: string[] | undefined;
  tagKeys?: string[] | undefined;
  autoRenew?: number[] | undefined;
}

export type OrderKey = (i: InstanceRecord) => number | string;

interface Memo {
  revision: number;
  size: number;
  lists: Map<string, InstanceRecord[]>;
  rows: WeakMap<InstanceRecord, Buffer>;
}

/** Distinct queries kept at once; a client searching by many keys must not grow the memo without bound. */
const MAX_QUERIES = 64;

const memos = new WeakMap<SandboxState, Memo>();

function memoOf(state: SandboxState): Memo {
  let memo = memos.get(state);
  // The size check also catches records added to the map directly rather than through addInstance.
  if (!memo || memo.revision !== state.instancesRevision || memo.size !== state.instances.size) {
    memo = {
      revision: state.instancesRevision,
      size: state.instances.size,
      lists: new Map(),
      rows: new WeakMap(),
    };
    memos.set(state, memo);
  }
  return memo;
}

function matches(i: InstanceRecord, q: InstanceQuery, engineMatches: (type: number) => boolean): boolean {
  if (i.region !== q.region) return false;
  if (q.instanceId !== undefined && q.instanceId !== '' && i.id !== q.instanceId) return false;
  if (q.ids && q.ids.length > 0 && !q.ids.includes(i.id)) return false;
  // SearchKeys: name fuzzy, id and IP exact; a union within the array.
  if (
    q.searchKeys &&
    q.searchKeys.length > 0 &&
    !q.searchKeys.some((k) => i.name.includes(k) || i.id === k || i.wanIp === k)
  )
    return false;
  if (q.searchKey && !i.name.includes(q.searchKey)) return false;
  if (q.name && i.name !== q.name) return false;
  if (q.statuses && q.statuses.length > 0 && !q.statuses.includes(i.status)) return false;
  if (q.projects && q.projects.length > 0 && !q.projects.includes(i.projectId)) return false;
  if (q.type !== undefined && i.type !== q.type) return false;
  if (q.engine && !engineMatches(i.type)) return false;
  if (q.billing && i.billingMode !== (q.billing === 'prepaid' ? 1 : 0)) return false;
  if (q.vpcs && q.vpcs.length > 0 && !q.vpcs.includes(i.uniqVpcId)) return false;
  if (q.subnets && q.subnets.length > 0 && !q.subnets.includes(i.uniqSubnetId)) return false;
  if (q.tagKeys && q.tagKeys.length > 0 && !i.tags.some((t) => q.tagKeys?.includes(t.key))) return false;
  if (q.autoRenew && q.autoRenew.length > 0 && !q.autoRenew.includes(i.autoRenewFlag)) return false;
  return true;
}

/** The region's instances that match the query, in the query's order (ties broken by id). */
export function listInstances(
  state: SandboxState,
  query: InstanceQuery,
  orderKey: OrderKey,
  engineMatches: (type: number) => boolean,
): InstanceRecord[] {
  const memo = memoOf(state);
  // Every field of the query, in a fixed order: two queries with the same key have the same answer.
  const key = JSON.stringify(query, Object.keys(query).sort());
  const known = memo.lists.get(key);
  if (known) return known;
  const found: InstanceRecord[] = [];
  for (const i of state.instances.values()) if (matches(i, query, engineMatches)) found.push(i);
  const direction = query.orderType === 1 ? -1 : 1;
  found.sort((a, b) => {
    const x = orderKey(a);
    const y = orderKey(b);
    return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1) * direction;
  });
  if (memo.lists.size >= MAX_QUERIES) memo.lists.clear();
  memo.lists.set(key, found);
  return found;
}

const OPEN = Buffer.from('[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']');

function rowOf(memo: Memo, record: InstanceRecord): Buffer {
  let row = memo.rows.get(record);
  if (row === undefined) {
    row = Buffer.from(JSON.stringify(formatInstance(record)), 'utf8');
    memo.rows.set(record, row);
  }
  return row;
}

/** A page of rows as a JSON array; each row is serialised and encoded once per instance revision. */
export function instanceRows(
  state: SandboxState,
  records: readonly InstanceRecord[],
): RawJson<InstanceSet[]> {
  const memo = memoOf(state);
  const chunks: Buffer[] = [OPEN];
  for (let n = 0; n < records.length; n++) {
    if (n > 0) chunks.push(COMMA);
    chunks.push(rowOf(memo, records[n] as InstanceRecord));
  }
  chunks.push(CLOSE);
  return new RawJson<InstanceSet[]>(chunks);
}

/**
 * Encodes every instance's row ahead of the first listing, a few hundred per turn of the event loop (so a
 * server already listening keeps answering), as a cloud with its data at hand would serve it: at
 * fleet:100000 that is seconds of CPU that would otherwise land on the first page requests, one after
 * another. It stops when the state changes: rows are then encoded as pages ask for them.
 */
export function warmInstanceRows(state: SandboxState, perTurn = 500): Promise<void> {
  const memo = memoOf(state);
  const records = [...state.instances.values()];
  return new Promise((resolve) => {
    let at = 0;
    const step = () => {
      // memoOf starts a new memo when the state has changed since: then this one is of no use.
      if (memoOf(state) !== memo) return resolve();
      for (const end = Math.min(at + perTurn, records.length); at < end; at++) {
        rowOf(memo, records[at] as InstanceRecord);
      }
      if (at < records.length) setImmediate(step);
      else resolve();
    };
    setImmediate(step);
  });
}

/**
 * Fleet rows with their search key and sort values computed once, at ingest, so that filtering 100,000
 * rows on each keystroke is one `includes` per row and sorting never lowercases a string twice.
 */
import type { Instance, InstanceStatus } from '../../../shared/domain';

export interface FleetRow {
  instance: Instance;
  /** Lowercase name, id and address joined: what the search box matches. */
  searchKey: string;
  tagText: string;
  environment: string;
}

export type SortKey =
  | 'name'
  | 'id'
  | 'region'
  | 'zone'
  | 'engine'
  | 'size'
  | 'status'
  | 'tags'
  | 'project'
  | 'environment';

export const sortKeys: readonly SortKey[] = [
  'name',
  'id',
  'region',
  'zone',
  'engine',
  'size',
  'status',
  'tags',
  'project',
  'environment',
];

/** Tag keys that, by convention, name an instance's environment. */
const environmentTagKeys = new Set(['env', 'environment', '环境']);

export function toRow(instance: Instance): FleetRow {
  const address = instance.wanIp ? `${instance.wanIp}:${instance.port}` : '';
  const envTag = instance.tags.find((t) => environmentTagKeys.has(t.key.toLowerCase()));
  return {
    instance,
    searchKey: `${instance.name}\u0000${instance.id}\u0000${address}`.toLowerCase(),
    tagText: instance.tags.map((t) => `${t.key}:${t.value}`).join(', '),
    environment: envTag?.value ?? '',
  };
}

/** Status order for sorting: the ones a DBA must notice first. */
const statusRank: Record<InstanceStatus, number> = {
  processing: 0,
  initializing: 1,
  running: 2,
  isolated: 3,
  'to-be-deleted': 4,
  unknown: 5,
};

type SortValue = string | number;

export function sortValue(row: FleetRow, key: SortKey): SortValue {
  const i = row.instance;
  switch (key) {
    case 'name':
      return i.name.toLowerCase();
    case 'id':
      return i.id;
    case 'region':
      return i.region;
    case 'zone':
      return i.zoneId ?? -1;
    case 'engine':
      return `${i.engine.toLowerCase()} ${i.engineVersion ?? ''}`;
    case 'size':
      return i.sizeMb;
    case 'status':
      return statusRank[i.status];
    case 'tags':
      return row.tagText.toLowerCase();
    case 'project':
      return (i.projectName ?? String(i.projectId)).toLowerCase();
    case 'environment':
      return row.environment.toLowerCase();
  }
}

/** Sorts by decorating once (value computed n times, not n log n times), ties broken by id. */
export function sortRows(rows: readonly FleetRow[], key: SortKey, dir: 'asc' | 'desc'): FleetRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const decorated = rows.map((row) => ({ row, value: sortValue(row, key) }));
  decorated.sort((a, b) => {
    if (a.value < b.value) return -sign;
    if (a.value > b.value) return sign;
    return a.row.instance.id < b.row.instance.id ? -1 : a.row.instance.id > b.row.instance.id ? 1 : 0;
  });
  return decorated.map((d) => d.row);
}

export interface FleetQuery {
  text: string;
  region: string;
  status: string;
  engine: string;
  tag: string;
}

export const emptyQuery: FleetQuery = { text: '', region: '', status: '', engine: '', tag: '' };

export function filterRows(rows: readonly FleetRow[], query: FleetQuery): readonly FleetRow[] {
  const text = query.text.trim().toLowerCase();
  if (!text && !query.region && !query.status && !query.engine && !query.tag) return rows;
  return rows.filter((row) => {
    const i = row.instance;
    if (query.region && i.region !== query.region) return false;
    if (query.status && i.status !== query.status) return false;
    if (query.engine && i.engine !== query.engine) return false;
    if (query.tag && !i.tags.some((t) => `${t.key}:${t.value}` === query.tag)) return false;
    return !text || row.searchKey.includes(text);
  });
}

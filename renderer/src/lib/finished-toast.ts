/**
 * The title and target of a finished task's notice (the in-app toast and browser mode's desktop
 * notification): a restore opens its instance; a clone that runs opens the new instance.
 */
import type { RestoreRecord } from '../../../shared/tasks';

export const instanceHref = (r: Pick<RestoreRecord, 'region' | 'instanceId'>) =>
  `#/instance/${encodeURIComponent(r.region)}/${encodeURIComponent(r.instanceId)}`;

export function finishedNotice(record: RestoreRecord): {
  titleKey: string;
  values: Record<string, string>;
  href: string;
} {
  const name = record.instanceName || record.instanceId;
  const outcome =
    record.status === 'succeed' ? 'succeeded' : record.status === 'outcome-unknown' ? 'unknown' : 'failed';
  if (record.kind === 'clone') {
    const created = record.clone?.newInstanceId;
    const newName = record.clone?.instanceName || created || '';
    return {
      titleKey: `cloneTask.toast.${outcome}`,
      values: { name, newName },
      href:
        record.status === 'succeed' && created
          ? instanceHref({ region: record.region, instanceId: created })
          : '#/tasks',
    };
  }
  const keys = { succeeded: 'restoreSucceeded', unknown: 'restoreUnknown', failed: 'restoreFailed' } as const;
  return { titleKey: `toast.${keys[outcome]}`, values: { name }, href: instanceHref(record) };
}

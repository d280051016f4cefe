/**
 * Hash routes: `#/fleet`, `#/instance/<region>/<id>`, `#/inspect/<region>/<id>/<backupId>[/find|/compare]`,
 * `#/tasks`, `#/audit`, `#/settings`, `#/add-profile`.
 * The browser-mode launch code also arrives in the fragment; it is taken and erased before this runs.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'fleet' }
  | { name: 'instance'; region: string; id: string }
  | { name: 'inspect'; region: string; id: string; backupId: string; view: InspectTab }
  | { name: 'tasks' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'add-profile' };

/** The inspector's three views of one backup: what it holds, finding a key, comparing it with another. */
export type InspectTab = 'report' | 'find' | 'compare';
const inspectTabs: readonly InspectTab[] = ['report', 'find', 'compare'];

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (parts[0]) {
    case 'instance':
      return parts[1] && parts[2] ? { name: 'instance', region: parts[1], id: parts[2] } : { name: 'fleet' };
    case 'inspect': {
      const [, region, id, backupId, view = 'report'] = parts;
      if (!region || !id || !backupId) return { name: 'fleet' };
      const tab = inspectTabs.find((t) => t === view) ?? 'report';
      return { name: 'inspect', region, id, backupId, view: tab };
    }
    case 'tasks':
    case 'audit':
    case 'settings':
    case 'add-profile':
      return { name: parts[0] };
    default:
      return { name: 'fleet' };
  }
}

export function href(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'instance':
      return `#/instance/${e(route.region)}/${e(route.id)}`;
    case 'inspect':
      return `#/inspect/${e(route.region)}/${e(route.id)}/${e(route.backupId)}${route.view === 'report' ? '' : `/${route.view}`}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}

/**
 * Hash routes: `#/fleet`, `#/instance/<region>/<id>`, `#/tasks`, `#/audit`, `#/settings`, `#/add-profile`.
 * The browser-mode launch code also arrives in the fragment; it is taken and erased before this runs.
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'fleet' }
  | { name: 'instance'; region: string; id: string }
  | { name: 'tasks' }
  | { name: 'audit' }
  | { name: 'settings' }
  | { name: 'add-profile' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  switch (parts[0]) {
    case 'instance':
      return parts[1] && parts[2] ? { name: 'instance', region: parts[1], id: parts[2] } : { name: 'fleet' };
    case 'tasks':
    case 'audit':
    case 'settings':
    case 'add-profile':
      return { name: parts[0] };
    default:
      return { name: 'fleet' };
  }
}

export const href = (route: Route): string =>
  route.name === 'instance'
    ? `#/instance/${encodeURIComponent(route.region)}/${encodeURIComponent(route.id)}`
    : `#/${route.name}`;

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

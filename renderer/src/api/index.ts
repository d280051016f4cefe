/**
 * The renderer's one way to reach main: `window.crs` from the Electron preload, or the browser-mode bridge
 * built from the same contract. Nothing else in the renderer knows which shell it runs in.
 */
import type { RendererApi } from '../../../shared/renderer-api';
import { connectBridge, takeLaunchToken } from './bridge-client';

declare global {
  interface Window {
    crs?: RendererApi;
  }
}

export type ApiResolution = { api: RendererApi } | { error: string };

export function resolveApi(): ApiResolution {
  if (window.crs) return { api: window.crs };
  const token = takeLaunchToken(window.location, window.history);
  if (!token) {
    return {
      error:
        'This window has no connection to the app core. Start the app with `npm start` and use the address it prints.',
    };
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return { api: connectBridge(`${scheme}://${window.location.host}/bridge`, token) };
}

/**
 * The renderer's one way to reach main: `window.crs` from the Electron preload, or the browser-mode bridge
 * built from the same contract. Nothing else in the renderer knows which shell it runs in.
 */
import type { RendererApi } from '../../../shared/renderer-api';
import { en } from '../i18n/en';
import { zhCN } from '../i18n/zh-cn';
import { type BridgeTexts, connectBridge, takeLaunchCode, takeResumeTicket } from './bridge-client';

declare global {
  interface Window {
    crs?: RendererApi;
  }
}

export type ApiResolution = { api: RendererApi } | { error: string };

/** Before the core answers, its language setting is unknown: the browser's language picks the texts. */
export function bridgeTexts(language: string): BridgeTexts {
  return language.startsWith('zh') ? zhCN.bridge : en.bridge;
}

export function resolveApi(texts: BridgeTexts = bridgeTexts(navigator.language)): ApiResolution {
  if (window.crs) return { api: window.crs };
  // A fresh code (the launch file was opened) wins over a ticket left by an earlier page of this window; the
  // ticket is erased either way.
  const resume = takeResumeTicket(window);
  const code = takeLaunchCode(window.location, window.history);
  if (!code && !resume) return { error: texts.noConnection };
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  return {
    api: connectBridge(
      `${scheme}://${window.location.host}/bridge`,
      code ? { code } : { resume: resume as string },
      window,
      texts,
    ),
  };
}

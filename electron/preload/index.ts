/**
 * The preload: exposes exactly the contract's functions as `window.crs`, nothing else. No `ipcRenderer`, no
 * generic invoke: each function is bound to one contract channel, and event listeners never see the
 * IpcRendererEvent.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildRendererApi } from '../../shared/renderer-api';
import type { Envelope } from '../../shared/result';

const api = buildRendererApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>,
  (channel, listener) => {
    const wrapped = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('crs', api);

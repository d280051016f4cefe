// The Electron fuses of a packaged build (https://www.electronjs.org/docs/latest/tutorial/fuses), flipped in the
// binary by after-pack.mjs. Every fuse of the wire is set explicitly (strictlyRequireAllFuses), so an Electron
// upgrade that adds a fuse fails packaging until someone decides it here.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * `forTests`: Playwright's _electron attaches through the inspector, so a build for the e2e suite keeps the
 * inspect arguments; nothing else differs.
 */
export function fuseConfig({ forTests = false } = {}) {
  return {
    version: FuseVersion.V1,
    strictlyRequireAllFuses: true,
    // The binary must never run as a plain Node interpreter (ELECTRON_RUN_AS_NODE).
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS and --inspect would let any process that can start the app run code inside it.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: forTests,
    // The app's code loads only from the signed-off ASAR, checked against its embedded hash.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    [FuseV1Options.WasmTrapHandlers]: true,
  };
}

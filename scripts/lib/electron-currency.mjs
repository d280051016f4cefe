// Electronegativity's AvailableSecurityFixesGlobalCheck downloads Electron's release list from outside the
// npm registry, which our machines and CI cannot reach. Electron ships its security fixes as patch releases of
// its supported majors (the newest three stable lines: https://www.electronjs.org/docs/latest/tutorial/electron-timelines),
// and every release is published to the npm registry, so the same question is answered from there: is the pinned
// version the newest patch of its major, and is its major still supported?
import { capture } from './run.mjs';

const stable = (v) => /^\d+\.\d+\.\d+$/.test(v);
const parts = (v) => v.split('.').map(Number);
const newer = (a, b) => {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
};

/** Judges `pinned` against the registry's list of versions; pure, so it is tested without the network. */
export function electronCurrency(pinned, versions, supportedMajors = 3) {
  const releases = versions.filter(stable);
  const majors = [...new Set(releases.map((v) => parts(v)[0]))].sort((a, b) => b - a);
  const supported = majors.slice(0, supportedMajors);
  const major = parts(pinned)[0];
  const sameMajor = releases.filter((v) => parts(v)[0] === major);
  const newest = sameMajor.reduce((best, v) => (newer(v, best) ? v : best), pinned);
  const problems = [];
  if (!supported.includes(major))
    problems.push(`Electron ${major} is no longer supported (supported: ${supported.join(', ')}).`);
  if (newest !== pinned) problems.push(`Electron ${newest} has fixes that ${pinned} lacks: move to it.`);
  return { ok: problems.length === 0, problems, supported, newestInMajor: newest };
}

/** The registry's versions of electron, or undefined when the registry cannot be asked. */
export function registryVersions() {
  const out = capture('npm', ['view', 'electron', 'versions', '--json'], { timeout: 60_000 });
  if (!out) return undefined;
  try {
    const list = JSON.parse(out);
    return Array.isArray(list) ? list : undefined;
  } catch {
    return undefined;
  }
}

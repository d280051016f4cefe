/** The machine a run happened on, recorded with the figures so they can be compared fairly. */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  /** One-minute load average when the run started: other work on the machine makes figures noisy. */
  loadAverage: number;
}

export function machineInfo(): MachineInfo {
  let chromium = 'not found';
  try {
    chromium = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    // No Chromium: the renderer benchmark will say so itself.
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    os: `${process.platform} ${release()}`,
    node: process.version,
    chromium,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditLog, csvCell } from '../../../electron/core/audit/audit-log';
import { createMemoryLogger } from '../../../electron/core/logging/logger';

function log() {
  let t = Date.UTC(2026, 10, 30, 1, 0, 0);
  return new AuditLog({
    userData: mkdtempSync(join(tmpdir(), 'crs-audit-')),
    now: () => (t += 1000),
    osUser: 'dba',
    appVersion: '1.0.0',
    logger: createMemoryLogger(),
  });
}

const entry = (instanceId: string, outcome: 'requested' | 'succeed' | 'refused') => ({
  action: 'restore' as const,
  outcome,
  profileId: 'p1',
  profileName: 'prod',
  region: 'ap-guangzhou',
  instanceId,
  instanceName: `name-${instanceId}`,
  backupId: 'b1',
  message: `restore ${outcome}`,
});

describe('audit log', () => {
  it('stamps time, OS user and version, and lists newest first with filters', async () => {
    const audit = log();
    await audit.record(entry('crs-1', 'requested'));
    await audit.record(entry('crs-1', 'succeed'));
    await audit.record(entry('crs-2', 'refused'));
    const all = await audit.list();
    expect(all.entries.map((e) => e.outcome)).toEqual(['refused', 'succeed', 'requested']);
    expect(all.entries[0]).toMatchObject({ osUser: 'dba', appVersion: '1.0.0' });
    expect((await audit.list({ instanceId: 'crs-1' })).entries).toHaveLength(2);
    expect((await audit.list({ outcome: 'refused' })).entries).toHaveLength(1);
    expect((await audit.list({ text: 'NAME-CRS-2' })).entries).toHaveLength(1);
  });

  it('exports CSV with a header and quoted cells, and JSON', async () => {
    const audit = log();
    await audit.record({ ...entry('crs-1', 'succeed'), message: 'done, "quoted"\nnext line' });
    const csv = await audit.export('csv');
    const [header, row] = csv.content.split('\r\n');
    expect(header?.startsWith('time (UTC),osUser,action,outcome,profileName')).toBe(true);
    expect(header).toContain(',backupStartTime (UTC),');
    expect(row).toContain('"done, ""quoted""\nnext line"'.split('\n')[0]);
    expect(csv.filename).toMatch(/^crs-audit-.*\.csv$/);
    const json = await audit.export('json');
    expect(JSON.parse(json.content)[0].instanceId).toBe('crs-1');
  });

  it('defuses spreadsheet formulas in exported cells', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('@sum')).toBe("'@sum");
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(undefined)).toBe('');
  });
});

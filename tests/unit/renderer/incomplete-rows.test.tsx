/** The fleet's status area counts the instances the cloud listed incompletely, and says nothing when none is. */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/src/app';
import { fakeCore, instance } from './fixtures/sample';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('incomplete fleet rows', () => {
  it('are counted above the grid', async () => {
    const fake = fakeCore({
      instances: [
        instance({ id: 'crs-complete1' }),
        instance({ id: 'crs-partial01', incomplete: ['Type'] }),
        instance({ id: '?ap-guangzhou#2', status: 'unknown', incomplete: ['InstanceId', 'Status'] }),
      ],
    });
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('fleet-incomplete')).textContent).toBe(
      '2 instances were listed with fields missing or malformed: they are marked and cannot be restored.',
    );
  });

  it('are not mentioned when every row is complete', async () => {
    const fake = fakeCore({ instances: [instance({ id: 'crs-complete1' })] });
    render(<App resolution={{ api: fake.api }} />);
    await waitFor(() => expect(screen.getByTestId('fleet-grid')).toBeTruthy());
    expect(screen.queryByTestId('fleet-incomplete')).toBeNull();
  });

  it('open to what was listed, but without an id nothing is asked about them', async () => {
    const id = '?ap-guangzhou#2';
    const fake = fakeCore({
      instances: [instance({ id, status: 'unknown', incomplete: ['InstanceId', 'Status'] })],
    });
    window.location.hash = `#/instance/ap-guangzhou/${encodeURIComponent(id)}`;
    render(<App resolution={{ api: fake.api }} />);
    expect((await screen.findByTestId('instance-incomplete')).textContent).toMatch(
      /without InstanceId, Status/,
    );
    expect(fake.calls.some((c) => c.channel === 'backups:list')).toBe(false);
    expect(screen.queryByRole('button', { name: 'Restore from selected backup…' })).toBeNull();
  });
});

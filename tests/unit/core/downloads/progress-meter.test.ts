/** Rate, time left and throttling of download progress, on a manual clock. */
import { describe, expect, it } from 'vitest';
import { ProgressMeter } from '../../../../electron/core/downloads/progress-meter';

describe('ProgressMeter', () => {
  it('measures the rate over the last seconds and the time left from it', () => {
    let t = 0;
    const meter = new ProgressMeter(() => t);
    expect(meter.rate()).toBe(0);
    expect(meter.secondsLeft(1000)).toBeUndefined();
    for (let s = 0; s <= 10; s++) {
      t = s * 1000;
      meter.sample(s * 1_000_000);
    }
    expect(meter.rate()).toBeCloseTo(1_000_000, -3);
    expect(meter.secondsLeft(5_000_000)).toBeCloseTo(5, 1);
    // A stall shows within the window: no bytes for 6 s → rate 0, time left unknown.
    t = 16_000;
    meter.sample(10_000_000);
    t = 16_050;
    meter.sample(10_000_000);
    expect(meter.rate()).toBe(0);
    expect(meter.secondsLeft(1)).toBeUndefined();
  });

  it('keeps a short sample list however many chunks arrive', () => {
    let t = 0;
    const meter = new ProgressMeter(() => t);
    for (let i = 0; i < 100_000; i++) {
      t = i; // one chunk per millisecond for 100 s
      meter.sample(i * 65_536);
    }
    expect(meter.rate()).toBeCloseTo(65_536_000, -4);
    // One sample per 100 ms over a 5 s window.
    expect(meter.sampleCount).toBeLessThanOrEqual(52);
  });

  it('lets an event out at most every 250 ms', () => {
    let t = 0;
    const meter = new ProgressMeter(() => t);
    expect(meter.due()).toBe(true);
    t = 100;
    expect(meter.due()).toBe(false);
    t = 250;
    expect(meter.due()).toBe(true);
  });
});

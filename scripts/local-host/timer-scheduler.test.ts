import type { HostLogger } from './host-logger';
import type { TimerScheduleStatus } from './timer-data';
import { startTimerScheduler } from './timer-scheduler';

const logger: HostLogger = { log: () => undefined };

describe('startTimerScheduler', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-03-01T10:00:00.000Z') });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('fires on schedule with the schedule status and plans the next run', async () => {
    const fired: { name: string; status: TimerScheduleStatus | null; at: string }[] = [];
    const scheduler = startTimerScheduler({
      timers: [{ name: 'everyMinute', schedule: '0 * * * * *', runOnStartup: false }],
      logger,
      fire: async (name, status) => {
        fired.push({ name, status, at: new Date().toISOString() });
      },
    });
    expect(scheduler.nextOccurrences().get('everyMinute')?.toISOString()).toBe('2026-03-01T10:01:00.000Z');

    await jest.advanceTimersByTimeAsync(59_999);
    expect(fired).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(fired).toHaveLength(1);
    expect(fired[0]?.at).toBe('2026-03-01T10:01:00.000Z');
    expect(fired[0]?.status?.next.toISOString()).toBe('2026-03-01T10:02:00.000Z');

    await jest.advanceTimersByTimeAsync(120_000);
    expect(fired.map((f) => f.at)).toEqual([
      '2026-03-01T10:01:00.000Z',
      '2026-03-01T10:02:00.000Z',
      '2026-03-01T10:03:00.000Z',
    ]);
    await scheduler.stop();
  });

  it('never overlaps a run that is still going, and skips what it missed', async () => {
    const starts: string[] = [];
    let release: () => void = () => undefined;
    const scheduler = startTimerScheduler({
      timers: [{ name: 'slow', schedule: '*/10 * * * * *', runOnStartup: false }],
      logger,
      fire: () => {
        starts.push(new Date().toISOString());
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    await jest.advanceTimersByTimeAsync(10_000);
    expect(starts).toEqual(['2026-03-01T10:00:10.000Z']);
    await jest.advanceTimersByTimeAsync(35_000); // Runs until 10:00:45.
    expect(starts).toHaveLength(1);
    release();
    await jest.advanceTimersByTimeAsync(5_000);
    expect(starts).toEqual(['2026-03-01T10:00:10.000Z', '2026-03-01T10:00:50.000Z']);
    release();
    await scheduler.stop();
  });

  it('runs runOnStartup timers at once, and a failing run does not stop the schedule', async () => {
    const fired: (TimerScheduleStatus | null)[] = [];
    const scheduler = startTimerScheduler({
      timers: [{ name: 'boot', schedule: '0 0 * * * *', runOnStartup: true }],
      logger,
      fire: async (_name, status) => {
        fired.push(status);
        throw new Error('boom');
      },
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(fired).toEqual([null]);
    await jest.advanceTimersByTimeAsync(3_600_000);
    expect(fired).toHaveLength(2);
    await scheduler.stop();
  });

  it('stop() cancels future runs and waits for the current one', async () => {
    let finished = false;
    let fired = 0;
    const scheduler = startTimerScheduler({
      timers: [{ name: 't', schedule: '* * * * * *', runOnStartup: false }],
      logger,
      fire: async () => {
        fired++;
        await new Promise((resolve) => setTimeout(resolve, 500));
        finished = true;
      },
    });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(fired).toBe(1);
    const stopped = scheduler.stop();
    await jest.advanceTimersByTimeAsync(500);
    await stopped;
    expect(finished).toBe(true);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(fired).toBe(1);
  });
});

/**
 * Runs timer functions on their NCRONTAB schedules while the local host runs. Like Azure,
 * a timer never overlaps itself: the next occurrence is planned when a run has finished.
 */
import type { HostLogger } from './host-logger';
import { parseNcrontab, type CronSchedule } from './ncrontab';
import type { TimerScheduleStatus } from './timer-data';

export interface ScheduledTimer {
  name: string;
  schedule: string;
  runOnStartup: boolean;
}

export interface TimerSchedulerOptions {
  timers: readonly ScheduledTimer[];
  /** Invokes a timer function; rejections are logged by the invoker and ignored here. */
  fire(name: string, status: TimerScheduleStatus | null): Promise<unknown>;
  logger: HostLogger;
  now?: () => Date;
}

export interface TimerScheduler {
  /** Next planned occurrence per timer (for the start-up listing and tests). */
  nextOccurrences(): ReadonlyMap<string, Date | null>;
  stop(): Promise<void>;
}

// setTimeout cannot wait longer than 2^31-1 ms (~24.8 days); longer waits are re-armed.
const maxDelayMs = 2 ** 31 - 1;

export function startTimerScheduler(options: TimerSchedulerOptions): TimerScheduler {
  const now = options.now ?? (() => new Date());
  const handles = new Map<string, NodeJS.Timeout>();
  const planned = new Map<string, Date | null>();
  const running = new Set<Promise<unknown>>();
  let stopped = false;

  const arm = (timer: ScheduledTimer, cron: CronSchedule, due: Date, last: Date | null) => {
    const delay = Math.max(0, due.getTime() - now().getTime());
    const handle = setTimeout(
      () => {
        if (stopped) return;
        if (delay > maxDelayMs || now().getTime() < due.getTime()) {
          arm(timer, cron, due, last); // Woke early (long wait or clock skew): wait again.
          return;
        }
        const next = cron.next(due);
        const run = options
          .fire(timer.name, { last: last ?? due, next: next ?? due })
          .catch(() => undefined)
          .finally(() => {
            running.delete(run);
            plan(timer, cron, due);
          });
        running.add(run);
      },
      Math.min(delay, maxDelayMs),
    );
    handles.set(timer.name, handle);
  };

  const plan = (timer: ScheduledTimer, cron: CronSchedule, last: Date | null) => {
    if (stopped) return;
    // From now, not from the last due time: occurrences missed during a long run are
    // skipped rather than fired in a burst.
    const from = last && last.getTime() > now().getTime() ? last : now();
    const next = cron.next(from);
    planned.set(timer.name, next);
    if (next) arm(timer, cron, next, last);
    else
      options.logger.log(
        'warning',
        'host',
        `Timer "${timer.name}" (${timer.schedule}) has no occurrence in the next 5 years`,
      );
  };

  for (const timer of options.timers) {
    const cron = parseNcrontab(timer.schedule);
    if (timer.runOnStartup) {
      const run = options
        .fire(timer.name, null)
        .catch(() => undefined)
        .finally(() => {
          running.delete(run);
          plan(timer, cron, null);
        });
      running.add(run);
    } else {
      plan(timer, cron, null);
    }
  }

  return {
    nextOccurrences: () => planned,
    async stop() {
      stopped = true;
      for (const handle of handles.values()) clearTimeout(handle);
      handles.clear();
      // Let runs in progress finish, so storage writes are not cut off mid-way.
      await Promise.allSettled([...running]);
    },
  };
}

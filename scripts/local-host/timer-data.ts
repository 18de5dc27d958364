/**
 * The timer trigger's input as the Azure host sends it (PascalCase JSON, which the library
 * camel-cases into its `Timer` object).
 */
import type { RpcTypedData } from './core-api-types';

export interface TimerScheduleStatus {
  last: Date;
  next: Date;
}

export function timerTriggerData(status: TimerScheduleStatus | null, isPastDue = false): RpcTypedData {
  return {
    json: JSON.stringify({
      Schedule: { AdjustForDST: true },
      ScheduleStatus: status && {
        Last: status.last.toISOString(),
        Next: status.next.toISOString(),
        LastUpdated: status.last.toISOString(),
      },
      IsPastDue: isPastDue,
    }),
  };
}

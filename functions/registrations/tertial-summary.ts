import { app } from '@azure/functions';
import { registrationSettings } from '../config';
import { lazyHandler } from '../lazy-handler';

app.timer('tertialSummary', {
  schedule: registrationSettings().tertialSchedule,
  handler: lazyHandler(
    () => (require('../timers/tertial-summary') as typeof import('../timers/tertial-summary')).tertialSummary,
  ),
});

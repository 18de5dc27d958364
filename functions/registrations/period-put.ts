import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('periodPut', {
  methods: ['PUT'],
  route: 'forbund/{forbund}/periods/{period}',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/period-put') as typeof import('../http/period-put')).putPeriod),
});

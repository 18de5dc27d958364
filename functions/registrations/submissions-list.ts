import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('submissionsList', {
  methods: ['GET'],
  route: 'forbund/{forbund}/submissions',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/submissions-list') as typeof import('../http/submissions-list')).listSubmissions,
  ),
});

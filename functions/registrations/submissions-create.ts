import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('submissionsCreate', {
  methods: ['POST'],
  route: 'forbund/{forbund}/submissions',
  authLevel: 'anonymous',
  handler: lazyHandler(
    () => (require('../http/submissions-create') as typeof import('../http/submissions-create')).createSubmission,
  ),
});

import { app } from '@azure/functions';
import { lazyHandler } from '../lazy-handler';

app.http('validate', {
  methods: ['POST'],
  route: 'forbund/{forbund}/validate',
  authLevel: 'anonymous',
  handler: lazyHandler(() => (require('../http/validate') as typeof import('../http/validate')).validateDraft),
});

import type { HttpRequest } from '@azure/functions';
import { parsePeriod, type Period } from '../../shared/model/period';
import { badRequest } from './api-error';

export function requirePeriodParam(request: HttpRequest, name = 'period'): Period {
  const value = request.query.get(name) ?? request.params[name] ?? '';
  const period = parsePeriod(value);
  if (!period)
    throw badRequest(
      'invalid-period',
      value
        ? `Perioden ”${value}” finns inte. Skriv t.ex. 2023, 2023H1 eller 2023T2.`
        : 'Ange period, t.ex. ?period=2023T2.',
    );
  return period;
}

import { InvocationContext } from '@azure/functions';
import { AuthenticationError, KeyServiceUnavailableError } from '../auth/token-verifier';
import { unprocessable } from './api-error';
import { errorResponse } from './error-response';

const context = () => new InvocationContext({ invocationId: 'inv-123', logHandler: () => undefined });

describe('errorResponse', () => {
  it('turns an unexpected error into a 500 with the correlation id and no details', () => {
    const res = errorResponse(
      new TypeError("Cannot read properties of undefined (reading 'x') at handler.js:12"),
      context(),
    );
    expect(res.status).toBe(500);
    expect(res.jsonBody).toEqual({
      code: 'internal',
      message: expect.stringContaining('inv-123'),
      correlationId: 'inv-123',
    });
    expect(JSON.stringify(res.jsonBody)).not.toContain('handler.js');
  });

  it('answers 503 with Retry-After when storage cannot be reached', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10002'), { code: 'ECONNREFUSED' });
    const res = errorResponse(refused, context());
    expect(res.status).toBe(503);
    expect(res.headers).toMatchObject({ 'Retry-After': '5' });
  });

  it('answers 401 for authentication failures', () => {
    expect(errorResponse(new AuthenticationError('expired'), context()).status).toBe(401);
    expect(errorResponse(new AuthenticationError('too-long-lived'), context()).status).toBe(401);
  });

  it("answers 503 with Retry-After when Entra ID's key service cannot be reached", () => {
    const res = errorResponse(new KeyServiceUnavailableError('fetch failed'), context());
    expect(res.status).toBe(503);
    expect(res.headers).toMatchObject({ 'Retry-After': '30' });
    expect(res.jsonBody).toMatchObject({ code: 'unavailable', message: expect.stringMatching(/Försök igen/) });
  });

  it('renders findings in Swedish next to their data', () => {
    const finding = {
      code: 'required',
      severity: 'fel',
      cell: "'Blad'!B7",
      cellId: 's.r.k',
      element: 'Antal',
      column: 'Kvinnor',
      params: {},
    } as const;
    const res = errorResponse(unprocessable('validation-failed', 'Fel', [finding]), context());
    expect(res.jsonBody).toMatchObject({ findings: [{ ...finding, message: expect.stringContaining("'Blad'!B7") }] });
  });
});

import { xlsxRefusalMessage, type XlsxRefusal, type XlsxRefusalCode } from '../untrusted-xlsx';
import { ApiError } from './api-error';

const statusByCode = {
  'not-xlsx': 422,
  'too-large': 413,
  'too-complex': 422,
  busy: 503,
} satisfies Record<XlsxRefusalCode, number>;

/** An uploaded workbook the reader would not read, as the API answers it. */
export function xlsxRefusalError(refusal: XlsxRefusal): ApiError {
  const status = statusByCode[refusal.code];
  const code = refusal.code === 'busy' ? 'unavailable' : refusal.code;
  return new ApiError(status, code, xlsxRefusalMessage[refusal.code], {
    ...(status === 503 ? { headers: { 'Retry-After': '5' } } : {}),
  });
}

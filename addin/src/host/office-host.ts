import { detectCapabilities, type ExcelCapabilities } from '../excel/capabilities';

/**
 * Where the pane runs: inside Excel (an Office host with the Excel API) or in a plain browser,
 * where Office.onReady resolves with no host and the pane offers downloads and uploads instead.
 */
export type HostInfo =
  { kind: 'excel'; capabilities: ExcelCapabilities; nestedAppAuth: boolean; dialogs: boolean } | { kind: 'browser' };

/** office.js is loaded by a script tag; if it failed (offline, blocked), the pane still works as a web page. */
export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return { kind: 'browser' };
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) return { kind: 'browser' };
  const requirements = Office.context.requirements;
  const supported = (name: string, version: string): boolean => requirements.isSetSupported(name, version);
  return {
    kind: 'excel',
    capabilities: detectCapabilities(supported),
    nestedAppAuth: supported('NestedAppAuth', '1.1'),
    dialogs: supported('DialogApi', '1.1'),
  };
}

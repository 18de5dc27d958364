import type { RuntimeConfig } from '../config/runtime-config-schema';
import { PaneError } from '../api/api-error';
import type { HostInfo } from '../host/office-host';

type EntraConfig = Extract<RuntimeConfig['auth'], { mode: 'entra' }>;

/**
 * Production sign-in with Microsoft Entra ID, in the order Office recommends:
 *
 * 1. Nested app authentication (NAA) when the host supports `NestedAppAuth 1.1`: MSAL's
 *    nestable client gets a token for the API through Office's own signed-in account, silently
 *    when it can and with a popup when consent is needed.
 * 2. In Office without NAA: the Office dialog (auth-dialog.html) runs MSAL's redirect flow and
 *    passes the token back with messageParent.
 * 3. In a plain browser: MSAL's popup, with auth-redirect.html as the redirect page.
 *
 * MSAL is loaded only here, on demand, so the dev login and the pane's first paint do not pay
 * for it. None of this can run without an Entra tenant; it is built to Microsoft's documented
 * flow and exercised only by type-checking and the build.
 */
export async function signInWithEntra(config: EntraConfig, host: HostInfo): Promise<string> {
  const msal = await import('@azure/msal-browser');
  const request = { scopes: config.scopes };
  if (host.kind === 'excel' && host.nestedAppAuth) {
    const pca = await msal.createNestablePublicClientApplication({
      auth: { clientId: config.clientId, authority: config.authority },
    });
    try {
      return (await pca.acquireTokenSilent({ ...request, account: pca.getActiveAccount() ?? undefined })).accessToken;
    } catch {
      return (await pca.acquireTokenPopup(request)).accessToken;
    }
  }
  if (host.kind === 'excel') {
    if (!host.dialogs)
      throw new PaneError(
        'auth-unsupported',
        'Den här Excel-versionen kan inte visa inloggningsrutan. Använd Excel på webben eller en nyare version.',
      );
    return signInWithDialog();
  }
  const pca = await msal.createStandardPublicClientApplication({
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      redirectUri: new URL('auth-redirect.html', window.location.href).href,
    },
  });
  return (await pca.acquireTokenPopup(request)).accessToken;
}

/** The dialog page posts `{token}` or `{error}` as JSON; anything else is a failed sign-in. */
function signInWithDialog(): Promise<string> {
  const url = new URL('auth-dialog.html', window.location.href).href;
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(url, { height: 60, width: 30, promptBeforeOpen: false }, (opened) => {
      if (opened.status !== Office.AsyncResultStatus.Succeeded) {
        reject(
          new PaneError('auth-dialog', 'Inloggningsrutan kunde inte öppnas. Tillåt popup-fönster och försök igen.', {
            transient: true,
          }),
        );
        return;
      }
      const dialog = opened.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = 'message' in arg ? arg.message : '';
        try {
          const parsed = JSON.parse(message) as { token?: unknown };
          if (typeof parsed.token === 'string') resolve(parsed.token);
          else reject(new PaneError('auth-failed', 'Inloggningen misslyckades. Försök igen.', { transient: true }));
        } catch {
          reject(new PaneError('auth-failed', 'Inloggningen misslyckades. Försök igen.', { transient: true }));
        }
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => {
        reject(new PaneError('auth-cancelled', 'Inloggningen avbröts.', { transient: true }));
      });
    });
  });
}

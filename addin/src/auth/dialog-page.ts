/**
 * auth-dialog.html: the Office dialog fallback for sign-in when the host lacks nested app
 * authentication. Runs MSAL's redirect flow inside the dialog and hands the API token to the
 * pane with messageParent. Cannot be exercised without an Entra tenant (see entra-login.ts).
 */
import { loadRuntimeConfig } from '../config/load-runtime-config';

function reply(message: { token: string } | { error: string }): void {
  Office.context.ui.messageParent(JSON.stringify(message));
}

async function main(): Promise<void> {
  // Set through the CSSOM: the pages' Content-Security-Policy allows no inline style attribute.
  Object.assign(document.body.style, { fontFamily: "'Segoe UI', system-ui, sans-serif", margin: '1.5rem' });
  await Office.onReady();
  const config = await loadRuntimeConfig();
  if (config.auth.mode !== 'entra') return reply({ error: 'not-entra' });
  const msal = await import('@azure/msal-browser');
  const redirectUri = window.location.href.split(/[?#]/)[0] ?? window.location.href;
  const pca = await msal.createStandardPublicClientApplication({
    auth: { clientId: config.auth.clientId, authority: config.auth.authority, redirectUri },
  });
  const result = await pca.handleRedirectPromise();
  if (result) return reply({ token: result.accessToken });
  await pca.acquireTokenRedirect({ scopes: config.auth.scopes });
}

main().catch((error: unknown) => reply({ error: error instanceof Error ? error.message : 'sign-in failed' }));

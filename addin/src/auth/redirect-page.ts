/** auth-redirect.html: MSAL's redirect bridge for the browser popup sign-in (see entra-login.ts). */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame();

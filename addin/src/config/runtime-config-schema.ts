import { z } from 'zod';

/**
 * The pane's runtime configuration, served next to it as `samlad-config.json`. Written by the
 * build from environment settings (scripts/addin-build/addin-settings.ts) and read by the pane
 * at start, so a deployment can change the API or the Entra app without rebuilding, and no
 * address is baked into the bundle.
 */
export const runtimeConfigSchema = z.object({
  environment: z.enum(['dev', 'production']),
  /** Where the API is: `/api` on the pane's own origin (Static Web Apps, the dev proxy), or an https origin. */
  apiBase: z
    .string()
    .regex(/^(\/[A-Za-z0-9/_-]*|https:\/\/\S+)$/, 'apiBase ska vara en sökväg som /api eller en https-adress'),
  auth: z.discriminatedUnion('mode', [
    /** The local dev issuer: the pane asks POST /api/dev/token (functions/http/dev-token.ts). */
    z.object({ mode: z.literal('dev') }),
    /**
     * Microsoft Entra ID: nested app authentication in Office, MSAL popup in a browser, the Office
     * dialog as fallback.
     */
    z.object({
      mode: z.literal('entra'),
      clientId: z
        .string()
        .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'clientId ska vara ett GUID'),
      authority: z.string().regex(/^https:\/\/\S+$/, 'authority ska vara en https-adress'),
      /** The API's delegated scopes, e.g. `api://<api-client-id>/Samlad.Access`. */
      scopes: z.array(z.string().min(1)).min(1),
    }),
  ]),
});
export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

// tsc copies package.json to dist/ because of this import, so the compiled app finds it at
// the same relative path as the sources do (both locally and in the deployed Function App).
import packageJson from '../package.json';

/** The app's version as released (package.json), reported by GET /api/health. */
export const appVersion: string = packageJson.version;

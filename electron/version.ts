/** The app version, put in by the bundler from package.json (see scripts/build-node.mjs). */
declare const __BIEU_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __BIEU_VERSION__ === 'string' ? __BIEU_VERSION__ : '0.0.0-dev';

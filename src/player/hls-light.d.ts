/**
 * Types for the hls.js light build's package export (`hls.js/light` → `dist/hls.light.mjs`), which
 * ships no declaration file of its own. The light build is the full build minus optional features,
 * so it exposes the same API surface for everything we use.
 */
declare module 'hls.js/light' {
  export { default } from 'hls.js';
  export * from 'hls.js';
}

// The Custom Elements Manifest (`npm run manifest` → custom-elements.json): what editors, docs and
// framework tooling read about <live-chat-room>. Generated from the sources' JSDoc (one tag per line)
// and Lit's `static properties`; test/browser/manifest.test.ts compares it with the running element.
export default {
  // The element and the classes it extends (their members are inherited into its declaration).
  globs: ['src/element/live-chat-room.ts', 'src/element/room-base.ts', 'src/element/room-properties.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};

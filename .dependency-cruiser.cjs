/**
 * The layers of src/ (docs/architecture.md), checked by `npm run lint`. An import may only point
 * down this list, never up or sideways between features:
 *
 *   entries      src/*.ts (index, define, cdn, loader, testing)
 *   element      src/element/
 *   controllers  src/controllers/ (Lit reactive controllers: they subscribe to the store)
 *   store        src/store/ (the room store: state as streams, one command API, the session)
 *   events       src/events/ (the typed event vocabulary)
 *   features     src/barrage/, src/chat/, src/likes/, src/gifts/, src/player/ (not each other)
 *   pipeline     src/pipeline/ and src/transport/ (not each other)
 *   foundations  src/protocol/, src/i18n/, src/styles/, src/platform/ (only themselves)
 *
 * Third-party seams: the Tencent SDK only in transport/tencent/, hls.js only in player/,
 * lottie-web only in gifts/, and their code only through import(). No cycles anywhere.
 */
const FEATURES = ['barrage', 'chat', 'likes', 'gifts', 'player'];
const ABOVE_FEATURES = '^src/(element|controllers|store|events|[^/]+\\.ts$)';

/** A feature may not import another feature. */
const sideways = FEATURES.map((f) => ({
  name: `feature-${f}-is-alone`,
  comment: `${f}/ may not import another feature: share through protocol/ or pipeline/`,
  severity: 'error',
  from: { path: `^src/${f}/` },
  to: { path: `^src/(${FEATURES.filter((x) => x !== f).join('|')})/` },
}));

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Cycles make layers meaningless.', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'foundations-import-only-themselves',
      comment: 'protocol/, i18n/, styles/ and platform/ are the bottom layer.',
      severity: 'error',
      from: { path: '^src/(protocol|i18n|styles|platform)/' },
      to: { path: '^src/', pathNot: ['^src/$1/'] },
    },
    {
      name: 'pipeline-and-transport-stand-on-protocol',
      comment: 'pipeline/ and transport/ import protocol/ (and themselves) only.',
      severity: 'error',
      from: { path: '^src/(pipeline|transport)/' },
      to: { path: '^src/', pathNot: ['^src/$1/', '^src/protocol/'] },
    },
    {
      name: 'features-below-controllers',
      comment: 'A feature (barrage, chat, likes, gifts, player) may not import the store, controllers, the element, events or entries.',
      severity: 'error',
      from: { path: `^src/(${FEATURES.join('|')})/` },
      to: { path: `${ABOVE_FEATURES}|^src/transport/` },
    },
    ...sideways,
    {
      name: 'events-below-controllers',
      comment: 'events/ describes data: it imports protocol/ and pipeline/ types only.',
      severity: 'error',
      from: { path: '^src/events/' },
      to: { path: '^src/', pathNot: ['^src/events/', '^src/protocol/', '^src/pipeline/'] },
    },
    {
      name: 'store-below-controllers',
      comment: 'store/ may not import controllers, the element or the entries.',
      severity: 'error',
      from: { path: '^src/store/' },
      to: { path: '^src/(controllers/|element/|[^/]+\\.ts$)' },
    },
    {
      name: 'controllers-below-element',
      comment: 'controllers/ may not import the element or the entries.',
      severity: 'error',
      from: { path: '^src/controllers/' },
      to: { path: '^src/(element/|[^/]+\\.ts$)' },
    },
    {
      name: 'element-below-entries',
      comment: 'element/ may not import an entry file.',
      severity: 'error',
      from: { path: '^src/element/' },
      to: { path: '^src/[^/]+\\.ts$' },
    },
    {
      name: 'src-stands-alone',
      comment: 'Shipped code never imports tests, the demo or tools.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|demo|scripts)/' },
    },
    {
      name: 'tencent-sdk-only-in-its-transport',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/transport/tencent/' },
      to: { path: '(^|node_modules/)@tencentcloud/chat' },
    },
    {
      name: 'hls-only-in-player',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/player/' },
      to: { path: '(^|node_modules/)hls\\.js' },
    },
    {
      name: 'lottie-only-in-gifts',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/gifts/' },
      to: { path: '(^|node_modules/)lottie-web' },
    },
    {
      name: 'heavy-libraries-load-lazily',
      comment: 'The Tencent SDK, hls.js and lottie-web are their own chunks: import their types statically, their code only with import().',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        path: '(^|node_modules/)(@tencentcloud/chat|hls\\.js|lottie-web)(/|$)',
        pathNot: 'node_modules/hls\\.js/dist/hls\\.worker\\.js', // a `?url` import: the worker file's URL, no code
        dependencyTypesNot: ['dynamic-import', 'type-only', 'type-import'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '\\.d\\.ts$' },
    // Resolve package exports the way vite does (`hls.js/light`).
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'module', 'browser', 'default'],
      mainFields: ['module', 'main'],
    },
  },
};

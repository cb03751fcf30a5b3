/**
 * `npm run api-docs`: the API reference and the editors' data, both generated from
 * custom-elements.json (run `npm run manifest` first; `npm run build` runs both):
 * - `docs/api.md`: attributes and properties, methods, events, slots, parts, CSS custom properties
 *   and custom states of `<live-chat-room>`, as tables;
 * - `html-custom-data.json`: VS Code's HTML custom data (the tag, its attributes with their docs).
 * test/unit/api-docs.test.ts fails when either is not what this script makes of the manifest.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiMarkdown, htmlCustomData } from './api-docs-render.ts';
import { elementDeclaration, type Manifest } from './manifest.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8')) as Manifest;
const element = elementDeclaration(manifest);
writeFileSync(join(root, 'docs', 'api.md'), apiMarkdown(element));
writeFileSync(join(root, 'html-custom-data.json'), `${JSON.stringify(htmlCustomData(element), null, 2)}\n`);
console.log('api-docs: docs/api.md and html-custom-data.json written');

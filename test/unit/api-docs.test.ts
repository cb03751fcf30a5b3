/**
 * docs/api.md and html-custom-data.json are what scripts/api-docs.ts makes of custom-elements.json
 * now (run `npm run manifest` after changing the element's JSDoc), and the manifest leaves nothing
 * of the element's surface without a description.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiMarkdown, htmlCustomData } from '../../scripts/api-docs-render.ts';
import { elementDeclaration, type Manifest, type Named } from '../../scripts/manifest.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');
const element = elementDeclaration(JSON.parse(read('custom-elements.json')) as Manifest);

describe('the generated API reference', () => {
  it('docs/api.md is current', () => {
    expect(read('docs/api.md')).toBe(apiMarkdown(element));
  });

  it('html-custom-data.json is current', () => {
    expect(JSON.parse(read('html-custom-data.json'))).toEqual(htmlCustomData(element));
  });

  it('describes every attribute, public member, event, slot, part, CSS property and state', () => {
    const members = (element.members ?? []).filter((m) => !m.static && (m.privacy ?? 'public') === 'public');
    const lists: Record<string, readonly Named[]> = {
      attributes: element.attributes ?? [],
      members,
      events: element.events ?? [],
      slots: element.slots ?? [],
      cssParts: element.cssParts ?? [],
      cssProperties: element.cssProperties ?? [],
      cssStates: element.cssStates ?? [],
    };
    for (const [kind, list] of Object.entries(lists)) {
      expect(list.length, kind).toBeGreaterThan(0);
      expect(
        list.filter((n) => !n.description?.trim()).map((n) => n.name),
        kind,
      ).toEqual([]);
    }
  });
});

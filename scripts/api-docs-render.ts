/** Pure renderers for scripts/api-docs.ts (and its test): the manifest's element → Markdown, VS Code data. */
import type { ElementDeclaration, Named } from './manifest.ts';

const cell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
const code = (s: string | undefined): string => (s ? `\`${s}\`` : '');

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) return '_none_\n';
  return (
    [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') +
    '\n'
  );
}

const named = (list: readonly Named[] | undefined): string =>
  table(
    ['name', 'description'],
    (list ?? []).map((n) => [code(n.name), n.description ?? '']),
  );

export function apiMarkdown(el: ElementDeclaration): string {
  const members = (el.members ?? []).filter((m) => !m.static && (m.privacy ?? 'public') === 'public');
  const attributeOf = new Map((el.attributes ?? []).map((a) => [a.fieldName ?? a.name, a.name]));
  const fields = members.filter((m) => m.kind === 'field');
  const methods = members.filter((m) => m.kind === 'method') as readonly (Named & {
    parameters?: readonly (Named & { optional?: boolean })[];
    return?: { type?: { text: string } };
  })[];
  const signature = (m: (typeof methods)[number]): string =>
    `${m.name}(${(m.parameters ?? []).map((p) => `${p.name}${p.optional ? '?' : ''}`).join(', ')})`;
  return [
    `# \`<${el.tagName}>\` API reference`,
    '',
    '_Generated from custom-elements.json by `npm run api-docs`; edit the JSDoc in `src/element/`, not this file._',
    '',
    el.summary ?? '',
    '',
    '## Attributes and properties',
    '',
    table(
      ['attribute', 'property', 'type', 'default', 'description'],
      fields.map((f) => [
        code(attributeOf.get(f.name)),
        code(f.name) + (f.readonly ? ' (read-only)' : ''),
        code(f.type?.text),
        code((f as { default?: string }).default),
        f.description ?? '',
      ]),
    ),
    '## Methods',
    '',
    table(
      ['method', 'returns', 'description'],
      methods.map((m) => [code(signature(m)), code(m.return?.type?.text), m.description ?? '']),
    ),
    '## Events',
    '',
    'All bubble and cross shadow roots (`composed`); `detail` is typed by `LcrEventMap`.',
    '',
    table(
      ['event', 'type', 'description'],
      (el.events ?? []).map((e) => [code(e.name), code(e.type?.text), e.description ?? '']),
    ),
    ...(
      [
        ['Slots', el.slots],
        ['Parts (`::part()`)', el.cssParts],
        ['CSS custom properties', el.cssProperties],
        ['Custom states (`:state()`)', el.cssStates],
      ] as const
    ).flatMap(([title, list]) => [`## ${title}`, '', named(list)]),
  ].join('\n');
}

/** VS Code's `html.customData` format (version 1.1): the tag and its attributes. */
export function htmlCustomData(el: ElementDeclaration): unknown {
  return {
    version: 1.1,
    tags: [
      {
        name: el.tagName,
        description: el.summary ?? el.description ?? '',
        attributes: (el.attributes ?? []).map((a) => ({
          name: a.name,
          description: a.description ?? '',
          ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
        })),
      },
    ],
  };
}

/** The parts of custom-elements.json the manifest tests read (schema: custom-elements-manifest 2.x). */
export interface Named {
  readonly name: string;
  readonly description?: string;
  readonly type?: { readonly text: string };
}
export interface Member extends Named {
  readonly kind: 'field' | 'method';
  readonly privacy?: 'public' | 'private' | 'protected';
  readonly static?: boolean;
  readonly readonly?: boolean;
}
export interface ElementDeclaration {
  readonly name: string;
  readonly tagName?: string;
  readonly description?: string;
  readonly summary?: string;
  readonly customElement?: boolean;
  readonly attributes?: readonly (Named & { readonly fieldName?: string })[];
  readonly members?: readonly Member[];
  readonly events?: readonly Named[];
  readonly slots?: readonly Named[];
  readonly cssParts?: readonly Named[];
  readonly cssProperties?: readonly Named[];
  readonly cssStates?: readonly Named[];
}
export interface Manifest {
  readonly modules: readonly { readonly path: string; readonly declarations?: readonly ElementDeclaration[] }[];
}

/** The `<live-chat-room>` declaration. */
export function elementDeclaration(manifest: Manifest): ElementDeclaration {
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.customElement && d.tagName === 'live-chat-room');
  if (!found) throw new Error('custom-elements.json: no <live-chat-room> declaration');
  return found;
}

/** Builds one chat line as DOM with text nodes only (no HTML parsing of message data). */
import { t, type Lang } from '../i18n/index.ts';
import type { ChatEntry } from './chat-types.ts';

export function levelTier(level: number): number {
  return level >= 40 ? 4 : level >= 20 ? 3 : level >= 10 ? 2 : level >= 1 ? 1 : 0;
}

function span(className: string, text: string, part?: string): HTMLSpanElement {
  const el = document.createElement('span');
  el.className = className;
  if (part) el.setAttribute('part', part);
  el.textContent = text;
  return el;
}

export function buildLine(entry: ChatEntry, lang: Lang): HTMLElement {
  const line = document.createElement('div');
  line.className = `line ${entry.kind}${entry.own ? ' own' : ''}`;
  line.setAttribute('part', `chat-line${entry.own ? ' chat-line-own' : ''}`);
  line.dataset.id = entry.id;
  if (entry.sender.level > 0) {
    line.append(span(`badge level tier-${levelTier(entry.sender.level)}`, t(lang, 'level', { level: entry.sender.level }), 'badge'));
  }
  if (entry.sender.role === 'anchor' || entry.sender.role === 'admin') {
    line.append(span(`badge role ${entry.sender.role}`, t(lang, entry.sender.role === 'anchor' ? 'role.anchor' : 'role.admin'), 'badge'));
  }
  const nick = entry.own ? `${entry.sender.nick} (${t(lang, 'chat.you')})` : entry.sender.nick;
  line.append(span('nick', entry.kind === 'system' ? '' : nick, 'chat-nick'));
  line.append(span('text', entry.kind === 'enter' ? t(lang, 'chat.entered') : entry.text, 'chat-text'));
  if (entry.folded && entry.folded > 1) line.append(span('folded', ` ×${entry.folded}`));
  return line;
}

import type { FailureReason, Sender } from '../protocol/index.ts';

/** One line of the chat list, already decoded and validated. */
export interface ChatEntry {
  readonly id: string;
  readonly kind: 'text' | 'gift' | 'enter' | 'system';
  readonly sender: Sender;
  readonly text: string;
  readonly own: boolean;
  /** Identical messages folded into this line. */
  readonly folded?: number;
  /** For own messages: the local echo's state. */
  readonly status?: 'pending' | 'sent' | 'failed';
  readonly reason?: FailureReason;
}

/**
 * Hosts may render lines themselves. Return a Node to use instead of the default line, or
 * undefined to keep it. Message data must be put in with `textContent`, never as HTML.
 */
export type ChatItemRenderer = (entry: ChatEntry, defaultLine: HTMLElement) => Node | undefined | void;

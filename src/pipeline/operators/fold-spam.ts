/**
 * `foldSpam`: identical texts from many senders within a window become one item with ×N.
 * The first one passes at once; repeats inside the window are held back and counted; when the
 * window closes, one folded item ("666 ×12") carries the repeats. Own messages are never folded.
 */
import { defer, EMPTY, merge, mergeMap, of, type OperatorFunction, type SchedulerLike, timer } from 'rxjs';
import type { DisplayItem } from '../types.ts';

export interface FoldOptions {
  readonly windowMs: number;
  readonly scheduler: SchedulerLike;
  /** Texts shorter than this are folded by exact match; longer ones too (normalised). */
  readonly normalise?: (text: string) => string;
}

const defaultNormalise = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

interface Window {
  repeats: number;
  last: DisplayItem;
}

export function foldSpam(options: FoldOptions): OperatorFunction<DisplayItem, DisplayItem> {
  const { windowMs, scheduler, normalise = defaultNormalise } = options;
  return (source) =>
    defer(() => {
      const open = new Map<string, Window>();
      const close = (key: string) => {
        const w = open.get(key);
        open.delete(key);
        if (!w || w.repeats === 0) return EMPTY;
        return of<DisplayItem>({ ...w.last, folded: w.repeats });
      };
      return source.pipe(
        mergeMap((item) => {
          const e = item.event;
          if (e.own || e.kind !== 'text') return of(item);
          const key = normalise(e.text);
          const w = open.get(key);
          if (w) {
            w.repeats += item.folded;
            w.last = item;
            return EMPTY;
          }
          open.set(key, { repeats: 0, last: item });
          // The window's timer is part of this item's inner stream, so completion waits for it
          // and every held-back repeat is emitted before the stream ends.
          return merge(of(item), timer(windowMs, scheduler).pipe(mergeMap(() => close(key))));
        }),
      );
    });
}

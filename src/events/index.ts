export * from './event-map.ts';

import type { LcrEvents } from './event-map.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an augmentation: the members come from LcrEvents
  interface HTMLElementEventMap extends LcrEvents {}
}

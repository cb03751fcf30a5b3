/**
 * Turns a part's fall-back to the main thread into one `lcr-warning` for the page's developer.
 *
 * Owns: while the element is connected, a watch on the page's CSP refusals of workers
 * (platform/worker-csp.ts). When the barrage or the player reports that its worker did not start or
 * died, the warning is `worker-blocked` with the directive and the source to add if the page's CSP
 * refused a worker since connect (the browser reports the refusal before the worker's error), else
 * `worker-failed`. One warning per part per connection: a part falls back once.
 * Must not: change what the parts do (they have fallen back already); say anything to the viewer.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit, type WarningDetail } from '../events/index.ts';
import { watchBlockedWorkers, type BlockedWorker } from '../platform/worker-csp.ts';

type Part = NonNullable<WarningDetail['part']>;

export class WorkerWarningController implements ReactiveController {
  private stopWatching: (() => void) | undefined;
  private refused: BlockedWorker | undefined;
  private readonly warned = new Set<Part>();

  constructor(private readonly host: ReactiveControllerHost & EventTarget) {
    host.addController(this);
  }

  hostConnected(): void {
    this.warned.clear();
    this.refused = undefined;
    this.stopWatching = watchBlockedWorkers((blocked) => (this.refused = blocked));
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  /** `part` runs on the main thread now, for `reason`. */
  fellBack(part: Part, reason: string): void {
    if (this.warned.has(part)) return;
    this.warned.add(part);
    const refused = this.refused;
    if (refused) {
      emit(this.host, 'lcr-warning', {
        code: 'worker-blocked',
        part,
        directive: refused.directive,
        source: refused.fix,
        message: `The page's Content-Security-Policy refused a worker (${refused.directive}); add ${refused.fix} to worker-src. ${capitalized(reason)}.`,
      });
    } else {
      emit(this.host, 'lcr-warning', { code: 'worker-failed', part, message: `${capitalized(reason)}.` });
    }
  }
}

const capitalized = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

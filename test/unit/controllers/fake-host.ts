/**
 * A stand-in for the Lit element a reactive controller is added to: it records controllers,
 * counts update requests, dispatches events like an element (it is an EventTarget) and runs the
 * lifecycle hooks on `connect()` / `disconnect()` / `update()`, as `ReactiveElement` does.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FakeHost extends EventTarget {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  updateComplete: Promise<boolean> = Promise.resolve(true);

  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }

  removeController(c: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(c), 1);
  }

  requestUpdate(): void {
    this.updates++;
  }

  connect(): void {
    for (const c of this.controllers) c.hostConnected?.();
  }

  disconnect(): void {
    for (const c of this.controllers) c.hostDisconnected?.();
  }

  /** Events of one type the host received, their details in order. */
  record<T>(type: string): T[] {
    const seen: T[] = [];
    this.addEventListener(type, (e) => seen.push((e as CustomEvent<T>).detail));
    return seen;
  }
}

/** The host as the controllers type it (an element with Lit's controller API). */
export const asElement = (host: FakeHost): ReactiveControllerHost & HTMLElement => host as unknown as ReactiveControllerHost & HTMLElement;

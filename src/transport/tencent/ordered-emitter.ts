/**
 * Emits values in the order they were pushed even when some arrive as promises (a message waiting
 * for its sender's profile must not overtake, or be overtaken by, the next one). A rejected
 * promise becomes a skipped slot. Callers bound the wait (the profile filler has a timeout).
 */
export class OrderedEmitter<T> {
  private readonly queue: Array<{ done: boolean; value?: T }> = [];
  private disposed = false;

  constructor(private readonly emit: (value: T) => void) {}

  get pending(): number {
    return this.queue.length;
  }

  push(value: T | Promise<T>): void {
    if (this.disposed) return;
    if (!(value instanceof Promise)) {
      if (this.queue.length === 0) this.emit(value);
      else this.queue.push({ done: true, value });
      return;
    }
    const slot: { done: boolean; value?: T } = { done: false };
    this.queue.push(slot);
    value.then(
      (v) => {
        slot.value = v;
        slot.done = true;
        this.drain();
      },
      () => {
        slot.done = true;
        this.drain();
      },
    );
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
  }

  private drain(): void {
    while (!this.disposed && this.queue[0]?.done) {
      const slot = this.queue.shift()!;
      if (slot.value !== undefined) this.emit(slot.value);
    }
  }
}

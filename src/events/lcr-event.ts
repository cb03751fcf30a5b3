/** Base of every public event: `lcr-*`, bubbles and crosses shadow roots, typed `detail`. */
export class LcrEvent<D> extends CustomEvent<D> {
  constructor(type: string, detail: D, cancelable = false) {
    super(type, { detail, bubbles: true, composed: true, cancelable });
  }
}

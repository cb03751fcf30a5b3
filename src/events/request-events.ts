/** Asks the host may answer or veto: cancelable `lcr-*-request` events. */
import { LcrEvent } from './lcr-event.ts';

/** The viewer tapped "follow". The host records it and sets `anchor.followed`. */
export class LcrFollowRequestEvent extends LcrEvent<{ follow: boolean }> {
  static readonly type = 'lcr-follow-request';
  constructor(detail: { follow: boolean }) {
    super(LcrFollowRequestEvent.type, detail, true);
  }
}

/** A guest tried to chat, like or gift. Cancel it to handle login yourself. */
export class LcrLoginRequestEvent extends LcrEvent<{ reason: 'chat' | 'like' | 'gift' }> {
  static readonly type = 'lcr-login-request';
  constructor(detail: { reason: 'chat' | 'like' | 'gift' }) {
    super(LcrLoginRequestEvent.type, detail, true);
  }
}

export interface GiftRequestDetail {
  readonly giftId: string;
  readonly count: number;
  /** The catalog entry, when the gift is in the catalog. */
  readonly gift?: { readonly id: string; readonly name: string; readonly price: number; readonly type: 1 | 2 | 3 };
  readonly roomId: string;
  readonly userId: string;
  /** Put this on the gift message (`cloudCustomData.lcr.cid`) so the local echo is not shown twice. */
  readonly clientId: string;
}

/**
 * A gift is about to be billed (one merged batch). Cancel it to bill yourself; otherwise the
 * element POSTs the detail to `gift-endpoint`. Either way the sender sees the gift at once.
 */
export class LcrGiftRequestEvent extends LcrEvent<GiftRequestDetail> {
  static readonly type = 'lcr-gift-request';
  constructor(detail: GiftRequestDetail) {
    super(LcrGiftRequestEvent.type, detail, true);
  }
}

/** A text or custom message is about to be sent. Cancel it to stop the send (shown as cancelled). */
export class LcrSendRequestEvent extends LcrEvent<{ kind: 'text' | 'custom'; text?: string; cmd?: string; clientId?: string }> {
  static readonly type = 'lcr-send-request';
  constructor(detail: { kind: 'text' | 'custom'; text?: string; cmd?: string; clientId?: string }) {
    super(LcrSendRequestEvent.type, detail, true);
  }
}

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

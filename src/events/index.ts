export { LcrEvent } from './lcr-event.ts';
export * from './room-events.ts';
export * from './request-events.ts';

import type {
  LcrConnectionChangeEvent,
  LcrErrorEvent,
  LcrGiftEvent,
  LcrKickedEvent,
  LcrLikeEvent,
  LcrMemberEnterEvent,
  LcrMessageEvent,
  LcrMetricsEvent,
  LcrMuteChangeEvent,
  LcrRoomStateChangeEvent,
} from './room-events.ts';
import type { LcrFollowRequestEvent, LcrGiftRequestEvent, LcrLoginRequestEvent, LcrSendRequestEvent } from './request-events.ts';

declare global {
  interface HTMLElementEventMap {
    'lcr-message': LcrMessageEvent;
    'lcr-member-enter': LcrMemberEnterEvent;
    'lcr-room-state-change': LcrRoomStateChangeEvent;
    'lcr-connection-change': LcrConnectionChangeEvent;
    'lcr-kicked': LcrKickedEvent;
    'lcr-mute-change': LcrMuteChangeEvent;
    'lcr-error': LcrErrorEvent;
    'lcr-metrics': LcrMetricsEvent;
    'lcr-follow-request': LcrFollowRequestEvent;
    'lcr-login-request': LcrLoginRequestEvent;
    'lcr-gift': LcrGiftEvent;
    'lcr-like': LcrLikeEvent;
    'lcr-gift-request': LcrGiftRequestEvent;
    'lcr-send-request': LcrSendRequestEvent;
  }
}

/**
 * SDK-shaped fixtures: complete `Message` objects (every field the package's index.d.ts declares),
 * shaped like the web SDK's documented messages of a live room: `@TGS#…` group ids, text, the
 * live-kit custom envelope, group tips (join/quit/kick/profile/member mute/ban) and group system
 * notices.
 */
import type { SdkMessage } from '../../../src/transport/tencent/sdk-types.ts';

export const ROOM = '@TGS#aJ4LMVXHE';
export const OTHER_ROOM = '@TGS#2C5SZEAEF';

type MessageType = SdkMessage['type'];
type MessagePriority = SdkMessage['priority'];
const t = (s: string) => s as MessageType;
const p = (s: string) => s as MessagePriority;

let seq = 0;
const nextId = () => `144115233874815003-${1_700_000_000 + ++seq}-${1000 + seq}`;

export function sdkMessage(overrides: Partial<SdkMessage> = {}): SdkMessage {
  const to = overrides.to ?? ROOM;
  return {
    ID: nextId(),
    type: t('TIMTextElem'),
    payload: { text: 'hello' },
    conversationID: `GROUP${to}`,
    conversationType: 'GROUP' as SdkMessage['conversationType'],
    to,
    from: 'viewer_1',
    flow: 'in',
    time: 1_700_000_100,
    status: 'success',
    isRevoked: false,
    priority: p('Normal'),
    nick: 'Viewer One',
    avatar: 'https://cdn.example.com/v1.png',
    isPeerRead: false,
    nameCard: '',
    atUserList: [],
    cloudCustomData: JSON.stringify({ lcr: { level: 3, role: 'member', cid: 'c-1' } }),
    isDeleted: false,
    isModified: false,
    needReadReceipt: false,
    readReceiptInfo: {},
    isBroadcastMessage: false,
    isSupportExtension: false,
    revoker: '',
    revokerInfo: { userID: '', nick: '', avatar: '' },
    revokeReason: '',
    sequence: seq,
    hasRiskContent: false,
    ...overrides,
  };
}

export function textMessage(text: string, overrides: Partial<SdkMessage> = {}): SdkMessage {
  return sdkMessage({ type: t('TIMTextElem'), payload: { text }, ...overrides });
}

export const giftEnvelope = {
  version: 1.0,
  businessID: 'flutter_live_kit',
  data: {
    cmd: 'send_gift_message',
    cmdInfo: {
      type: 3,
      giftUrl: 'https://cdn.example.com/rocket.png',
      giftCount: 1,
      giftSEUrl: 'https://cdn.example.com/rocket.json',
      giftName: 'Super Rocket',
      giftUnits: '',
    },
  },
};

export function customMessage(envelope: unknown, overrides: Partial<SdkMessage> = {}): SdkMessage {
  return sdkMessage({
    type: t('TIMCustomElem'),
    priority: p('High'),
    payload: { data: JSON.stringify(envelope), description: 'send_gift_message', extension: '' },
    ...overrides,
  });
}

/** A group tip as the SDK builds it: `payload.groupProfile.groupID` names the room. */
export function tipMessage(operationType: number, payload: Record<string, unknown>, overrides: Partial<SdkMessage> = {}): SdkMessage {
  const to = overrides.to ?? ROOM;
  return sdkMessage({
    type: t('TIMGroupTipElem'),
    from: '@TIM#SYSTEM',
    nick: '',
    avatar: '',
    cloudCustomData: '',
    priority: p('High'),
    payload: { operatorID: 'admin', operationType, groupProfile: { groupID: to, from: 'admin', to }, ...payload },
    ...overrides,
  });
}

/** A group system notice: addressed to the user, the room only in `payload.groupProfile`. */
export function systemNotice(operationType: number, payload: Record<string, unknown> = {}, roomId = ROOM): SdkMessage {
  return sdkMessage({
    type: t('TIMGroupSystemNoticeElem'),
    from: '@TIM#SYSTEM',
    to: 'viewer_me',
    conversationID: '@TIM#SYSTEM',
    conversationType: '@TIM#SYSTEM' as SdkMessage['conversationType'],
    nick: '',
    avatar: '',
    cloudCustomData: '',
    payload: { operatorID: 'admin', operationType, groupProfile: { groupID: roomId, name: 'Live' }, ...payload },
  });
}

export const TIPS = {
  join: () => tipMessage(1, { userIDList: ['viewer_9'], operatorInfo: { userID: 'viewer_9', nick: 'Nine', avatar: '' }, memberNum: 101 }),
  quit: () => tipMessage(2, { userIDList: ['viewer_9'], memberNum: 100 }),
  kicked: () => tipMessage(3, { userIDList: ['troll_1'] }),
  muteAll: () => tipMessage(6, { newGroupProfile: { muteAllMembers: true, notification: 'Quiet please' } }),
  memberMute: () =>
    tipMessage(7, {
      memberList: [
        { userID: 'viewer_me', muteTime: 600 },
        { userID: 'viewer_2', muteTime: 0 },
      ],
    }),
  ban: () => tipMessage(10, { userIDList: ['troll_2'] }),
  unban: () => tipMessage(11, { userIDList: ['troll_2'] }),
};

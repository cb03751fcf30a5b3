/**
 * Tencent Cloud Chat error codes the emulator answers with (REST API and WebSocket results),
 * with their public meaning. One place, so both sides of the emulator agree.
 */
export const ERR = {
  ok: 0,
  /** SDK: not logged in (guests may only join, leave and count the audience). */
  notLoggedIn: 2024,
  // REST API common errors
  httpParse: 60002,
  jsonParse: 60003,
  badResource: 60009,
  needAdmin: 60010,
  needSdkAppId: 60012,
  // account / UserSig
  sigExpired: 70001,
  sigMalformed: 70003,
  sigForged: 70009,
  sigWrongUser: 70013,
  sigWrongApp: 70014,
  // group service
  internal: 10002,
  invalidParam: 10004,
  permission: 10007,
  groupGone: 10010,
  callbackRejected: 10016,
  muted: 10017,
  groupIdInUse: 10021,
  sendTooFast: 10023,
  // message content
  sensitive: 80001,
  bodyTooLarge: 80002,
} as const;

export const ERR_INFO: Record<number, string> = {
  [ERR.notLoggedIn]: 'not logged in',
  [ERR.httpParse]: 'HTTP parse error, check the request URL format',
  [ERR.jsonParse]: 'HTTP request JSON parse error',
  [ERR.badResource]: 'request resource error, check the request URL',
  [ERR.needAdmin]: 'the request needs App admin permission',
  [ERR.needSdkAppId]: 'the REST API needs an SDKAppID in the URL',
  [ERR.sigExpired]: 'UserSig expired',
  [ERR.sigMalformed]: 'UserSig parse failed',
  [ERR.sigForged]: 'UserSig verification failed',
  [ERR.sigWrongUser]: 'the UserID in the request differs from the one in the UserSig',
  [ERR.sigWrongApp]: 'the SDKAppID in the request differs from the one in the UserSig',
  [ERR.internal]: 'internal server error',
  [ERR.invalidParam]: 'invalid parameter',
  [ERR.permission]: 'insufficient permission',
  [ERR.groupGone]: 'the group does not exist or has been dismissed',
  [ERR.callbackRejected]: 'the App backend rejected this operation through a callback',
  [ERR.muted]: 'muted: the sender may not send messages in this group',
  [ERR.groupIdInUse]: 'the group ID is already used',
  [ERR.sendTooFast]: 'sending messages too often',
  [ERR.sensitive]: 'the message contains sensitive words',
  [ERR.bodyTooLarge]: 'the message body is too large (12 KB)',
};

/** A failure carrying a Tencent code; thrown inside the emulator, answered as data at the edges. */
export class ChatError extends Error {
  constructor(
    readonly code: number,
    message: string = ERR_INFO[code] ?? 'error',
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

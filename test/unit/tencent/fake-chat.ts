/**
 * A stand-in for a Tencent Cloud Chat SDK instance. It `implements ChatApi`, which is a `Pick` of
 * the instance type declared in the package's own index.d.ts, so any drift of the SDK's method
 * signatures breaks this file's compilation. Behaviour is scripted per test through the `*Impl`
 * fields; every call is recorded.
 */
import { EVENT, type ChatApi, type CreateOptions, type SdkMessage } from '../../../src/transport/tencent/sdk-types.ts';
import { sdkMessage } from './fixtures.ts';

type Opt<M extends keyof ChatApi> = Parameters<ChatApi[M]>[0];
type Listener = (event: { name: string; data: unknown }) => void;

export class FakeChat implements ChatApi {
  readonly calls: Array<{ method: string; args: unknown[] }> = [];
  readonly handlers = new Map<string, Set<Listener>>();
  ready = false;
  loginUser = '';
  serverTime = 1_700_000_000;
  logLevel: number | undefined;
  destroyed = 0;
  /** When false, a successful login does not emit SDK_READY by itself (call `becomeReady`). */
  autoReady = true;
  private seq = 0;

  loginImpl: (o: Opt<'login'>) => Promise<unknown> = async (o) => {
    this.loginUser = o.userID;
    if (this.autoReady) queueMicrotask(() => this.becomeReady());
    return { code: 0, data: { repeatLogin: false } };
  };
  joinImpl: (o: Opt<'joinGroup'>) => Promise<unknown> = async () => ({ code: 0, data: { status: 'JoinedSuccess' } });
  quitImpl: (groupID: string) => Promise<unknown> = async (groupID) => ({ code: 0, data: { groupID } });
  sendImpl: (m: SdkMessage) => Promise<unknown> = async (m) => ({
    code: 0,
    data: { message: { ...m, ID: `server-${m.ID}`, time: this.serverTime, status: 'success' } },
  });
  userProfileImpl: (o: Opt<'getUserProfile'>) => Promise<unknown> = async (o) => ({
    code: 0,
    data: o.userIDList.map((userID) => ({ userID, nick: `nick-${userID}`, avatar: `https://cdn.example.com/${userID}.png` })),
  });
  groupProfileImpl: (o: Opt<'getGroupProfile'>) => Promise<unknown> = async (o) => ({
    code: 0,
    data: {
      group: {
        groupID: o.groupID,
        type: 'AVChatRoom',
        notification: 'Welcome!',
        introduction: 'Spring sale',
        muteAllMembers: false,
        memberCount: 12,
      },
    },
  });
  attributesImpl: (o: Opt<'getGroupAttributes'>) => Promise<unknown> = async () => ({
    code: 0,
    data: { groupAttributes: { state: 'live', streamUrl: 'https://live.example.com/a.m3u8' } },
  });
  countersImpl: (o: Opt<'getGroupCounters'>) => Promise<unknown> = async () => ({
    code: 0,
    data: { groupID: '', counters: { likes: 4321 } },
  });
  onlineCountImpl: (groupID: string) => Promise<unknown> = async () => ({ code: 0, data: { memberCount: 1234 } });
  memberProfileImpl: (o: Opt<'getGroupMemberProfile'>) => Promise<unknown> = async (o) => ({
    code: 0,
    data: { memberList: o.userIDList.map((userID) => ({ userID, muteUntil: 0 })) },
  });

  constructor(readonly createOptions?: CreateOptions) {}

  // ---- test helpers -------------------------------------------------------------------------
  emit(name: string, data?: unknown): void {
    for (const h of [...(this.handlers.get(name) ?? [])]) h({ name, data });
  }
  listenerCount(name?: string): number {
    if (name) return this.handlers.get(name)?.size ?? 0;
    let n = 0;
    for (const set of this.handlers.values()) n += set.size;
    return n;
  }
  becomeReady(): void {
    this.ready = true;
    this.emit(EVENT.SDK_READY);
  }
  count(method: string): number {
    return this.calls.filter((c) => c.method === method).length;
  }
  argsOf(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }
  private record(method: string, ...args: unknown[]): void {
    this.calls.push({ method, args });
  }

  // ---- ChatApi --------------------------------------------------------------------------------
  on(eventName: string, handler: (...args: any[]) => unknown): void {
    let set = this.handlers.get(eventName);
    if (!set) this.handlers.set(eventName, (set = new Set()));
    set.add(handler as Listener);
  }
  off(eventName: string, handler: (...args: any[]) => unknown): void {
    this.handlers.get(eventName)?.delete(handler as Listener);
  }
  login(options: Opt<'login'>): Promise<any> {
    this.record('login', options);
    return this.loginImpl(options);
  }
  async logout(): Promise<void> {
    this.record('logout');
    this.ready = false;
    this.loginUser = '';
    this.emit(EVENT.SDK_NOT_READY);
  }
  async destroy(): Promise<void> {
    this.record('destroy');
    this.destroyed++;
  }
  isReady(): boolean {
    return this.ready;
  }
  getLoginUser(): string {
    return this.loginUser;
  }
  getServerTime(): number {
    return this.serverTime;
  }
  setLogLevel(level: number): void {
    this.record('setLogLevel', level);
    this.logLevel = level;
  }
  joinGroup(options: Opt<'joinGroup'>): Promise<any> {
    this.record('joinGroup', options);
    return this.joinImpl(options);
  }
  quitGroup(groupID: string): Promise<any> {
    this.record('quitGroup', groupID);
    return this.quitImpl(groupID);
  }
  createTextMessage(options: Opt<'createTextMessage'>): SdkMessage {
    this.record('createTextMessage', options);
    return this.localMessage('TIMTextElem', options);
  }
  createCustomMessage(options: Opt<'createCustomMessage'>): SdkMessage {
    this.record('createCustomMessage', options);
    return this.localMessage('TIMCustomElem', options);
  }
  sendMessage(message: SdkMessage): Promise<any> {
    this.record('sendMessage', message);
    return this.sendImpl(message);
  }
  getUserProfile(options: Opt<'getUserProfile'>): Promise<any> {
    this.record('getUserProfile', options);
    return this.userProfileImpl(options);
  }
  getGroupProfile(options: Opt<'getGroupProfile'>): Promise<any> {
    this.record('getGroupProfile', options);
    return this.groupProfileImpl(options);
  }
  getGroupAttributes(options: Opt<'getGroupAttributes'>): Promise<any> {
    this.record('getGroupAttributes', options);
    return this.attributesImpl(options);
  }
  getGroupCounters(options: Opt<'getGroupCounters'>): Promise<any> {
    this.record('getGroupCounters', options);
    return this.countersImpl(options);
  }
  getGroupOnlineMemberCount(groupID: string): Promise<any> {
    this.record('getGroupOnlineMemberCount', groupID);
    return this.onlineCountImpl(groupID);
  }
  getGroupMemberProfile(options: Opt<'getGroupMemberProfile'>): Promise<any> {
    this.record('getGroupMemberProfile', options);
    return this.memberProfileImpl(options);
  }

  private localMessage(type: string, o: Opt<'createTextMessage'>): SdkMessage {
    return sdkMessage({
      ID: `local-${++this.seq}`,
      type: type as SdkMessage['type'],
      payload: o.payload,
      to: o.to,
      conversationID: `GROUP${o.to}`,
      conversationType: o.conversationType,
      priority: o.priority ?? ('Normal' as SdkMessage['priority']),
      cloudCustomData: o.cloudCustomData ?? '',
      from: this.loginUser,
      flow: 'out',
      status: 'unSend',
    });
  }
}

/** An SDK error as the SDK rejects with it (`{ code, message }`). */
export function sdkError(code: number, message = `error ${code}`): Error & { code: number } {
  return Object.assign(new Error(message), { code });
}

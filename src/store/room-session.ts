/**
 * The room session: one transport, one pipeline, their subscriptions and the audience poll.
 * Made in `start()` (on connect, or when the room or identity changes) and torn down in
 * `stop()` (on disconnect); `stop()` is idempotent and nothing outlives it.
 */
import { BehaviorSubject, Subject, Subscription } from 'rxjs';
import {
  createRoomPipeline,
  type ContextInfo,
  type DisplayItem,
  type EchoState,
  type GiftCombo,
  type LikeBurst,
  type PipelineMetrics,
  type RoomPipeline,
  type RoomView,
  type TextRequest,
} from '../pipeline/index.ts';
import type { GiftEvent, InboundFrame, OutboundWire, RoomEvent, SendResult } from '../protocol/index.ts';
import type { LcrErrorCode } from '../events/index.ts';
import type { ChatTransport, Identity } from '../transport/chat-transport.ts';
import { createTransport, type TransportConfig } from './transport-factory.ts';

export interface SessionConfig extends TransportConfig {
  readonly roomId: string;
  readonly identity: Identity;
  readonly anchorId?: string;
  readonly allowUrl?: (url: string) => boolean;
  /** Host-listed trusted sender ids (besides the system ids and the anchor). */
  readonly trustedIds?: ReadonlySet<string>;
  readonly allowMediaUrl?: (url: string) => boolean;
  readonly allowAvatarUrl?: (url: string) => boolean;
  /** Like aggregation window (ms, at least 250). */
  readonly likeWindowMs?: number;
}

export interface SessionSink {
  room(view: RoomView): void;
  event(e: RoomEvent): void;
  display(item: DisplayItem): void;
  barrage(item: DisplayItem): void;
  gift(combo: GiftCombo): void;
  likes(burst: LikeBurst): void;
  /** One aggregated like message handed to the transport, and its outcome. */
  likeSent(count: number, result: Promise<SendResult>): void;
  metrics(m: PipelineMetrics): void;
  echo(e: EchoState): void;
  cooldown(retryInMs: number, clientId: string): void;
  error(code: Exclude<LcrErrorCode, 'player' | 'catalog'>, message: string, cause?: unknown): void;
}

/** Audience count polling: never faster than every 10 s (docs/avchatroom.md#audience-count, docs/tencent-sdk.md#call-limits). */
export const AUDIENCE_POLL_MS = 10_000;

export class RoomSession {
  /** Free barrage lanes, fed by the barrage renderer. */
  readonly capacity$ = new BehaviorSubject<number>(0);
  private readonly texts$ = new Subject<TextRequest>();
  private readonly likeTaps$ = new Subject<number>();
  private readonly sendResults$ = new Subject<{ clientId: string; result: SendResult }>();
  private readonly ownGifts$ = new Subject<GiftEvent>();
  private frames$: Subject<InboundFrame> | undefined;
  private subs = new Subscription();
  private current: { transport: ChatTransport; owned: boolean } | undefined;
  private poll: ReturnType<typeof setInterval> | undefined;
  private generation = 0;
  /** Branches whose defect was reported this session: each is reported once. */
  private readonly defects = new Set<string>();

  constructor(private readonly sink: SessionSink) {}

  /** The pipeline is wired: sends and taps have somewhere to go. */
  get wired(): boolean {
    return this.frames$ !== undefined;
  }

  get transport(): ChatTransport | undefined {
    return this.current?.transport;
  }

  async start(config: SessionConfig): Promise<void> {
    this.stop();
    this.defects.clear();
    const generation = ++this.generation;
    let made;
    try {
      made = await createTransport(config);
    } catch (err) {
      this.sink.error(err instanceof TypeError ? 'config' : 'transport', `Could not load the chat backend: ${(err as Error).message}`, err);
      return;
    }
    if (!made) {
      this.sink.error('config', 'No chat backend: set emulator-url, sdk-app-id, or the transport property');
      return;
    }
    if (generation !== this.generation) {
      if (made?.owned) made.transport.destroy();
      return;
    }
    this.current = made;
    const { transport } = made;
    const frames$ = new Subject<InboundFrame>();
    this.frames$ = frames$;
    const context$ = new BehaviorSubject<ContextInfo>({
      ...(config.identity.kind === 'user' ? { selfId: config.identity.userId } : {}),
      ...(config.anchorId ? { anchorId: config.anchorId } : {}),
      origin: location.origin,
      ...(config.emulatorUrl ? { roomBase: new URL(config.emulatorUrl, location.href).href } : {}),
      ...(config.allowUrl ? { allowUrl: config.allowUrl } : {}),
      ...(config.trustedIds ? { trustedIds: config.trustedIds } : {}),
      ...(config.allowMediaUrl ? { allowMediaUrl: config.allowMediaUrl } : {}),
      ...(config.allowAvatarUrl ? { allowAvatarUrl: config.allowAvatarUrl } : {}),
    });
    const pipeline = createRoomPipeline(
      {
        frames$,
        context$,
        connection$: transport.state$,
        barrageCapacity$: this.capacity$,
        texts$: this.texts$,
        sendResults$: this.sendResults$,
        likeTaps$: this.likeTaps$,
        ownGifts$: this.ownGifts$,
      },
      {
        ...(config.likeWindowMs ? { likeWindowMs: config.likeWindowMs } : {}),
        onDefect: (branch, err) => this.defect(branch, err),
      },
    );
    this.wire(pipeline, transport);
    this.subs.add(transport.events$.subscribe(frames$));
    if (transport.errors$) {
      this.subs.add(
        transport.errors$.subscribe((n) => this.sink.error(n.code === 'room-evicted' ? 'room-evicted' : 'transport', n.message, n)),
      );
    }

    try {
      await transport.connect(config.identity);
    } catch (err) {
      if (generation !== this.generation) return;
      this.sink.error('login', `Could not log in: ${(err as Error)?.message ?? String(err)}`, err);
      return;
    }
    try {
      if (generation !== this.generation) return;
      const snapshot = await transport.join(config.roomId);
      if (generation !== this.generation) return;
      if (snapshot.profile) frames$.next({ kind: 'profile', profile: snapshot.profile });
      if (snapshot.attributes) frames$.next({ kind: 'attributes', attributes: snapshot.attributes });
      for (const message of snapshot.history ?? []) frames$.next({ kind: 'message', message });
      if (snapshot.selfMuteSeconds && config.identity.kind === 'user') {
        frames$.next({ kind: 'message', message: selfMuteTip(config.identity.userId, snapshot.selfMuteSeconds) });
      }
    } catch (err) {
      if (generation !== this.generation) return;
      this.sink.error('join', (err as Error).message ?? 'Could not join the room', err);
      return;
    }
    const pollAudience = () =>
      transport.getAudienceCount().then(
        (count) => generation === this.generation && frames$.next({ kind: 'audience', count }),
        () => undefined, // a failed poll is retried at the next tick
      );
    void pollAudience();
    this.poll = setInterval(() => void pollAudience(), AUDIENCE_POLL_MS);
  }

  private wire(p: RoomPipeline, transport: ChatTransport): void {
    const s = this.sink;
    this.subs.add(p.room$.subscribe((v) => s.room(v)));
    this.subs.add(p.events$.subscribe((e) => s.event(e)));
    this.subs.add(p.display$.subscribe((d) => s.display(d)));
    this.subs.add(p.barrage$.subscribe((d) => s.barrage(d)));
    this.subs.add(p.gifts$.subscribe((g) => s.gift(g)));
    this.subs.add(p.likes$.subscribe((l) => s.likes(l)));
    this.subs.add(p.metrics$.subscribe((m) => s.metrics(m)));
    this.subs.add(p.echoes$.subscribe((e) => s.echo(e)));
    this.subs.add(p.cooldown$.subscribe((c) => s.cooldown(c.retryInMs, c.clientId)));
    this.subs.add(
      p.transmit$.subscribe(({ clientId, wire }) => {
        void transport.send(wire).then((result) => this.sendResults$.next({ clientId, result }));
      }),
    );
    this.subs.add(p.likeSends$.subscribe(({ count, wire }) => s.likeSent(count, transport.send(wire))));
  }

  sendText(request: TextRequest): void {
    this.texts$.next(request);
  }

  like(count = 1): void {
    this.likeTaps$.next(count);
  }

  /** An own gift, billed (or being billed): shown at once, deduped against the room's copy. */
  echoGift(event: GiftEvent): void {
    this.ownGifts$.next(event);
  }

  /** A frame from the host (`updateRoom`): through the same decoder as the room's own. */
  inject(frame: InboundFrame): void {
    this.frames$?.next(frame);
  }

  /** Any message, straight to the transport (host `sendCustom`); no transport → not sent. */
  sendWire(wire: OutboundWire): Promise<SendResult> {
    const t = this.current?.transport;
    return t ? t.send(wire) : Promise.resolve({ ok: false, reason: 'network' });
  }

  /** A branch of the pipeline failed and resubscribed: say so once per branch and session. */
  private defect(branch: string, err: unknown): void {
    if (this.defects.has(branch)) return;
    this.defects.add(branch);
    this.sink.error('pipeline', `The room's ${branch} stream hit a defect and restarted: ${(err as Error)?.message ?? String(err)}`, err);
  }

  /** Idempotent. Leaves the room and releases the transport if we made it. */
  stop(): void {
    this.generation++;
    this.frames$ = undefined;
    this.subs.unsubscribe();
    this.subs = new Subscription();
    if (this.poll !== undefined) clearInterval(this.poll);
    this.poll = undefined;
    const current = this.current;
    this.current = undefined;
    if (!current) return;
    if (current.owned) current.transport.destroy();
    else void current.transport.leave().catch(() => undefined);
  }
}

/** A member-profile tip for the mute state the room reported at join time. */
function selfMuteTip(userId: string, seconds: number): unknown {
  return {
    ID: `join-mute-${userId}`,
    type: 'TIMGroupTipElem',
    payload: { operationType: 7, memberList: [{ userID: userId, muteTime: seconds }] },
  };
}

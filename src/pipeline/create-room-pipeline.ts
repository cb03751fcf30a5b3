/**
 * `createRoomPipeline`: the room's whole message flow as pure RxJS (docs/house-rules.md#the-pipeline).
 *
 * Inbound: frames → decode → dedupe → control (reducer, never shed) | gifts (combos) |
 * likes (bursts) | texts (fold → display; capacity-driven, bounded, fresh → barrage).
 * Outbound: text requests → token bucket → local echo + transmit → echo states;
 * like taps → one Low message per window. (Gift taps are merged by the gift feature itself,
 * `mergeGiftTaps`, and never pass through here until billed.)
 *
 * No timers, clocks, Promises or subscriptions here: time comes from the injected scheduler,
 * and the caller subscribes to the outputs it needs.
 */
import { asyncScheduler, concatMap, filter, map, merge, type Observable, scan, type SchedulerLike, share } from 'rxjs';
import {
  encodeLike,
  encodeText,
  type ConnectionState,
  type GiftEvent,
  type InboundFrame,
  type MessageMeta,
  type OutboundWire,
  type Priority,
  type RoomEvent,
  type SendResult,
  type Sender,
  type TextEvent,
} from '../protocol/index.ts';
import { aggregateLikes } from './operators/aggregate-likes.ts';
import { countMetrics, type MetricSignal } from './operators/count-metrics.ts';
import { type ContextInfo, decodeFrames } from './operators/decode-frames.ts';
import { dedupeById } from './operators/dedupe-by-id.ts';
import { foldSpam } from './operators/fold-spam.ts';
import { giftCombo } from './operators/gift-combo.ts';
import { isControl, reduceRoomState } from './operators/reduce-room-state.ts';
import { shedByPriority } from './operators/shed-by-priority.ts';
import { isolateBranch, type PipelineBranch } from './operators/isolate-branch.ts';
import { tokenBucket } from './operators/token-bucket.ts';
import { trackEchoes } from './operators/track-echoes.ts';
import type { DisplayItem, EchoInput, EchoState, GiftCombo, LikeBurst, PipelineMetrics, RoomView } from './types.ts';

export interface TextRequest {
  readonly clientId: string;
  readonly text: string;
  readonly sender: Sender;
  /** Re-send of a failed message with the same clientId (no second echo). */
  readonly retry?: boolean;
}

export interface RoomPipelineInputs {
  readonly frames$: Observable<InboundFrame>;
  readonly context$: Observable<ContextInfo>;
  readonly connection$: Observable<ConnectionState>;
  /** Free barrage lanes, reported by the renderer whenever they change. */
  readonly barrageCapacity$: Observable<number>;
  readonly texts$: Observable<TextRequest>;
  readonly sendResults$: Observable<{ readonly clientId: string; readonly result: SendResult }>;
  readonly likeTaps$: Observable<number>;
  /** Own gifts echoed locally once billed (the room may drop the server copy). */
  readonly ownGifts$?: Observable<GiftEvent>;
}

export interface RoomPipelineOptions {
  readonly scheduler?: SchedulerLike;
  /** Told of an error inside one branch; the branch then resubscribes and the others go on. */
  readonly onDefect?: (branch: PipelineBranch, error: unknown) => void;
  readonly dedupeCapacity?: number;
  readonly barrageQueue?: number;
  readonly barrageMaxAgeMs?: number;
  readonly foldWindowMs?: number;
  readonly comboWindowMs?: number;
  readonly likeWindowMs?: number;
  readonly inboundLikeWindowMs?: number;
  readonly textRatePerSecond?: number;
  readonly textBurst?: number;
  readonly metricsIntervalMs?: number;
  /** Metadata put on own messages (level, role). */
  readonly meta?: () => MessageMeta;
}

export interface RoomPipeline {
  /** Every accepted inbound event (after dedupe), for host events. */
  readonly events$: Observable<RoomEvent>;
  readonly room$: Observable<RoomView>;
  /** Texts and inline gifts for the chat list (folded, own echoes included). */
  readonly display$: Observable<DisplayItem>;
  /** What the barrage may show now (never more than its free capacity; own always). */
  readonly barrage$: Observable<DisplayItem>;
  /** Banner and effect gifts (types 2 and 3) as growing combos. */
  readonly gifts$: Observable<GiftCombo>;
  readonly likes$: Observable<LikeBurst>;
  readonly metrics$: Observable<PipelineMetrics>;
  /** Outbound text to hand to the transport. */
  readonly transmit$: Observable<{ readonly clientId: string; readonly wire: OutboundWire }>;
  readonly echoes$: Observable<EchoState>;
  /** Sends refused by the token bucket: show a cooldown. */
  readonly cooldown$: Observable<{ readonly clientId: string; readonly retryInMs: number }>;
  /** One aggregated Low-priority like message per window. */
  readonly likeSends$: Observable<{ readonly count: number; readonly wire: OutboundWire }>;
}

const priorityOf = (d: DisplayItem): Priority => d.event.priority;

export function createRoomPipeline(inputs: RoomPipelineInputs, options: RoomPipelineOptions = {}): RoomPipeline {
  const s = options.scheduler ?? asyncScheduler;
  const meta = options.meta ?? (() => ({ level: 0 }));
  const onDefect = options.onDefect ?? (() => undefined);
  const isolate = <T>(branch: PipelineBranch) => isolateBranch<T>(branch, onDefect, s);

  // --- outbound text: bucket → echo + transmit -------------------------------------------
  const admissions$ = inputs.texts$.pipe(
    tokenBucket<TextRequest>({ ratePerSecond: options.textRatePerSecond ?? 1, burst: options.textBurst ?? 3, scheduler: s }),
    share(),
  );
  const admitted$ = admissions$.pipe(
    filter((a) => a.admitted),
    map((a) => ({ req: a.request, encoded: encodeText(a.request.text, { ...meta(), clientId: a.request.clientId }) })),
    share(),
  );
  const localEchoes$ = admitted$.pipe(
    filter(({ req }) => !req.retry),
    map(({ req }): TextEvent => ({
      kind: 'text',
      id: req.clientId,
      clientId: req.clientId,
      time: s.now(),
      priority: 'normal',
      sender: req.sender,
      own: true,
      text: req.text.trim(),
    })),
  );
  const echoInputs$ = merge(
    admitted$.pipe(
      map(({ req, encoded }): EchoInput[] => {
        const first: EchoInput = req.retry ? { type: 'retry', clientId: req.clientId } : { type: 'pending', clientId: req.clientId };
        if (encoded.ok) return [first];
        const reason = encoded.reason === 'too-large' ? 'too-large' : 'rejected';
        return [first, { type: 'result', clientId: req.clientId, result: { ok: false, reason } }];
      }),
    ),
    inputs.sendResults$.pipe(map((r): EchoInput[] => [{ type: 'result', clientId: r.clientId, result: r.result }])),
  ).pipe(concatMap((steps) => steps));

  // --- inbound ------------------------------------------------------------------------------
  const decoded$ = inputs.frames$.pipe(decodeFrames(inputs.context$, s), share());
  const accepted$ = merge(
    decoded$.pipe(
      filter((d) => d.ok),
      map((d) => d.event),
    ),
    localEchoes$,
    inputs.ownGifts$ ?? [],
  ).pipe(
    dedupeById<RoomEvent>((e) => (e.clientId ? [e.id, `cid:${e.clientId}`] : [e.id]), options.dedupeCapacity ?? 2000),
    share(),
  );
  const events$ = accepted$.pipe(
    filter((d) => d.ok),
    map((d) => d.item),
    share(),
  );

  const room$ = merge(
    events$.pipe(filter(isControl)),
    inputs.connection$.pipe(map((state) => ({ kind: 'connection' as const, state }))),
  ).pipe(reduceRoomState(s), isolate('room'), share());

  const display$ = events$.pipe(
    filter((e): e is TextEvent | GiftEvent => e.kind === 'text' || (e.kind === 'gift' && e.gift.type === 1)),
    map((event): DisplayItem => ({ event, folded: 1, arrivedAt: s.now() })),
    foldSpam({ windowMs: options.foldWindowMs ?? 2000, scheduler: s }),
    share(),
  );

  const barrageOut$ = display$.pipe(
    shedByPriority<DisplayItem>({
      capacity: options.barrageQueue ?? 60,
      priorityOf,
      isProtected: (d) => d.event.own,
      demand$: inputs.barrageCapacity$,
      maxAgeMs: options.barrageMaxAgeMs ?? 4000,
      scheduler: s,
    }),
    share(),
  );
  const barrage$ = barrageOut$.pipe(
    filter((o) => o.type === 'item'),
    map((o) => o.item),
    isolate('barrage'),
  );

  const gifts$ = events$.pipe(
    filter((e): e is GiftEvent => e.kind === 'gift' && e.gift.type !== 1),
    giftCombo(options.comboWindowMs ?? 3000, s),
    isolate('gifts'),
  );

  const likes$ = events$.pipe(
    filter((e) => e.kind === 'like'),
    map((e) => (e.kind === 'like' ? e.count : 0)),
    aggregateLikes(options.inboundLikeWindowMs ?? 500, s),
    scan((acc: LikeBurst, count: number): LikeBurst => ({ count, total: acc.total + count }), { count: 0, total: 0 }),
    isolate('likes'),
  );

  const metrics$ = merge(
    decoded$.pipe(map((d): MetricSignal => (d.ok ? { type: 'decoded' } : { type: 'drop', drop: d.drop }))),
    accepted$.pipe(
      filter((d) => !d.ok),
      map((d): MetricSignal => ({ type: 'drop', drop: { reason: 'duplicate', priority: d.item.priority } })),
    ),
    display$.pipe(
      filter((d) => d.folded > 1),
      map((d): MetricSignal => ({ type: 'folded', count: d.folded })),
    ),
    barrageOut$.pipe(
      map((o): MetricSignal =>
        o.type === 'item'
          ? { type: 'admitted' }
          : o.type === 'depth'
            ? { type: 'depth', depth: o.depth }
            : { type: 'drop', drop: { reason: o.reason, priority: o.priority } },
      ),
    ),
  ).pipe(countMetrics(options.metricsIntervalMs ?? 1000, s), isolate('metrics'));

  return {
    events$: events$.pipe(isolate('chat')),
    room$,
    display$: display$.pipe(isolate('chat')),
    barrage$,
    gifts$,
    likes$,
    metrics$,
    transmit$: admitted$.pipe(
      filter(({ encoded }) => encoded.ok),
      map(({ req, encoded }) => ({ clientId: req.clientId, wire: (encoded as { ok: true; wire: OutboundWire }).wire })),
    ),
    echoes$: echoInputs$.pipe(trackEchoes()),
    cooldown$: admissions$.pipe(
      filter((a) => !a.admitted),
      map((a) => ({ clientId: a.request.clientId, retryInMs: a.admitted ? 0 : a.retryInMs })),
    ),
    likeSends$: inputs.likeTaps$.pipe(
      filter((n) => Number.isInteger(n) && n > 0),
      aggregateLikes(Math.max(250, options.likeWindowMs ?? 1000), s),
      map((count) => ({ count, encoded: encodeLike(Math.min(count, 10_000), meta()) })),
      filter((x) => x.encoded.ok),
      map((x) => ({ count: x.count, wire: (x.encoded as { ok: true; wire: OutboundWire }).wire })),
    ),
  };
}

/**
 * `npm run bench:pipeline` (workload W6): pushes ≥ 1,000,000 synthetic frames — 70 % text,
 * 25 % likes, 5 % gifts, plus 2 % duplicates and 1 % malformed — through the real operators
 * decode → dedupe → priority shedding (with a renderer-like demand of 14 items per 100 frames),
 * three runs, and prints the median as the last line: `pipeline: <N> msg/s`.
 */
import { filter, map, Subject } from 'rxjs';
import { decodeFrames, dedupeById, shedByPriority } from '../../src/pipeline/index.ts';
import { encodeEnvelope, type InboundFrame, type RoomEvent } from '../../src/protocol/index.ts';
import { seeded } from '../../demo/tools/seeded-random.ts';

const N = Number(process.argv.find((a) => a.startsWith('--messages='))?.slice(11) ?? 1_000_000);
const RUNS = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 3);

const WORDS = ['主播好', 'hello', '666', '太好看了', 'wow', '加油', 'so cute', '갑니다', 'love it', '哈哈哈', 'nice', '買った'];
const likeData = encodeEnvelope('send_like_message', { count: 3 });
const giftData = encodeEnvelope('send_gift_message', {
  type: 2,
  giftUrl: 'https://cdn.example/g.png',
  giftCount: 1,
  giftSEUrl: '',
  giftName: 'Crown',
  giftUnits: '',
});

/** The next `n` frames of the deterministic stream (ids continue from `start`). */
function workload(n: number, rnd: () => number, start: number): InboundFrame[] {
  const frames: InboundFrame[] = [];
  for (let i = start; frames.length < n; i++) {
    const r = rnd();
    const from = `user${Math.floor(rnd() * 5000)}`;
    const ID = `m${i}`;
    const time = 1_700_000_000 + Math.floor(i / 40);
    const meta = '{"lcr":{"level":3}}';
    let message: unknown;
    if (r < 0.01)
      message = {
        ID,
        type: 'TIMCustomElem',
        payload: { data: '{"broken":' },
        from,
        nick: from,
        time,
        priority: 'Normal',
        cloudCustomData: meta,
      };
    else if (r < 0.71)
      message = {
        ID,
        type: 'TIMTextElem',
        payload: { text: `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]}!` },
        from,
        nick: from,
        time,
        priority: 'Normal',
        cloudCustomData: meta,
      };
    else if (r < 0.96)
      message = { ID, type: 'TIMCustomElem', payload: { data: likeData }, from, nick: from, time, priority: 'Low', cloudCustomData: meta };
    else
      message = { ID, type: 'TIMCustomElem', payload: { data: giftData }, from, nick: from, time, priority: 'High', cloudCustomData: meta };
    // Through JSON, as a transport hands frames over: every string is a fresh one from the wire
    // (caches keyed by text pay for hashing it, as they would in a room).
    const wire = JSON.stringify({ kind: 'message', message });
    frames.push(JSON.parse(wire) as InboundFrame);
    if (rnd() < 0.02 && frames.length < n) frames.push(JSON.parse(wire) as InboundFrame); // duplicate delivery
  }
  return frames;
}

/**
 * Frames are made in chunks outside the timed region, so generation is not measured and the heap
 * does not hold a million frames at once (a live page never does either).
 */
function runOnce(total: number): { seconds: number; out: number; drops: number; frames: number } {
  const in$ = new Subject<InboundFrame>();
  const demand$ = new Subject<number>();
  const context$ = new Subject<{ selfId?: string }>();
  let out = 0;
  let drops = 0;
  const sub = in$
    .pipe(
      decodeFrames(context$, {
        now: () => Date.now(),
        schedule: () => {
          throw new Error('unused');
        },
      } as never),
      filter((d): d is { ok: true; event: RoomEvent } => {
        if (!d.ok) drops++;
        return d.ok;
      }),
      map((d) => d.event),
      dedupeById<RoomEvent>((e) => [e.id]),
      filter((d) => {
        if (!d.ok) drops++;
        return d.ok;
      }),
      map((d) => d.item),
      shedByPriority<RoomEvent>({
        capacity: 200,
        priorityOf: (e) => e.priority,
        demand$,
        scheduler: { now: () => Date.now() } as never,
        maxAgeMs: 4000,
      }),
    )
    .subscribe((o) => {
      if (o.type === 'item') out++;
      else if (o.type === 'drop') drops++;
    });
  context$.next({ selfId: 'me' });
  const rnd = seeded(42);
  let elapsed = 0n;
  let pushed = 0;
  while (pushed < total) {
    const chunk = workload(Math.min(CHUNK, total - pushed), rnd, pushed);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i++) {
      in$.next(chunk[i]!);
      if ((pushed + i) % 100 === 99) demand$.next(14);
    }
    elapsed += process.hrtime.bigint() - t0;
    pushed += chunk.length;
  }
  sub.unsubscribe();
  return { seconds: Number(elapsed) / 1e9, out, drops, frames: pushed };
}

const CHUNK = 50_000;

const rates: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const { seconds, out, drops, frames } = runOnce(N);
  const rate = Math.round(frames / seconds);
  rates.push(rate);
  console.log(`run ${r + 1}: ${frames} frames in ${seconds.toFixed(2)} s → ${rate} msg/s (released ${out}, dropped ${drops})`);
}
rates.sort((a, b) => a - b);
console.log(`pipeline: ${rates[Math.floor(rates.length / 2)]} msg/s`);

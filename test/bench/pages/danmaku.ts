/**
 * Bench page for the peer `danmaku@2.0.10` (canvas or DOM engine, from `<body data-engine>`), on
 * the same 1280×720 stage with the same live video; with `<body data-lottie>` it also plays gift
 * effects with bare lottie-web (light canvas build, 400×400, at most 3 at once) — the G6 peer.
 * The peer draws on the main thread: its fps is the main-thread rAF fps.
 */
import Danmaku from 'danmaku';
import { runPlan, startPlayerFromQuery, watchPlayer, type EngineAdapter } from './bench-api.ts';
import { makeStage, playHls, type PeerStage } from './peer-stage.ts';
import { untilPlaying } from './probe.ts';
import type { Item } from './workload-gen.ts';

const engine = document.body.dataset.engine === 'dom' ? 'dom' : 'canvas';
const withLottie = document.body.dataset.lottie === '1';
const name = withLottie ? 'danmaku-canvas+lottie' : `danmaku-${engine}`;

let stage: PeerStage | undefined;
let danmaku: Danmaku | undefined;
let effectJson: unknown;
type LottieLib = { loadAnimation(p: Record<string, unknown>): { addEventListener(e: string, f: () => void): void; destroy(): void } };
let lottie: LottieLib | undefined;
let active = 0;
let started = 0;
let skipped = 0;
const errors: string[] = [];

// Both engines get the same look as ours: 18 px text with an outline, white.
const style = (own: boolean): Record<string, string | number> =>
  engine === 'canvas'
    ? { font: '18px sans-serif', fillStyle: '#ffffff', strokeStyle: own ? '#ffcc00' : '#000000', lineWidth: 2 }
    : { fontSize: '18px', color: '#ffffff', textShadow: own ? '0 0 2px #ffcc00' : '0 0 2px #000', fontFamily: 'sans-serif' };

function playEffect(): void {
  if (!lottie || !stage) return;
  if (active >= 3) return void skipped++;
  active++;
  started++;
  const box = document.createElement('div');
  box.style.cssText = `position:absolute;width:400px;height:400px;left:${440 + (started % 3) * 40}px;top:160px`;
  stage.layer.append(box);
  const anim = lottie.loadAnimation({
    container: box,
    renderer: 'canvas',
    loop: false,
    autoplay: true,
    animationData: structuredClone(effectJson),
    rendererSettings: { preserveAspectRatio: 'xMidYMid meet', clearCanvas: true },
  });
  anim.addEventListener('complete', () => {
    anim.destroy();
    box.remove();
    active--;
  });
}

function emit(item: Item): void {
  switch (item.kind) {
    case 'text':
    case 'own':
      return void danmaku?.emit({ text: item.text, style: style(item.kind === 'own') as never });
    case 'gift':
      return void danmaku?.emit({ text: `🎁 Rose ×1 ${item.text}`, style: style(false) as never });
    case 'effect':
      return playEffect();
    case 'like':
      return;
  }
}

const adapter: EngineAdapter = {
  name,
  emit,
  video: () => stage?.video ?? null,
  begin() {
    started = skipped = 0;
  },
  end: () => ({
    barrageFps: [],
    metrics: null,
    shown: { gift: -1, own: -1 },
    effects: { started, skipped, mode: withLottie ? 'lottie-web light canvas' : 'none' },
    likes: { mode: 'none', sendTimes: [] },
    notes: [...errors],
  }),
};

window.__bench = {
  async setup(o) {
    stage = makeStage();
    playHls(stage.video, o.liveUrl, errors);
    danmaku = new Danmaku({ container: stage.layer, engine, speed: 1280 / 8 }); // 8 s travel, as ours
    if (withLottie && o.effectUrl) {
      effectJson = await (await fetch(o.effectUrl)).json();
      lottie = ((await import('lottie-web/build/player/lottie_light_canvas')) as unknown as { default: LottieLib }).default;
    }
    const playing = await untilPlaying(stage.video);
    return { engine: name, stage: { width: 1280, height: 720 }, playing, notes: [...errors] };
  },
  run: (plan) => runPlan(plan, adapter),
  async player(url, watchMs) {
    stage = makeStage();
    const t0 = performance.now();
    playHls(stage.video, url, errors);
    return watchPlayer('hls.js', stage.video, t0, watchMs, errors);
  },
};
window.__benchReady = true;
startPlayerFromQuery();

/** Shared helpers for the like tests: a themed shadow-root host and the like button in it. */
import { render } from 'lit';
import { HeartLayer, type HeartLayerOptions } from '../../src/likes/heart-layer.ts';
import { likeButton, likeButtonStyles } from '../../src/likes/like-button.ts';
import { LikeCounter } from '../../src/likes/like-counter.ts';
import { tokens } from '../../src/styles/tokens.ts';
import type { Lang } from '../../src/i18n/index.ts';

export interface LikeMount {
  readonly host: HTMLDivElement;
  readonly root: ShadowRoot;
  readonly button: HTMLButtonElement;
  readonly layer: HeartLayer;
  readonly counter: LikeCounter;
  taps: number;
  rerender(): void;
}

const mounted: { host: HTMLElement; layer: HeartLayer }[] = [];

/** A dark stage (like the video) with the like button at its bottom right, hearts rising above. */
export function mountLike(
  options: HeartLayerOptions = {},
  init: { total?: number; lang?: Lang; width?: number; height?: number; zoom?: number } = {},
): LikeMount {
  const host = document.createElement('div');
  const width = init.width ?? 220;
  const height = init.height ?? 340;
  host.style.cssText = `position:relative;width:${width}px;height:${height}px;overflow:hidden;background:linear-gradient(160deg,#2b3a55 0%,#151a26 55%,#0b0d12 100%);zoom:${init.zoom ?? 1};`;
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [tokens.styleSheet!, likeButtonStyles.styleSheet!];
  const wrap = document.createElement('div');
  wrap.style.cssText = 'position:absolute;right:16px;bottom:12px;';
  root.append(wrap);
  const layer = new HeartLayer(options);
  const counter = new LikeCounter(init.total ?? 0);
  const m: LikeMount = {
    host,
    root,
    layer,
    counter,
    taps: 0,
    button: null as unknown as HTMLButtonElement,
    rerender: () =>
      render(
        likeButton({
          lang: init.lang ?? 'en',
          total: counter.total,
          hearts: layer,
          onTap: () => {
            m.taps++;
            counter.tap();
            m.rerender();
          },
        }),
        wrap,
      ),
  };
  m.rerender();
  (m as { button: HTMLButtonElement }).button = root.querySelector('button.like-button')!;
  mounted.push({ host, layer });
  return m;
}

export function unmountLikes(): void {
  for (const { host, layer } of mounted.splice(0)) {
    layer.destroy();
    host.remove();
  }
}

export const nextFrame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));
/** `n` animation frames of the page: proof that the page went on rendering meanwhile. */
export async function frames(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await nextFrame();
}

/** Pixels of a canvas whose alpha is above `min`. */
export function opaquePixels(canvas: HTMLCanvasElement, min = 32): number {
  const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i]! > min) n++;
  return n;
}

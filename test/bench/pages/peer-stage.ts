/**
 * The peers' stage: a 1280×720 box with a <video> playing the live stream through bare hls.js
 * (light build, the same config ours uses: `hlsConfig({ live: true, workerPath })` with the same
 * served transmux worker), and a layer on top.
 */
import Hls from 'hls.js/light';
import { HLS_WORKER_URL } from '../../../src/player/hls-worker-url.ts';
import { hlsConfig } from '../../../src/player/stream-config.ts';

export interface PeerStage {
  readonly root: HTMLElement;
  readonly video: HTMLVideoElement;
  readonly layer: HTMLElement;
}

export function makeStage(): PeerStage {
  const root = document.createElement('div');
  root.style.cssText = 'position:relative;width:1280px;height:720px;background:#000;overflow:hidden';
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.autoplay = true;
  video.style.cssText = 'position:absolute;inset:0;width:100%;height:100%';
  const layer = document.createElement('div');
  layer.style.cssText = 'position:absolute;inset:0;pointer-events:none';
  root.append(video, layer);
  document.body.append(root);
  return { root, video, layer };
}

/** Plays `url` with bare hls.js; collects error names into `errors`. */
export function playHls(video: HTMLVideoElement, url: string, errors: string[]): Hls {
  const hls = new Hls(hlsConfig({ live: true, workerPath: HLS_WORKER_URL }));
  hls.on(Hls.Events.ERROR, (_e, data) => errors.push((data.fatal ? 'fatal ' : '') + data.details));
  hls.on(Hls.Events.MANIFEST_PARSED, () => void video.play().catch((err: Error) => errors.push('play ' + err.name)));
  hls.loadSource(url);
  hls.attachMedia(video);
  return hls;
}

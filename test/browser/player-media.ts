/**
 * Serves HLS media to the player's browser tests through the vitest server.
 *
 * Why copies: the committed fixtures in demo/media use the usual MPEG-TS suffix `.ts`, which the Vite
 * dev server treats as TypeScript and tries to compile (HTTP 500). The tests therefore copy the
 * segments, byte for byte, to `test/browser/player-tmp/<dir>/seg-NNN.m2ts` (served raw) and write
 * their own playlists next to them — which also lets a test publish a playlist *later* (a stream that
 * starts) or slide a live window. Everything written is removed by `cleanup()`.
 */
import { commands } from 'vitest/browser';

const ROOT = 'test/browser/player-tmp';
const SEGMENTS = 12;
const SEGMENT_SECONDS = 2;

const videos: HTMLVideoElement[] = [];

/** A muted `<video>` on the page, for a player test; `removeVideos()` takes them all off again. */
export function addVideo(): HTMLVideoElement {
  const v = document.createElement('video');
  v.muted = true;
  document.body.append(v);
  videos.push(v);
  return v;
}

export function removeVideos(): void {
  for (const v of videos.splice(0)) v.remove();
}

export class MediaDir {
  private readonly written = new Set<string>();
  private staged: Promise<void> | null = null;

  constructor(private readonly name: string) {}

  /** URL (as the page sees it) of a file in this directory. */
  url(file: string): string {
    return `/${ROOT}/${this.name}/${file}`;
  }

  /** Copies the 12 committed 2 s segments once. */
  stage(): Promise<void> {
    this.staged ??= (async () => {
      for (let i = 0; i < SEGMENTS; i++) {
        const from = `demo/media/seg-${pad(i)}.ts`;
        const data = await commands.readFile(from, { encoding: 'base64' });
        await this.write(`seg-${pad(i)}.m2ts`, data, 'base64');
      }
    })();
    return this.staged;
  }

  /** A complete VOD playlist over the staged segments; returns its URL. */
  async writeVod(file: string): Promise<string> {
    await this.stage();
    await this.write(file, playlist(0, SEGMENTS, true));
    return this.url(file);
  }

  /**
   * A live sliding-window playlist: `size` segments starting at media sequence `first` (no ENDLIST).
   * Sequences past the fixture's 12 segments are not supported (no discontinuity handling here).
   */
  async writeLive(file: string, first: number, size: number): Promise<string> {
    return this.writeLiveAt(file, first, first, size);
  }

  /**
   * Like `writeLive`, but the media sequence numbers start at `sequence` (a stream that has been
   * live for a while) while the files are the fixture's `first…first+size−1`.
   */
  async writeLiveAt(file: string, sequence: number, first: number, size: number): Promise<string> {
    await this.stage();
    if (first + size > SEGMENTS) throw new Error('live window runs past the fixture');
    await this.write(file, playlist(first, size, false, sequence));
    return this.url(file);
  }

  /** A playlist of the caller's own text (its segment URIs should name staged `seg-NNN.m2ts`); returns its URL. */
  async writePlaylist(file: string, text: string): Promise<string> {
    await this.stage();
    await this.write(file, text);
    return this.url(file);
  }

  async cleanup(): Promise<void> {
    for (const path of this.written) await commands.removeFile(path).catch(() => undefined);
    this.written.clear();
    this.staged = null;
  }

  private async write(file: string, data: string, encoding?: 'base64'): Promise<void> {
    const path = `${ROOT}/${this.name}/${file}`;
    await commands.writeFile(path, data, encoding ? { encoding } : undefined);
    this.written.add(path);
  }
}

function playlist(first: number, size: number, ended: boolean, sequence = first): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`, `#EXT-X-MEDIA-SEQUENCE:${sequence}`];
  if (ended) lines.push('#EXT-X-PLAYLIST-TYPE:VOD');
  for (let i = first; i < first + size; i++) lines.push(`#EXTINF:${SEGMENT_SECONDS}.000000,`, `seg-${pad(i)}.m2ts`);
  if (ended) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}

function pad(i: number): string {
  return String(i).padStart(3, '0');
}

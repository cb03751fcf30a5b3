/** Overlays on the stage: room-state cards, player notices and controls, blockers. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatDuration, t, type Lang } from '../../i18n/index.ts';
import type { RoomView } from '../../pipeline/index.ts';
import type { PlayerState } from '../../player/player-state.ts';
import type { BarrageSettings } from '../../barrage/index.ts';
import type { AnchorInfo } from '../types.ts';
import { barragePanel } from './barrage-panel.ts';
import { iconBarrage, iconBarrageOff, iconMuted, iconSettings } from './icons.ts';

export interface StageModel {
  readonly lang: Lang;
  readonly room: RoomView;
  readonly player: PlayerState | undefined;
  readonly anchor?: AnchorInfo;
  readonly anchorAvatar?: string;
  readonly poster?: string;
  readonly now: number;
  readonly barrageOn: boolean;
  readonly hasBarrage: boolean;
  readonly barrageSettings: BarrageSettings;
  readonly settingsOpen: boolean;
  readonly onToggleSettings: () => void;
  readonly onBarrageSettings: (partial: Partial<BarrageSettings>) => void;
  readonly onUnmute: () => void;
  readonly onGoLive: () => void;
  readonly onRetry: () => void;
  readonly onToggleBarrage: () => void;
  readonly onWatchReplay: () => void;
}

export function stageOverlays(m: StageModel): TemplateResult {
  return html`${roomCard(m)} ${connectionBanner(m)} ${playerControls(m)} ${blocker(m)}`;
}

/** The viewer chose "Watch the replay" on the ended card: the VOD is loaded and must be seen. */
function watchingReplay(m: StageModel): boolean {
  return m.room.state === 'ended' && !!m.player?.src && !m.player.live;
}

function roomCard(m: StageModel): TemplateResult | typeof nothing {
  const { lang, room } = m;
  switch (room.state) {
    case 'upcoming': {
      const left = room.startTime !== undefined ? room.startTime - m.now : undefined;
      const style = m.poster ? `background-image:url("${encodeURI(m.poster)}")` : '';
      return html`<div class="card upcoming" part="card card-upcoming" style=${style}>
        <div class="inner">
          <h2>${t(lang, 'card.upcoming.title')}</h2>
          ${
            left !== undefined && left > 0
              ? html`<p>${t(lang, 'card.startsIn', { time: '' })}</p><span class="countdown" role="timer">${formatDuration(left)}</span>`
              : nothing
          }
        </div>
      </div>`;
    }
    case 'paused':
      return html`<div class="card paused" part="card card-paused">
        <div class="inner"><h2>${t(lang, 'card.paused.title')}</h2><p>${t(lang, 'card.paused.body')}</p></div>
      </div>`;
    case 'ended':
      if (watchingReplay(m)) return nothing;
      return html`<div class="card ended" part="card card-ended">
        <div class="inner">
          ${m.anchorAvatar ? html`<img class="avatar" src=${m.anchorAvatar} alt="" referrerpolicy="no-referrer" />` : nothing}
          <h2>${t(lang, 'card.ended.title')}</h2>
          <p>${t(lang, 'card.ended.body', { anchor: m.anchor?.nick ?? '' })}</p>
          ${room.replayUrl ? html`<button type="button" class="pill-button" part="replay-button" @click=${m.onWatchReplay}>${t(lang, 'card.replay')}</button>` : nothing}
        </div>
      </div>`;
    default:
      return nothing;
  }
}

function connectionBanner(m: StageModel): TemplateResult | typeof nothing {
  const c = m.room.connection;
  if (c !== 'reconnecting' && c !== 'offline') return nothing;
  return html`<div class="banner" part="connection-banner" role="status">${t(m.lang, c === 'reconnecting' ? 'conn.reconnecting' : 'conn.offline')}</div>`;
}

function playerControls(m: StageModel): TemplateResult {
  const p = m.player;
  const showPlayer = m.room.state === 'live' || m.room.state === 'replay' || m.room.state === 'unknown' || watchingReplay(m);
  return html`
    ${p && showPlayer && p.status === 'waiting-for-stream' ? html`<div class="banner" role="status">${t(m.lang, 'player.waiting')}</div>` : nothing}
    ${p && showPlayer && p.status === 'stalled' ? html`<div class="banner" part="video-banner" role="status">${t(m.lang, p.recovering ? 'player.recovering' : 'player.stalled')}</div>` : nothing}
    ${
      p && showPlayer && p.status === 'error'
        ? html`<div class="card" part="card card-error"><div class="inner"><h2>${t(m.lang, 'player.error')}</h2>
          <button type="button" class="pill-button" part="retry-button" @click=${m.onRetry}>${t(m.lang, 'player.retry')}</button></div></div>`
        : nothing
    }
    <div class="controls">
      ${
        p && showPlayer && p.muted && (p.status === 'playing' || p.status === 'loading')
          ? html`<button type="button" class="pill-button unmute" part="unmute-button" @click=${m.onUnmute}>${iconMuted} ${t(m.lang, 'player.unmute')}</button>`
          : nothing
      }
      ${
        p && p.live && p.behindLive && m.room.state === 'live'
          ? html`<button type="button" class="pill-button live-chip" part="back-to-live" @click=${m.onGoLive}>${t(m.lang, 'player.backToLive')}</button>`
          : nothing
      }
      ${
        m.hasBarrage
          ? html`<button type="button" class="pill-button" part="barrage-toggle" aria-pressed=${m.barrageOn ? 'true' : 'false'}
            aria-label=${t(m.lang, m.barrageOn ? 'barrage.toggleOff' : 'barrage.toggleOn')} @click=${m.onToggleBarrage}>${m.barrageOn ? iconBarrage : iconBarrageOff}</button>
          ${
            m.barrageOn
              ? html`<button type="button" class="pill-button" part="barrage-settings-button" aria-expanded=${m.settingsOpen ? 'true' : 'false'}
                aria-label=${t(m.lang, 'barrage.settings')} @click=${m.onToggleSettings}>${iconSettings}</button>`
              : nothing
          }`
          : nothing
      }
    </div>
    ${m.hasBarrage && m.barrageOn && m.settingsOpen ? barragePanel(m.lang, m.barrageSettings, m.onBarrageSettings) : nothing}`;
}

function blocker(m: StageModel): TemplateResult | typeof nothing {
  const reason = m.room.kicked;
  if (!reason) return nothing;
  return html`<div class="blocker" part="kicked" role="alertdialog" aria-labelledby="kick-text">
    <p id="kick-text">${t(m.lang, `kick.${reason}`)}</p>
  </div>`;
}

/** The header: anchor, follow, room-state badge, audience, connection and the announcement. */
import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, t, type Lang } from '../../i18n/index.ts';
import type { RoomView } from '../../pipeline/index.ts';
import type { AnchorInfo } from '../types.ts';
import { iconAnnouncement } from './icons.ts';

export interface HeaderModel {
  readonly lang: Lang;
  readonly anchor?: AnchorInfo;
  readonly anchorAvatar?: string;
  readonly room: RoomView;
  readonly announcement: string;
  readonly announcementOpen: boolean;
  /** The one-line text is cut off: offer "More" (and "Less" once open). */
  readonly announcementOverflows: boolean;
  readonly onFollow: () => void;
  readonly onToggleAnnouncement: () => void;
}

export function headerTemplate(m: HeaderModel): TemplateResult {
  const { lang, anchor, room } = m;
  const name = anchor?.nick ?? '';
  const stateLabel = room.state === 'unknown' ? '' : t(lang, `state.${room.state}`);
  return html`<header part="header">
    <slot name="header-leading">
      ${
        anchor
          ? html`<div class="anchor" part="anchor">
            <slot name="anchor-panel">
              ${
                m.anchorAvatar
                  ? html`<img class="avatar" part="anchor-avatar" src=${m.anchorAvatar} alt="" referrerpolicy="no-referrer" />`
                  : html`<span class="avatar placeholder" part="anchor-avatar" aria-hidden="true">${Array.from(name)[0] ?? '?'}</span>`
              }
              <span class="who">
                <span class="anchor-name" part="anchor-name">${name}</span>
                ${
                  anchor.followers !== undefined
                    ? html`<span class="followers">${t(lang, 'header.followers', { count: formatCount(lang, anchor.followers) })}</span>`
                    : nothing
                }
              </span>
            </slot>
            <button class="follow" part="follow-button" type="button" aria-pressed=${anchor.followed ? 'true' : 'false'} @click=${m.onFollow}>
              ${t(lang, anchor.followed ? 'header.following' : 'header.follow')}
            </button>
          </div>`
          : nothing
      }
    </slot>
    <slot name="header-tag">
      ${stateLabel ? html`<span class="state-badge ${room.state}" part="state-badge">${stateLabel}</span>` : nothing}
    </slot>
    <span class="spacer"></span>
    <slot name="audience-panel">
      ${
        room.audience !== undefined
          ? html`<span class="audience" part="audience">${t(lang, 'header.audience', { count: formatCount(lang, room.audience) })}</span>`
          : nothing
      }
    </slot>
    <span class="conn ${room.connection}" part="connection" role="img" aria-label=${connectionLabel(lang, room)}></span>
    <slot name="header-actions"></slot>
    ${
      m.announcement
        ? html`<div class="announcement ${m.announcementOpen ? 'open' : ''}" part="announcement">
          ${iconAnnouncement}
          <span class="text" id="announcement-text"><span class="sr-only">${t(lang, 'header.announcement')}: </span>${m.announcement}</span>
          ${
            m.announcementOpen || m.announcementOverflows
              ? html`<button type="button" part="announcement-toggle" aria-expanded=${m.announcementOpen ? 'true' : 'false'} aria-controls="announcement-text" @click=${m.onToggleAnnouncement}>
                ${t(lang, m.announcementOpen ? 'header.less' : 'header.more')}
              </button>`
              : nothing
          }
        </div>`
        : nothing
    }
  </header>`;
}

function connectionLabel(lang: Lang, room: RoomView): string {
  switch (room.connection) {
    case 'connected':
      return t(lang, 'conn.connected');
    case 'reconnecting':
      return t(lang, 'conn.reconnecting');
    case 'offline':
      return t(lang, 'conn.offline');
    default:
      return t(lang, 'conn.connecting');
  }
}

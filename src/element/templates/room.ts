/**
 * The room's frame: header, stage (video, barrage and gift layers, overlays), chat and action rail.
 * The `<video>` stays the same node across renders: the player holds it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { t, type Lang } from '../../i18n/index.ts';
import { headerTemplate, type HeaderModel } from './header.ts';
import { stageOverlays, type StageModel } from './stage.ts';

export interface RoomModel {
  readonly lang: Lang;
  /** Header, stage overlays and chat. False while a stream's first frame is awaited (video first). */
  readonly chrome: boolean;
  readonly header: () => HeaderModel;
  readonly stage: () => StageModel;
  readonly autoplay: boolean;
  readonly poster: string;
  readonly barrageOn: boolean;
  readonly noChat: boolean;
  /** The interactions chunk's parts, once it is loaded. */
  readonly inputRow?: TemplateResult | undefined;
  readonly rail?: TemplateResult | typeof nothing | undefined;
}

// The header comes first in the DOM (it is painted on top by z-index anyway), so keyboard and
// screen-reader order reads the room top to bottom: header, stage (cards, player controls), chat.
export function roomTemplate(m: RoomModel): TemplateResult {
  const { lang, chrome } = m;
  return html`<div class="room" part="room">
    ${chrome ? headerTemplate(m.header()) : nothing}
    <div class="stage" part="stage">
      <video part="video" playsinline .muted=${true} ?autoplay=${m.autoplay} poster=${m.poster}></video>
      <div class="barrage" part="barrage" ?hidden=${!m.barrageOn}></div>
      <div class="gift-effect-host" part="gift-effects"></div>
      <div class="gift-banners-host" part="gift-banners"></div>
      ${chrome ? stageOverlays(m.stage()) : nothing}
    </div>
    ${
      chrome
        ? html`<section class="chat" part="chat" ?hidden=${m.noChat} aria-label=${t(lang, 'chat.label')}>
          <div class="log" tabindex="0" aria-label=${t(lang, 'chat.label')}></div>
          <button type="button" class="new-pill" part="new-messages" hidden></button>
          <div class="announcer sr-only"></div>
          ${m.inputRow ?? nothing}
        </section>`
        : nothing
    }
    ${m.rail ?? nothing}
  </div>`;
}

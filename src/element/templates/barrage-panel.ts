/** The barrage settings panel: opacity, speed, font size and display area (persisted per site). */
import { html, type TemplateResult } from 'lit';
import { BARRAGE_AREAS, BARRAGE_LIMITS, type BarrageArea, type BarrageSettings } from '../../barrage/index.ts';
import { t, type Lang } from '../../i18n/index.ts';

export function barragePanel(lang: Lang, s: BarrageSettings, onChange: (partial: Partial<BarrageSettings>) => void): TemplateResult {
  const range = (key: 'opacity' | 'speed' | 'fontSize', step: number, label: string, show: string) => html`<label>
      <span>${label}</span>
      <input type="range" min=${BARRAGE_LIMITS[key].min} max=${BARRAGE_LIMITS[key].max} step=${step} .value=${String(s[key])}
        @change=${(e: Event) => onChange({ [key]: Number((e.target as HTMLInputElement).value) })} />
      <output>${show}</output>
    </label>`;
  return html`<div class="barrage-panel" part="barrage-panel" role="group" aria-label=${t(lang, 'barrage.settings')}>
    ${range('opacity', 0.1, t(lang, 'barrage.opacity'), `${Math.round(s.opacity * 100)}%`)}
    ${range('speed', 1, t(lang, 'barrage.speed'), `${s.speed} s`)}
    ${range('fontSize', 1, t(lang, 'barrage.fontSize'), `${s.fontSize}px`)}
    <label>
      <span>${t(lang, 'barrage.area')}</span>
      <select .value=${s.area} @change=${(e: Event) => onChange({ area: (e.target as HTMLSelectElement).value as BarrageArea })}>
        ${BARRAGE_AREAS.map((a) => html`<option value=${a} ?selected=${a === s.area}>${t(lang, `barrage.area.${a}`)}</option>`)}
      </select>
    </label>
  </div>`;
}

/**
 * The room's own control icons as inline SVG (stroke = currentColor, 1em square). Emoji would look
 * different on every platform, and the first emoji on a page makes the browser find and load a
 * colour-emoji font during the room's first layout (bench G8: 6–30 ms here, on top of the video's
 * start). Decorative: every use sits in a labelled control or next to its text.
 */
import { svg, type SVGTemplateResult } from 'lit';

const icon = (body: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false"
    fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${body}</svg>`;

/** Speech bubble: the barrage is on. */
export const iconBarrage = icon(svg`<path d="M4 5h16v11H9l-5 4z"/><path d="M8 9h8M8 12h5"/>`);
/** Speech bubble, struck through: the barrage is off. */
export const iconBarrageOff = icon(svg`<path d="M4 5h16v11H9l-5 4z"/><path d="M3 3l18 18"/>`);
/** Sliders: barrage settings. */
export const iconSettings = icon(
  svg`<path d="M4 7h10M18 7h2M4 17h2M10 17h10"/><circle cx="16" cy="7" r="2"/><circle cx="8" cy="17" r="2"/>`,
);
/** Megaphone: the announcement. */
export const iconAnnouncement = icon(svg`<path d="M4 10v4h3l8 4V6L7 10z"/><path d="M18 9.5a3.5 3.5 0 0 1 0 5"/>`);
/** Speaker with a cross: muted, tap to unmute. */
export const iconMuted = icon(svg`<path d="M4 10v4h3l5 4V6l-5 4z"/><path d="M16 10l4 4M20 10l-4 4"/>`);

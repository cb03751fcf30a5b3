/**
 * The barrage's public surface for the element: the controller, its types, the settings model
 * and the small helpers (reduced motion, event → item, resource counters). No side effects.
 */
export { createBarrage, type BarrageRenderer, type BarrageOptions } from './create-barrage.ts';
export type {
  BarrageInspection,
  BarrageItem,
  BarrageMode,
  BarrageMotion,
  BarrageRuntimeSettings,
  BarrageStats,
  InspectedItem,
} from './barrage-types.ts';
export {
  BARRAGE_AREAS,
  BARRAGE_LIMITS,
  BARRAGE_SETTINGS_KEY,
  DEFAULT_BARRAGE_SETTINGS,
  loadBarrageSettings,
  saveBarrageSettings,
  validateBarrageSettings,
  type BarrageArea,
  type BarrageSettings,
  type SettingsStorage,
} from './barrage-settings.ts';
export { DEFAULT_BARRAGE_THEME, type BarrageTheme } from './barrage-theme.ts';
export { barrageItemFrom } from './barrage-item.ts';
export { barrageResources, type BarrageResources } from './barrage-resources.ts';
export { motionForPreference, prefersReducedMotion, watchReducedMotion } from './reduced-motion.ts';
export { workerModeSupported } from './render-backend.ts';

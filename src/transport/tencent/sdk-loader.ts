/**
 * The one seam through which the Tencent Cloud Chat SDK enters the page: a dynamic `import()` of
 * the ESM core and the group module, on first call only. Nothing here runs at import time, so the
 * SDK (~160 KB gzipped) stays out of the initial bundle. Tests replace the loader (see `LoadSdk`).
 */
import type { SdkModules } from './sdk-types.ts';

export type LoadSdk = () => Promise<SdkModules>;

let loading: Promise<SdkModules> | undefined;

export const loadSdk: LoadSdk = () => {
  if (!loading) {
    const attempt = Promise.all([import('@tencentcloud/chat/index.es.js'), import('@tencentcloud/chat/modules/group-module.js')]).then(
      ([core, group]): SdkModules => ({ TencentCloudChat: core.default, GroupModule: group.default }),
    );
    loading = attempt;
    // A failed load (offline, blocked chunk) must not poison later attempts.
    attempt.catch(() => {
      if (loading === attempt) loading = undefined;
    });
  }
  return loading;
};

/**
 * Type declarations for the two files of `@tencentcloud/chat` that the adapter loads lazily. The
 * package declares types only for its `main` (the UMD build); its ESM core has the same API, and the
 * group module is an opaque constructor handed to `create({ modules })`.
 */
declare module '@tencentcloud/chat/index.es.js' {
  import TencentCloudChat from '@tencentcloud/chat';
  export default TencentCloudChat;
}

declare module '@tencentcloud/chat/modules/group-module.js' {
  const GroupModule: unknown;
  export default GroupModule;
}

/**
 * `live-chat-room/testing`: a scripted transport for hosts' own tests and offline demos (it brings
 * RxJS with it, so it is not part of the main entry, which stays small for pages).
 */
export { FakeTransport, type FakeTransportOptions } from './transport/fake/fake-transport.ts';

export { LcrEvent } from './lcr-event.ts';
export * from './room-events.ts';
export * from './request-events.ts';

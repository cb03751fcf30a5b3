/**
 * The emulator's side of the crowd simulator: a `CrowdApi` per room over the room engine
 * (virtual members count in the audience; their messages take the normal send path and its
 * frequency control; gifts skip the wallet), and the registry of running crowds behind
 * `POST /api/crowd`. The simulator itself (`crowd.ts`) is plugged in as a factory.
 */
import { CMD } from '../../src/protocol/commands.ts';
import { encodeEnvelope, encodeGift } from '../../src/protocol/envelope.ts';
import { encodeMeta } from '../../src/protocol/sender.ts';
import type { Billing } from './billing.ts';
import type { RoomEngine } from './engine.ts';
import { ChatError, ERR } from './errors.ts';
import type { Content } from './message-factory.ts';
import type { Crowd, CrowdApi, CrowdFactory, CrowdPriority } from './hooks.ts';
import type { Member } from './room.ts';

class Bot implements Member {
  readonly key: string;
  readonly virtual = true;
  readonly avatar = '';
  constructor(
    roomId: string,
    readonly userId: string,
    readonly nick: string,
    readonly level: number,
  ) {
    this.key = `bot:${roomId}:${userId}`;
  }
  deliver(): void {
    // A bot reads nothing.
  }
}

export function createCrowdApi(engine: RoomEngine, roomId: string, billing: Billing): CrowdApi {
  const bots = new Map<string, Bot>();
  const botOf = (userId: string): Bot => bots.get(userId) ?? new Bot(roomId, userId, userId, 0);
  const send = (userId: string, content: Content, priority: CrowdPriority, asUser: boolean): void => {
    const bot = botOf(userId);
    void engine.sender.send({
      roomId,
      author: { userId, nick: bot.nick, avatar: bot.avatar },
      operator: asUser ? userId : engine.config.admin,
      content,
      priority,
      cloudCustomData: encodeMeta({ level: bot.level }),
      asUser,
    });
  };
  const custom = (data: string, cmd: string): Content => ({ type: 'TIMCustomElem', data, description: cmd, extension: '' });
  return {
    join(userId, nick, level) {
      const bot = new Bot(roomId, userId, nick, Math.max(0, Math.min(99, Math.floor(level) || 0)));
      try {
        engine.join(bot, roomId);
        bots.set(userId, bot);
      } catch {
        // Room gone or bot banned: the crowd simply has one viewer less.
      }
    },
    leave(userId) {
      const bot = bots.get(userId);
      if (!bot) return;
      bots.delete(userId);
      engine.leave(bot);
    },
    sendText(userId, text) {
      send(userId, { type: 'TIMTextElem', text }, 'Normal', true);
    },
    sendLike(userId, count) {
      send(userId, custom(encodeEnvelope(CMD.like, { count }), CMD.like), 'Low', true);
    },
    sendGift(userId, giftId, count) {
      const g = billing.gift(giftId);
      if (!g) return;
      const bot = bots.get(userId);
      const data = encodeGift(
        { type: g.type, name: g.name, count, units: '', imageUrl: g.image, ...(g.effect ? { effectUrl: g.effect } : {}), giftId: g.id },
        { id: userId, nick: bot?.nick ?? userId },
      );
      // Gifts come from the business server (REST, its admin account), naming the viewer.
      void engine.sender.send({
        roomId,
        author: { userId: engine.config.admin, nick: 'Gifts', avatar: '' },
        operator: engine.config.admin,
        content: custom(data, CMD.gift),
        priority: 'High',
        cloudCustomData: encodeMeta({ level: bot?.level ?? 0 }),
        asUser: false,
      });
    },
    sendCustom(userId, data, priority) {
      send(userId, custom(data, 'custom'), priority, true);
    },
  };
}

export type CrowdAction = 'start' | 'stop' | 'flood';

/** The running crowds, one per room, created on first use. */
export class CrowdControl {
  private readonly crowds = new Map<string, Crowd>();

  constructor(
    private readonly engine: RoomEngine,
    private readonly billing: Billing,
    private readonly factory: CrowdFactory | undefined,
  ) {}

  get(roomId: string): Crowd | undefined {
    return this.crowds.get(roomId);
  }

  ensure(roomId: string): Crowd {
    const existing = this.crowds.get(roomId);
    if (existing) return existing;
    if (!this.factory) throw new ChatError(ERR.invalidParam, 'no crowd simulator is installed');
    this.engine.requireRoom(roomId);
    const { crowd: c } = this.engine.config;
    const crowd = this.factory({
      roomId,
      api: createCrowdApi(this.engine, roomId, this.billing),
      random: this.engine.random,
      ...(c.viewers !== undefined ? { viewers: c.viewers } : {}),
      ...(c.textsPerSecond !== undefined ? { textsPerSecond: c.textsPerSecond } : {}),
      ...(c.likeBurstsPerMinute !== undefined ? { likeBurstsPerMinute: c.likeBurstsPerMinute } : {}),
      ...(c.giftsPerMinute !== undefined ? { giftsPerMinute: c.giftsPerMinute } : {}),
    });
    this.crowds.set(roomId, crowd);
    return crowd;
  }

  act(roomId: string, action: CrowdAction, rate = 400, seconds = 5): Crowd {
    const crowd = this.ensure(roomId);
    if (action === 'start') crowd.start();
    else if (action === 'stop') crowd.stop();
    else crowd.flood(rate, seconds);
    return crowd;
  }

  /** Stops every crowd; idempotent. */
  stopAll(): void {
    for (const crowd of this.crowds.values()) crowd.stop();
    this.crowds.clear();
  }
}

/**
 * The demo business server's viewer sessions: `POST /api/login` makes one and sets an `HttpOnly`,
 * `SameSite=Lax` cookie; `/api/usersig` and `/api/gifts` act only for the session's user. Levels
 * are the server's (a deterministic demo level per user id), never what a client claims.
 * Bounded in memory: the oldest sessions are forgotten first.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface ViewerSession {
  readonly userId: string;
  readonly nick: string;
  readonly level: number;
}

export const SESSION_COOKIE = 'lcr_session';
const MAX_SESSIONS = 50_000;

export class ViewerSessions {
  private readonly byToken = new Map<string, ViewerSession>();
  private readonly levels = new Map<string, number>();

  /** Makes a session; answers its token (the cookie value). */
  create(userId: string, nick: string): { token: string; session: ViewerSession } {
    if (this.byToken.size >= MAX_SESSIONS) this.byToken.delete(this.byToken.keys().next().value as string);
    const session: ViewerSession = { userId, nick, level: this.levelOf(userId) };
    const token = randomBytes(24).toString('base64url');
    this.byToken.set(token, session);
    return { token, session };
  }

  /** The session a request's cookie names, if any. */
  of(req: IncomingMessage): ViewerSession | undefined {
    const token = cookie(req.headers.cookie, SESSION_COOKIE);
    return token ? this.byToken.get(token) : undefined;
  }

  end(req: IncomingMessage): void {
    const token = cookie(req.headers.cookie, SESSION_COOKIE);
    if (token) this.byToken.delete(token);
  }

  /** The server's level for a user (the demo derives one from the id; a real server computes it). */
  levelOf(userId: string): number {
    const set = this.levels.get(userId);
    if (set !== undefined) return set;
    let h = 0;
    for (let i = 0; i < userId.length; i++) h = (h * 31 + userId.charCodeAt(i)) >>> 0;
    return 1 + (h % 30);
  }

  /** Sets a user's level (admin tools, tests). */
  setLevel(userId: string, level: number): void {
    if (this.levels.size >= MAX_SESSIONS) this.levels.delete(this.levels.keys().next().value as string);
    this.levels.set(userId, Math.max(0, Math.min(99, Math.floor(level))));
  }
}

export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax`;
}

function cookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}

/**
 * REST commands on group attributes (the room state lives there): `get_group_attr`
 * (`group_open_attr_http_svc`), `modify_group_attr`, `set_group_attr`, `delete_group_attr`,
 * `clear_group_attr`. Bodies: `{GroupId, GroupAttr: [{key, value}]}`; members get the new set.
 */
import { ChatError, ERR } from '../errors.ts';
import type { AttrMode } from '../engine.ts';
import { groupId, type Body, type RestHandler } from './fields.ts';

function entries(body: Body, needValue: boolean): Record<string, string> {
  const list = body.GroupAttr;
  if (!Array.isArray(list) || list.length === 0 || list.length > 16)
    throw new ChatError(ERR.invalidParam, 'GroupAttr must hold 1..16 entries');
  const out: Record<string, string> = {};
  for (const e of list) {
    const { key, value } = (typeof e === 'object' && e !== null ? e : {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string' || (needValue && typeof value !== 'string'))
      throw new ChatError(ERR.invalidParam, 'GroupAttr entries need string key and value');
    if (key === '__proto__') throw new ChatError(ERR.invalidParam, 'GroupAttr key is invalid');
    out[key] = needValue ? (value as string) : '';
  }
  return out;
}

export const getGroupAttr: RestHandler = (body, engine) => {
  const room = engine.requireRoom(groupId(body));
  return { GroupAttrAry: [...room.attributes].map(([key, value]) => ({ key, value })) };
};

const change =
  (mode: AttrMode): RestHandler =>
  (body, engine) => {
    const id = groupId(body);
    engine.requireRoom(id);
    engine.setAttributes(id, mode, mode === 'clear' ? {} : entries(body, mode !== 'delete'));
    return {};
  };

export const modifyGroupAttr = change('modify');
export const setGroupAttr = change('set');
export const deleteGroupAttr = change('delete');
export const clearGroupAttr = change('clear');

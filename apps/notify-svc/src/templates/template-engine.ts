import type { EventContract, z } from '@govdisc/contracts';

/** Who a template speaks to; `recipients.ts` turns an audience and an event into addresses. */
export type Audience = 'applicant' | 'department' | 'gio' | 'editors' | 'department-editors' | 'admins';
export type Channel = 'inbox' | 'email' | 'sms' | 'wechat';

type Versions = Record<number, z.ZodType>;
type PayloadOf<V extends Versions> = z.output<V[keyof V]>;

/**
 * One message for one audience on one channel. `title` (the email subject) and `body` hold
 * `{{name}}` placeholders: a field of the event's payload (`applicant.email` for nested ones) or a
 * name in `derived`, computed in code from the payload (labels, dates in words).
 */
export interface NoticeTemplate<V extends Versions = Versions> {
  event: EventContract<V>;
  audience: Audience;
  channel: Channel;
  title: string;
  body: string;
  derived?: Record<string, (payload: PayloadOf<V>) => string>;
}

/** Ties a template's derived functions to its event's payload type. */
export const template = <V extends Versions>(t: NoticeTemplate<V>): NoticeTemplate => t as unknown as NoticeTemplate;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.]*)\s*\}\}/g;

export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!); // group 1 always takes part in a match
}

interface ZodLike {
  def: { type: string; innerType?: ZodLike; shape?: Record<string, ZodLike> };
}

/** The leaf fields a payload schema has, as dotted paths (objects are not printable, so they are not leaves). */
export function leafPaths(schema: z.ZodType): Set<string> {
  const out = new Set<string>();
  const walk = (s: ZodLike, prefix: string) => {
    const def = s.def;
    if (['optional', 'nullable', 'default', 'readonly'].includes(def.type) && def.innerType) return walk(def.innerType, prefix);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) walk(child, prefix ? `${prefix}.${key}` : key);
      return;
    }
    if (prefix) out.add(prefix);
  };
  walk(schema, '');
  return out;
}

/**
 * Checked at start: every placeholder of every template names a field that every version of its
 * event's schema has, or a derived value. The error names the template and the variable, so a typo
 * stops the service before it sends "{{reqestNumber}}" to a citizen.
 */
export function checkTemplates(templates: readonly NoticeTemplate[]): void {
  const problems: string[] = [];
  for (const t of templates) {
    const versions = Object.entries(t.event.versions);
    for (const name of [...placeholdersOf(t.title), ...placeholdersOf(t.body)]) {
      if (t.derived && name in t.derived) continue;
      const lacking = versions.filter(([, schema]) => !leafPaths(schema).has(name)).map(([v]) => `v${v}`);
      if (lacking.length) {
        problems.push(
          `template "${t.event.type} → ${t.audience}/${t.channel}" uses {{${name}}}, which event ${t.event.type} (${lacking.join(', ')}) does not have`,
        );
      }
    }
  }
  if (problems.length) throw new Error(`notification templates do not match their events:\n- ${problems.join('\n- ')}`);
}

function valueAt(payload: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), payload);
}

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.map(show).join('；');
  if (typeof v === 'string') return v;
  return typeof v === 'number' || typeof v === 'boolean' ? `${v}` : JSON.stringify(v);
};

export function render(t: NoticeTemplate, payload: unknown): { title: string; body: string } {
  const derived = Object.fromEntries(Object.entries(t.derived ?? {}).map(([k, f]) => [k, f(payload as never)]));
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (_m, name: string) => show(name in derived ? derived[name] : valueAt(payload, name)));
  return { title: fill(t.title), body: fill(t.body) };
}

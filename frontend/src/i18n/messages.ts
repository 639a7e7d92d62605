import { FEATURES } from '../features';
import type { FeatureMessages, MessageTree } from '../app/feature';
import shellZh, { type ShellMessages } from './zh-CN';
import shellEn from './en';

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** One object type out of an intersection, recursively (keeps i18next's key types readable). */
type Merged<T> = T extends string ? string : { [K in keyof T]: Merged<T[K]> };

type Messages<F> = F extends { messages: FeatureMessages<infer M> } ? M : never;

/** The shell's messages and every listed feature's, merged: what `t('…')` type-checks against. */
export type AppMessages = Merged<ShellMessages & UnionToIntersection<Messages<(typeof FEATURES)[number]>>>;

/** Deep-merges message trees; a key defined twice is a mistake and stops the app at start. */
function merge(trees: readonly MessageTree[], path = ''): MessageTree {
  const out: Record<string, string | MessageTree> = {};
  const nested = new Map<string, MessageTree[]>();
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      if (typeof value === 'string') {
        if (key in out || nested.has(key)) throw new Error(`message ${path}${key} is defined twice`);
        out[key] = value;
      } else {
        if (typeof out[key] === 'string') throw new Error(`message ${path}${key} is defined twice`);
        nested.set(key, [...(nested.get(key) ?? []), value]);
      }
    }
  }
  for (const [key, parts] of nested) out[key] = merge(parts, `${path}${key}.`);
  return out;
}

export const RESOURCES = {
  'zh-CN': { translation: merge([shellZh, ...FEATURES.map((f) => f.messages['zh-CN'])]) },
  en: { translation: merge([shellEn, ...FEATURES.map((f) => f.messages.en)]) },
};

// A stand-in for the admin's i18n.translate over an extension's locale file: `{{name}}` replacement
// and `count`-based one/other plurals, which is all the locale files use.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Msg } from "../messages";

export type Locale = Record<string, string | { one: string; other: string }>;

export function readLocale(extension: string): Locale {
  return JSON.parse(readFileSync(resolve(__dirname, "../..", extension, "locales/en.default.json"), "utf8")) as Locale;
}

export function translate(locale: Locale, m: Msg): string {
  const entry = locale[m.key];
  if (entry === undefined) throw new Error(`missing locale key ${m.key}`);
  const text = typeof entry === "string" ? entry : m.params?.count === 1 ? entry.one : entry.other;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const v = m.params?.[name];
    if (v === undefined) throw new Error(`no value for {{${name}}} in ${m.key}`);
    return String(v);
  });
}

// Checks shared by both extensions' tests: the toml, its module, package.json, shopify.d.ts, locales.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { expect } from "vitest";
import { MSG_KEYS } from "../messages";
import { parseToml, type TomlTable } from "./toml";

export function extensionDir(handle: string): string {
  return resolve(__dirname, "../..", handle);
}

export function checkExtension(handle: string, target: string): void {
  const dir = extensionDir(handle);
  const toml = parseToml(readFileSync(resolve(dir, "shopify.extension.toml"), "utf8"));
  expect(toml.api_version).toBe("2026-10");
  const exts = toml.extensions as TomlTable[];
  expect(exts).toHaveLength(1);
  const ext = exts[0]!;
  expect({ name: ext.name, handle: ext.handle, type: ext.type }).toEqual({
    name: "t:name",
    handle,
    type: "ui_extension",
  });
  // An admin action extension has exactly one target.
  expect(ext.targeting).toEqual([{ module: "./src/ActionExtension.tsx", target }]);
  const module = resolve(dir, "src/ActionExtension.tsx");
  expect(existsSync(module)).toBe(true);
  const source = readFileSync(module, "utf8");
  expect(source).toContain('import "@shopify/ui-extensions/preact";');
  expect(source).toMatch(/export default async \(\) => \{\s*render\(<Extension \/>, document\.body\);/);
  // Both extensions render the one shared component; only their selection differs.
  expect(source).toContain('import { RetouchAction } from "../../shared/RetouchAction";');
  expect(source).toMatch(/<RetouchAction api=\{shopify\} selection=\{\w+Selection\(shopify\.data\.selected\)\} \/>/);
  const component = readFileSync(resolve(__dirname, "../RetouchAction.tsx"), "utf8");
  expect(component).toContain("<s-admin-action");
  expect(component).toContain('slot="primary-action"');

  const pkg = JSON.parse(readFileSync(resolve(dir, "package.json"), "utf8")) as {
    name: string;
    private: boolean;
    dependencies: Record<string, string>;
  };
  expect(pkg.name).toBe(handle);
  expect(pkg.private).toBe(true);
  expect(pkg.dependencies["@shopify/ui-extensions"]).toMatch(/^2026\.(7|10)\.x$/);
  expect(pkg.dependencies.preact).toMatch(/^\^10\./);
  // @shopify/ui-extensions/preact imports @preact/signals (an optional peer): without it the bundle fails.
  expect(pkg.dependencies["@preact/signals"]).toMatch(/^\^2\./);

  // The CLI's type declaration for the `shopify` global names the same module and target.
  expect(readFileSync(resolve(dir, "shopify.d.ts"), "utf8")).toContain(
    `declare module './src/ActionExtension.tsx' {\n  const shopify: import('@shopify/ui-extensions/${target}').Api;`,
  );

  const locale = JSON.parse(readFileSync(resolve(dir, "locales/en.default.json"), "utf8")) as Record<string, unknown>;
  expect(Object.keys(locale).sort()).toEqual([...MSG_KEYS].sort());
  for (const [key, value] of Object.entries(locale)) {
    const texts = typeof value === "string" ? [value] : Object.values(value as Record<string, string>);
    for (const t of texts) expect(t.trim().length, key).toBeGreaterThan(0);
  }
  const i18nKeys = [...component.matchAll(/i18n\.translate\("(\w+)"/g)].map((m) => m[1]);
  expect(i18nKeys.length).toBeGreaterThan(0);
  for (const k of i18nKeys) expect(locale, k).toHaveProperty(k!);
}

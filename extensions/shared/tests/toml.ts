// Just enough TOML for shopify.extension.toml: comments, `key = "string"`, [table] and [[array.of.tables]].
export type TomlTable = { [key: string]: string | number | boolean | TomlTable | TomlTable[] };

function parseValue(raw: string, line: number): string | number | boolean {
  const v = raw.trim();
  const str = /^"((?:[^"\\]|\\.)*)"$/.exec(v);
  if (str) return JSON.parse(`"${str[1]}"`) as string;
  if (v === "true" || v === "false") return v === "true";
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  throw new Error(`line ${line}: unsupported value ${v}`);
}

function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '"' && line[i - 1] !== "\\") inString = !inString;
    if (line[i] === "#" && !inString) return line.slice(0, i);
  }
  return line;
}

export function parseToml(text: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  text.split(/\r?\n/).forEach((rawLine, i) => {
    const line = stripComment(rawLine).trim();
    if (!line) return;
    const arr = /^\[\[([\w.-]+)\]\]$/.exec(line);
    const tbl = /^\[([\w.-]+)\]$/.exec(line);
    if (arr || tbl) {
      const path = (arr ?? tbl)![1]!.split(".");
      let node: TomlTable = root;
      for (const key of path.slice(0, -1)) {
        const next = node[key];
        node = (Array.isArray(next) ? next[next.length - 1] : next) as TomlTable;
        if (!node || typeof node !== "object") throw new Error(`line ${i + 1}: no parent table for ${path.join(".")}`);
      }
      const last = path[path.length - 1]!;
      if (arr) {
        const list = (node[last] ??= []) as TomlTable[];
        if (!Array.isArray(list)) throw new Error(`line ${i + 1}: ${last} is not an array of tables`);
        list.push((current = {}));
      } else {
        current = (node[last] ??= {}) as TomlTable;
      }
      return;
    }
    const kv = /^([\w-]+)\s*=\s*(.+)$/.exec(line);
    if (!kv) throw new Error(`line ${i + 1}: cannot read "${line}"`);
    if (kv[1]! in current) throw new Error(`line ${i + 1}: duplicate key ${kv[1]}`);
    current[kv[1]!] = parseValue(kv[2]!, i + 1);
  });
  return root;
}

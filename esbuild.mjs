// Builds the bundles: the extension (node/cjs), the webview script (browser/iife) and its stylesheet, and the CLI (node, with a shebang).
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--only=media/` builds just the targets whose entry points start with that path (the webview tests use it).
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

/**
 * Prints the lines VS Code's `$esbuild-watch` problem matcher waits for (see .vscode/tasks.json): one "started" when
 * a rebuild begins and one "finished" when every target has rebuilt, with errors in esbuild's file:line:column form.
 */
let building = 0;
const watchLog = {
  name: 'watch-log',
  setup(build) {
    build.onStart(() => {
      if (building++ === 0) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        if (location) console.error(`✘ [ERROR] ${text}\n\n    ${location.file}:${location.line}:${location.column}:`);
      }
      if (--building === 0) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
};

const targets = [
  {
    ...common,
    entryPoints: ['src/host/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: ['media/main.ts'],
    outfile: 'dist/webview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    // The webview's stylesheet with the codicon font it imports, emitted next to it as dist/codicon.ttf.
    ...common,
    entryPoints: ['media/main.css'],
    outfile: 'dist/webview.css',
    loader: { '.ttf': 'file' },
    assetNames: '[name]',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
];

const selected = only ? targets.filter((options) => options.entryPoints.some((entry) => entry.startsWith(only))) : targets;
const contexts = await Promise.all(selected.map((options) => esbuild.context(watch ? { ...options, plugins: [watchLog] } : options)));
if (watch) {
  await Promise.all(contexts.map((context) => context.watch()));
  console.log('[watch] watching for changes');
} else {
  await Promise.all(contexts.map((context) => context.rebuild()));
  await Promise.all(contexts.map((context) => context.dispose()));
}

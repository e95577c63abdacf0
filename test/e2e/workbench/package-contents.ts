// What the .vsix must hold and must not: every file package.json names and every file the extension loads at run
// time, and nothing from the sources, the tests, the caches or node_modules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './build';

/** Files the extension loads by path at run time, which package.json does not name. */
export const LOADED_AT_RUN_TIME = [
  'dist/server.js', // the language server (client/src/node-host.ts)
  'dist/web/server.js', // the language server in a web worker (client/src/worker-host.ts)
  'dist/webview.js', // the preview's page script (client/src/preview/preview-panel.ts)
  'client/media/preview.css', // the preview's stylesheet (same)
];

/** Paths inside the archive that would mean the package ships what does not run. */
export const NEVER_SHIPPED: RegExp[] = [
  /\.map$/,
  /\.ts$/,
  /\.vsix$/,
  /^extension\/dist\/cli\.js$/,
  /^extension\/(test|server|node_modules|client\/src|\.cache|\.artifacts|\.git|seed|corpus)\//,
];

interface Manifest {
  main?: string;
  browser?: string;
  icon?: string;
  contributes?: {
    languages?: { configuration?: string }[];
    grammars?: { path: string }[];
    snippets?: { path: string }[];
    walkthroughs?: { steps: { media: { svg?: string; image?: string; markdown?: string } }[] }[];
  };
}

/** The files package.json points at, relative to the extension's root. */
export function manifestFiles(): string[] {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const paths = [
    manifest.main,
    manifest.browser,
    manifest.icon,
    ...(manifest.contributes?.languages ?? []).map((l) => l.configuration),
    ...(manifest.contributes?.grammars ?? []).map((g) => g.path),
    ...(manifest.contributes?.snippets ?? []).map((s) => s.path),
    ...(manifest.contributes?.walkthroughs ?? []).flatMap((w) =>
      w.steps.map((step) => step.media.svg ?? step.media.image ?? step.media.markdown),
    ),
  ];
  return paths.filter((p): p is string => typeof p === 'string').map((p) => p.replace(/^\.\//, ''));
}

/** Every way the archive's entries break the rules above, as sentences; empty when the package is right. */
export function packageProblems(entries: readonly string[]): string[] {
  const problems: string[] = [];
  for (const file of [...manifestFiles(), ...LOADED_AT_RUN_TIME]) {
    if (!entries.includes(`extension/${file}`)) problems.push(`${file} is missing from the package`);
  }
  if (!entries.includes('extension/package.json')) problems.push('package.json is missing from the package');
  for (const entry of entries) {
    if (NEVER_SHIPPED.some((pattern) => pattern.test(entry))) problems.push(`${entry} should not be in the package`);
  }
  return problems;
}

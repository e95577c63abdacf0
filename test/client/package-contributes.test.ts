// Checks package.json's extension manifest: the diagnostics settings match the code table (UPDATE_GOLDEN=1 refreshes
// them), the other settings match the core's defaults, the extension's commands are contributed and wired, every
// referenced file exists, and the first-line pattern recognises ASA files and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DEVICE_GLOBS } from '../../server/src/core/detect';
import {
  COPY_CHANGE_SCRIPT_COMMAND,
  IMPORT_SHOW_OUTPUT_COMMAND,
  NEW_GROUP_COMMAND,
  SHOW_REDIRECT_PREVIEW_COMMAND,
} from '../../server/src/protocol';
import { DEVICE_CONFIGS_FOUND } from '../../client/src/context-keys';
import { PREVIEW_VIEW_TYPE } from '../../client/src/preview/messages';
import { COMMAND_CATEGORY, PRODUCT_NAME, TRACE_CHANNEL_NAME } from '../../client/src/product';
import { refreshing } from '../support/golden';
import { DIAGNOSTIC_SETTING_PREFIX, DIAGNOSTICS_SECTION_TITLE, diagnosticSettings } from './diagnostic-settings';

const ROOT = join(import.meta.dirname, '..', '..');
const PACKAGE_FILE = join(ROOT, 'package.json');

interface ConfigurationSection {
  title: string;
  order?: number;
  properties: Record<string, Record<string, unknown>>;
}

interface Manifest {
  displayName: string;
  main: string;
  browser: string;
  engines: { vscode: string };
  activationEvents: string[];
  capabilities: {
    untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[]; description?: string };
    virtualWorkspaces: { supported: boolean | string; description?: string };
  };
  devDependencies: Record<string, string>;
  contributes: {
    languages: { id: string; aliases: string[]; extensions: string[]; firstLine: string; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets?: { language: string; path: string }[];
    commands: { command: string; title: string; category: string; icon?: string }[];
    menus: Record<string, { command: string; when?: string }[]>;
    configuration: ConfigurationSection[];
    walkthroughs: {
      id: string;
      title: string;
      steps: {
        id: string;
        title: string;
        description: string;
        media: { svg?: string; altText?: string };
        completionEvents: string[];
      }[];
    }[];
  };
  icon: string;
}

const readManifest = (): Manifest => JSON.parse(readFileSync(PACKAGE_FILE, 'utf8')) as Manifest;
// The commands of CONTRACT §3, and the product's own.
const CONTRACT_COMMANDS = [
  SHOW_REDIRECT_PREVIEW_COMMAND,
  NEW_GROUP_COMMAND,
  IMPORT_SHOW_OUTPUT_COMMAND,
  COPY_CHANGE_SCRIPT_COMMAND,
];

function allProperties(manifest: Manifest): Record<string, Record<string, unknown>> {
  return Object.assign({}, ...manifest.contributes.configuration.map((s) => s.properties)) as Record<
    string,
    Record<string, unknown>
  >;
}

test('the asaLb.diagnostics settings match the code table (UPDATE_GOLDEN=1 refreshes them)', () => {
  const manifest = readManifest();
  const expected = diagnosticSettings();
  const section = manifest.contributes.configuration.find((s) => s.title === DIAGNOSTICS_SECTION_TITLE);
  assert.ok(section, `package.json needs a configuration section titled "${DIAGNOSTICS_SECTION_TITLE}"`);
  if (refreshing()) {
    section.properties = expected;
    writeFileSync(PACKAGE_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
    return;
  }
  assert.deepEqual(
    section.properties,
    expected,
    'package.json drifted from server/src/core/checks/codes.ts: run UPDATE_GOLDEN=1 npm test',
  );
  const elsewhere = manifest.contributes.configuration
    .filter((s) => s !== section)
    .flatMap((s) => Object.keys(s.properties))
    .filter((k) => k.startsWith(DIAGNOSTIC_SETTING_PREFIX));
  assert.deepEqual(elsewhere, [], 'diagnostics settings belong in their own section');
});

test('the other settings: device globs from the core, a default session limit, and a server trace', () => {
  const properties = allProperties(readManifest());
  assert.deepEqual(properties['asaLb.deviceFiles']?.['default'], DEFAULT_DEVICE_GLOBS);
  assert.equal(properties['asaLb.preview.defaultSessionLimit']?.['type'], 'integer');
  assert.equal(properties['asaLb.preview.defaultSessionLimit']?.['default'], 250);
  assert.deepEqual(properties['asaLb.trace.server']?.['enum'], ['off', 'messages', 'verbose']);
  for (const [key, schema] of Object.entries(properties)) {
    assert.ok(key.startsWith('asaLb.'), `${key} is outside the asaLb section`);
    assert.ok(
      typeof schema['markdownDescription'] === 'string' || typeof schema['description'] === 'string',
      `${key} needs a description`,
    );
  }
});

test('the commands of the extension are contributed, activate the extension and match the protocol module', () => {
  const manifest = readManifest();
  const contributed = manifest.contributes.commands.map((c) => c.command);
  assert.deepEqual([...contributed].sort(), [...CONTRACT_COMMANDS].sort());
  for (const command of manifest.contributes.commands) {
    assert.equal(command.category, COMMAND_CATEGORY);
    assert.ok(command.title.length > 5);
    assert.ok(
      manifest.activationEvents.includes(`onCommand:${command.command}`),
      `${command.command} does not activate the extension`,
    );
  }
  for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
    for (const item of items)
      assert.ok(contributed.includes(item.command), `${menu} names an unknown command ${item.command}`);
  }
  const title = manifest.contributes.menus['editor/title'] ?? [];
  assert.ok(
    title.some((i) => i.command === SHOW_REDIRECT_PREVIEW_COMMAND && i.when === 'editorLangId == asa'),
    'the preview belongs in the editor title of asa files',
  );
  assert.ok(manifest.activationEvents.includes('onLanguage:asa'));
  assert.ok(
    manifest.activationEvents.includes(`onWebviewPanel:${PREVIEW_VIEW_TYPE}`),
    'a restored preview must activate the extension',
  );
});

test('every device-file pattern, and every language VS Code gives such files by extension, activates the extension', () => {
  const { activationEvents } = readManifest();
  // VS Code picks a language by extension before it reads a first line: .cfg and .conf open as Properties and .txt
  // as Plain Text, so `onLanguage:asa` never fires for them; these events start the extension in a folder of
  // backups and for one such file opened on its own.
  for (const glob of DEFAULT_DEVICE_GLOBS)
    assert.ok(activationEvents.includes(`workspaceContains:${glob}`), `workspaceContains:${glob}`);
  for (const language of ['properties', 'plaintext'])
    assert.ok(activationEvents.includes(`onLanguage:${language}`), `onLanguage:${language}`);
  // Patterns a user adds to asaLb.deviceFiles cannot be activation events: the extension looks once startup is done.
  assert.ok(activationEvents.includes('onStartupFinished'));
  assert.ok(!activationEvents.includes('*'), 'the extension must not start with every window before it is needed');
});

test('one product name: the display name, the settings, the output channels and the commands say the same', () => {
  const manifest = readManifest();
  assert.equal(manifest.displayName, PRODUCT_NAME);
  assert.ok(
    COMMAND_CATEGORY.startsWith('ASA VPN') && PRODUCT_NAME.startsWith('ASA VPN'),
    'the category is the name, shortened at its end',
  );
  for (const command of manifest.contributes.commands) assert.equal(command.category, COMMAND_CATEGORY);
  for (const section of manifest.contributes.configuration)
    assert.match(section.title, new RegExp(`^${PRODUCT_NAME}(: |$)`));
  assert.equal(TRACE_CHANNEL_NAME, `${PRODUCT_NAME} Trace`);
  const trace = allProperties(manifest)['asaLb.trace.server']?.['markdownDescription'];
  assert.ok(
    typeof trace === 'string' && trace.includes(`**${TRACE_CHANNEL_NAME}**`),
    'the trace setting names its output channel',
  );
  const text = readFileSync(PACKAGE_FILE, 'utf8');
  for (const other of ['ASA Load Balancing', 'ASA LB:', '"ASA LB"'])
    assert.ok(!text.includes(other), `package.json still says ${other}`);
});

test('an icon of 128 or 256 pixels square, as the Marketplace wants it', () => {
  const { icon } = readManifest();
  const png = readFileSync(join(ROOT, icon));
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.ok(width === height && (width === 128 || width === 256), `${icon} is ${width}×${height}`);
});

test('the Get Started walkthrough: open a folder of configs, problems, a fix, the preview, a new group', () => {
  const manifest = readManifest();
  const [walkthrough, ...others] = manifest.contributes.walkthroughs;
  assert.equal(others.length, 0);
  assert.ok(walkthrough, 'the walkthrough is contributed');
  assert.ok(walkthrough.title.includes(PRODUCT_NAME));
  assert.deepEqual(
    walkthrough.steps.map((s) => s.id),
    ['openFolder', 'problems', 'fix', 'preview', 'newGroup'],
  );
  // The first step is also done when the extension finds a device config after the walkthrough was registered
  // (client/src/auto-start.ts sets the key); VS Code 1.100 does not count a context key that was already set then.
  assert.ok(walkthrough.steps[0]!.completionEvents.includes(`onContext:${DEVICE_CONFIGS_FOUND}`));
  const contributed = new Set(manifest.contributes.commands.map((c) => c.command));
  for (const step of walkthrough.steps) {
    assert.ok(step.media.svg && existsSync(join(ROOT, step.media.svg)), `${step.id}: its picture is missing`);
    assert.ok((step.media.altText ?? '').length > 20, `${step.id}: its picture needs a text for screen readers`);
    const links = [...step.description.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!);
    assert.equal(links.length, 1, `${step.id}: one button, to the command that does the step`);
    assert.ok(
      step.completionEvents.includes(`onCommand:${links[0]}`),
      `${step.id} is done by the command its button runs`,
    );
    // Walkthrough descriptions render links and plain text; backticks would show as they are.
    assert.ok(!step.description.includes('`'), `${step.id}: no backticks in a walkthrough description`);
    for (const link of links.filter((l) => l.startsWith('asaLb.')))
      assert.ok(contributed.has(link), `${step.id} runs ${link}, which the extension does not contribute`);
  }
});

test('language, grammar and entry point: every referenced file exists; no static snippets', () => {
  const manifest = readManifest();
  const [language] = manifest.contributes.languages;
  assert.equal(language?.id, 'asa');
  assert.ok(language.aliases.includes('Cisco ASA'));
  assert.deepEqual(language.extensions, ['.asa']);
  assert.deepEqual(manifest.contributes.grammars, [
    { language: 'asa', scopeName: 'source.asa', path: './syntaxes/asa.tmLanguage.json' },
  ]);
  // The templates of snippets/asa.json come from the language server, where they fit: static snippets would show on
  // every line, inside a finished block too, and once per prefix.
  assert.equal(manifest.contributes.snippets, undefined);
  for (const path of [language.configuration, ...manifest.contributes.grammars.map((g) => g.path)]) {
    assert.ok(existsSync(join(ROOT, path)), `${path} does not exist`);
  }
  assert.equal(manifest.main.replace(/^\.\//, ''), 'dist/client.js');
  assert.equal(manifest.browser.replace(/^\.\//, ''), 'dist/web/client.js');
  assert.equal(manifest.engines.vscode, '^1.91.0');
  assert.equal(
    manifest.devDependencies['@types/vscode'],
    manifest.engines.vscode.replace(/^\^/, ''),
    'the API types must be the oldest VS Code the extension supports',
  );
});

test('workspace trust and virtual workspaces are declared with reasons', () => {
  const { capabilities } = readManifest();
  // File patterns from an untrusted folder's settings would choose what the server reads, so they are restricted.
  assert.equal(capabilities.untrustedWorkspaces.supported, 'limited');
  assert.deepEqual(capabilities.untrustedWorkspaces.restrictedConfigurations, ['asaLb.deviceFiles']);
  assert.ok((capabilities.untrustedWorkspaces.description ?? '').length > 40);
  // Full support: the files of a folder the server cannot read are read through the editor (client/src/workspace-files.ts).
  assert.equal(capabilities.virtualWorkspaces.supported, true);
  assert.ok((capabilities.virtualWorkspaces.description ?? '').length > 40);
});

const FIRST_LINES: { line: string; asa: boolean }[] = [
  { line: ': Saved', asa: true },
  { line: ': Saved ', asa: true },
  { line: 'ASA Version 9.12(4)67 ', asa: true },
  { line: 'PIX Version 8.0(3)', asa: true },
  { line: 'asa1(config)# vpn load-balancing', asa: true },
  { line: 'dc-vpn-4(config-load-balancing)# participate', asa: true },
  { line: 'fw01.example.com# show running-config', asa: true },
  { line: 'asa1> enable', asa: true },
  { line: 'asa1#', asa: true },
  { line: 'ciscoasa# sh run vpn load-balancing', asa: true },
  { line: '# A markdown heading', asa: false },
  { line: '#!/bin/sh', asa: false },
  { line: 'C# is a language', asa: false },
  { line: 'Issue#123 was fixed', asa: false },
  { line: 'hostname asa1', asa: false },
  { line: '! a comment could be anything', asa: false },
  { line: ': not saved', asa: false },
  { line: 'ASA Versions differ', asa: false },
];

for (const { line, asa } of FIRST_LINES) {
  test(`the first-line pattern ${asa ? 'recognises' : 'ignores'} ${JSON.stringify(line)}`, () => {
    const pattern = new RegExp(readManifest().contributes.languages[0]!.firstLine);
    assert.equal(pattern.test(line), asa);
  });
}

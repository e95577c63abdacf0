// Device-file patterns: VS Code's glob subset matched as the editor does, and hostile patterns refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  collapseGlob,
  globProblem,
  matchesGlob,
  MAX_MATCHED_PATH_LENGTH,
} from '../../../server/src/core/settings/glob';
import { isDeviceFile } from '../../../server/src/core/detect';
import { readSettings } from '../../../server/src/lsp/settings';

test('the default patterns match device files at any depth, including the top folder', () => {
  for (const path of ['fw1.cfg', 'site/fw1.cfg', 'a/b/c/FW1.CFG', '.backups/fw1.cfg'])
    assert.ok(matchesGlob(path, '**/*.cfg'), path);
  assert.ok(!matchesGlob('fw1.cfg.bak', '**/*.cfg'));
});

test('braces, character classes and a name-only pattern work as in VS Code', () => {
  assert.ok(matchesGlob('configs/fw1.cfg', 'configs/*.{cfg,txt}'));
  assert.ok(matchesGlob('configs/fw1.txt', 'configs/*.{cfg,txt}'));
  assert.ok(!matchesGlob('configs/fw1.conf', 'configs/*.{cfg,txt}'));
  assert.ok(matchesGlob('asa-a.cfg', 'asa-[ab].cfg'));
  assert.ok(matchesGlob('x/asa-b.cfg', 'asa-[ab].cfg'));
  assert.ok(!matchesGlob('asa-c.cfg', 'asa-[ab].cfg'));
  assert.ok(matchesGlob('x/y/fw-1.asa', 'fw-?.asa'));
});

test('a comma outside braces is a literal character, not an alternative', () => {
  assert.ok(matchesGlob('a,b.cfg', 'a,b.cfg'));
  assert.ok(!matchesGlob('abc.cfg', 'a,b.cfg'), 'the old matcher turned "a,b.cfg" into "a|b.cfg"');
});

test('repeated stars collapse to the same meaning', () => {
  assert.equal(collapseGlob('****/*.cfg'), '**/*.cfg');
  assert.equal(collapseGlob('**/**/**/*.cfg'), '**/*.cfg');
  assert.ok(matchesGlob('a/b/fw.cfg', '***/**/*.cfg'));
});

test('patterns with many wildcards or of great length are refused, and match nothing', () => {
  const hostile = `${'**a'.repeat(12)}**b`;
  assert.match(globProblem(hostile) ?? '', /at most 3 wildcards/);
  assert.equal(matchesGlob(`${'a'.repeat(40)}`, hostile), false);
  assert.match(globProblem(`${'x'.repeat(300)}.cfg`) ?? '', /256 characters/);
  assert.equal(globProblem('configs/**/fw-*.cfg'), null);
});

test('extglobs and negation are plain characters, so no nested loop can be written', () => {
  assert.equal(matchesGlob('aaaa.cfg', '+(a|aa).cfg'), false);
  assert.equal(matchesGlob('x.cfg', '!y.cfg'), false);
});

test('paths beyond the length limit never match', () => {
  const deep = `${'d/'.repeat(MAX_MATCHED_PATH_LENGTH / 2)}fw.asa`;
  assert.equal(matchesGlob(deep, '**/*.asa'), false);
  assert.equal(isDeviceFile(deep, '', ['**/*.asa']), false);
});

test('the server reports a refused pattern and keeps the others', () => {
  const { settings, problems } = readSettings({ deviceFiles: [`${'**a'.repeat(12)}**b`, '**/*.asa'] });
  assert.deepEqual(settings.deviceFiles, ['**/*.asa']);
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /ignored: a pattern may hold at most 3 wildcards/);
});

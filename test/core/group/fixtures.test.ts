// Every scenario folder of test/fixtures/group/ is loaded into a workspace, and each file's cross-device diagnostics
// must be exactly the ones its `!^^^` expectations name: nothing missing, nothing extra.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertScenario, GROUP_CODES, loadScenario, scenarioNames, workspaceOf } from './workspace-fixtures';

for (const name of scenarioNames()) {
  test(`group fixture ${name}`, () => {
    assertScenario(loadScenario(name));
  });
}

test('fixture configs are otherwise clean: no single-device error, so group diagnostics are not side effects of broken files', () => {
  const problems: string[] = [];
  for (const name of scenarioNames()) {
    const scenario = loadScenario(name);
    const ws = workspaceOf(scenario.texts);
    for (const uri of scenario.texts.keys()) {
      const result = ws.result(uri)!;
      if (result.analysis.tree.kind !== 'config') continue;
      for (const d of result.diagnostics)
        if (d.severity === 'error' && !GROUP_CODES.has(d.code))
          problems.push(`${uri}:${d.range.start.line + 1} ${d.code}: ${d.message}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every group code has a fixture that triggers it and a close variant (`<code>--ok-…`) that must not', () => {
  const names = scenarioNames();
  for (const code of GROUP_CODES) {
    // group-too-large needs 11 devices: its scenarios are generated in group-size.test.ts.
    if (code === 'group-too-large') continue;
    const triggering = names.filter((n) => n.startsWith(`${code}--`) && !n.startsWith(`${code}--ok-`));
    assert.ok(triggering.length > 0, `no fixture triggers ${code}`);
    for (const name of triggering) {
      const expected = [...loadScenario(name).expectations.values()].flat();
      assert.ok(
        expected.some((e) => e.code === code),
        `${name} expects no ${code}`,
      );
    }
    const variants = names.filter((n) => n.startsWith(`${code}--ok-`));
    assert.ok(variants.length > 0, `no close variant for ${code}`);
    for (const name of variants) {
      const expected = [...loadScenario(name).expectations.values()].flat();
      assert.ok(!expected.some((e) => e.code === code), `${name} expects ${code}`);
    }
  }
});

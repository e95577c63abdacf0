// Mocha's TDD interface handed to each suite as a value, not as globals, so a bundled suite defines its tests the
// same way under code-server and under `@vscode/test-electron`.
import type Mocha from 'mocha';

export interface Tdd {
  suite: Mocha.SuiteFunction;
  test: Mocha.TestFunction;
  suiteSetup: Mocha.HookFunction;
  suiteTeardown: Mocha.HookFunction;
  setup: Mocha.HookFunction;
  teardown: Mocha.HookFunction;
}

/** One suite module: defines its tests when called. */
export type SuiteDefinition = (t: Tdd) => void;

// A check that throws becomes one internal-error diagnostic, and the other checks still run: for the single-device
// checks of a document and for the cross-device checks of a group, which go through the same runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDocument, DEVICE_CHECKS } from '../../server/src/core/analyze';
import { GROUP_CHECKS, type GroupCheck } from '../../server/src/core/checks/group/registry';
import type { DeviceContext } from '../../server/src/core/checks/context';
import { Workspace } from '../../server/src/core/workspace';

const member = (host: string, ip: string): string =>
  `hostname ${host}\ninterface GigabitEthernet0/0\n nameif outside\n ip address ${ip} 255.255.255.0\nvpn load-balancing\n interface lbpublic outside\n cluster ip address 192.0.2.100\n priority 42\n`;

function withCheck<T>(list: T[], check: T, run: () => void): void {
  list.push(check);
  try {
    run();
  } finally {
    list.splice(list.indexOf(check), 1);
  }
}

test('a failing device check becomes one internal-error at the start of the file; the others still report', () => {
  const failing: readonly [string, (ctx: DeviceContext) => void] = [
    'planted',
    () => {
      throw new Error('boom');
    },
  ];
  withCheck(DEVICE_CHECKS as [string, (ctx: DeviceContext) => void][], failing, () => {
    const { diagnostics } = analyzeDocument('a.cfg', member('asa1', '192.0.2.1'));
    const internal = diagnostics.filter((d) => d.code === 'internal-error');
    assert.deepEqual(
      internal.map((d) => [d.message, d.range.start, d.severity]),
      [
        [
          "The 'planted' check failed on this file (boom). The other checks still ran; please report this.",
          { line: 0, character: 0 },
          'error',
        ],
      ],
    );
    assert.ok(diagnostics.some((d) => d.code === 'priority-out-of-range'));
  });
});

test('a failing group check becomes one internal-error on each member; the other group checks still report', () => {
  const failing: [string, GroupCheck] = [
    'planted',
    () => {
      throw new Error('boom');
    },
  ];
  withCheck(GROUP_CHECKS, failing, () => {
    const ws = new Workspace();
    ws.set('a.cfg', member('asa1', '192.0.2.1'));
    ws.set('b.cfg', member('asa1', '192.0.2.2'));
    for (const uri of ['a.cfg', 'b.cfg']) {
      const diagnostics = ws.diagnostics(uri)!;
      assert.deepEqual(
        diagnostics.filter((d) => d.code === 'internal-error').map((d) => d.message),
        ["The 'planted' group check failed (boom). The other checks still ran; please report this."],
      );
      assert.ok(
        diagnostics.some((d) => d.code === 'duplicate-hostname'),
        uri,
      );
    }
  });
});

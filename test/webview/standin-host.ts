// A stand-in for the extension host and its language server in the browser tests: it answers the preview page's
// messages with the language server's own request handlers on the real core (grouping, simulation, show parser),
// so what the page shows can be compared with what the core decides for the same scenario.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GroupInfoResult, ParseShowResult, SimulateResult } from '../../server/src/protocol';
import { Workspace } from '../../server/src/core/workspace';
import { groupInfo } from '../../server/src/core/features/group-info';
import { parseShowRequest } from '../../server/src/lsp/parse-show';
import { simulateRequest } from '../../server/src/lsp/simulate';
import {
  importMatchedNothingText,
  type GroupMessage,
  type HostMessage,
  type PageMessage,
} from '../../client/src/preview/messages';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'client');

export interface StandInOptions {
  /** Member names to report instead of the hostnames, as a server might for hostile configs. */
  rename?: Record<string, string>;
  defaultSessionLimit?: number;
}

export class StandInHost {
  readonly workspace = new Workspace();
  /** Every scenario the page asked to simulate, in order, for comparisons with the core. */
  readonly scenarios: unknown[] = [];
  /** The notifications the extension host would show, in order. */
  readonly notifications: string[] = [];

  constructor(
    private readonly files: Record<string, string>,
    private readonly options: StandInOptions = {},
  ) {
    for (const [uri, text] of Object.entries(files)) this.workspace.set(uri, text);
  }

  /** Loads every `.cfg` of a fixture folder under test/fixtures/client, as `file:///fixtures/<folder>/<file>` documents. */
  static fromFolder(folder: string, options: StandInOptions = {}): StandInHost {
    const files: Record<string, string> = {};
    for (const name of readdirSync(join(FIXTURES, folder))
      .filter((f) => f.endsWith('.cfg'))
      .sort()) {
      files[`file:///fixtures/${folder}/${name}`] = readFileSync(join(FIXTURES, folder, name), 'utf8');
    }
    return new StandInHost(files, options);
  }

  get uris(): string[] {
    return Object.keys(this.files);
  }

  groupMessage(uri: string): GroupMessage {
    return {
      type: 'group',
      uri,
      label: uri.slice(uri.lastIndexOf('/') + 1),
      info: this.groupInfo(uri),
      defaultSessionLimit: this.options.defaultSessionLimit ?? 250,
    };
  }

  /** The server's own answer to `asaLb/groupInfo` (the core's feature), with the test's renames applied. */
  groupInfo(uri: string): GroupInfoResult {
    const info = groupInfo(this.workspace, uri);
    const rename = this.options.rename;
    if (!info.inGroup || !rename) return info;
    const renamed = (name: string | null): string | null => (name === null ? null : (rename[name] ?? name));
    return {
      ...info,
      self: renamed(info.self)!,
      group: {
        ...info.group,
        members: info.group.members.map((m) => ({ ...m, name: renamed(m.name)! })),
        predictedDirector: renamed(info.group.predictedDirector),
      },
    };
  }

  simulate(scenario: unknown): SimulateResult {
    this.scenarios.push(scenario);
    return runScenario(scenario);
  }

  parseShow(text: string): ParseShowResult {
    return parseShowRequest({ text });
  }

  /** Answers one page message as the extension host would; null for messages that need no answer. */
  answer(message: PageMessage): HostMessage | null {
    switch (message.type) {
      case 'ready':
        return null;
      case 'simulate':
        return { type: 'simulated', id: message.id, result: this.simulate(message.scenario) };
      case 'parseShow':
        return { type: 'parsedShow', id: message.id, result: this.parseShow(message.text) };
      case 'openMember':
        return null;
      case 'importMatchedNothing':
        // The extension host shows this sentence in a warning notification.
        this.notifications.push(importMatchedNothingText(message));
        return null;
    }
  }
}

/** The server's answer to `asaLb/simulate`: the handler the language server runs, on the core's simulation. */
export function runScenario(scenario: unknown): SimulateResult {
  return simulateRequest({ scenario });
}

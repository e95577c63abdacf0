// The page's side of the host connection: sends typed messages, matches answers to requests by id, and keeps the
// saved state. `acquireVsCodeApi` is VS Code's (a test stand-in in the browser tests); it may be called only once.
import type { ParseShowResult, SimulateResult } from '../../../server/src/protocol';
import {
  isHostMessage,
  type HostMessage,
  type ImportMatchedNothingMessage,
  type PageMessage,
  type ScenarioJson,
} from '../preview/messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

type Pending =
  | { kind: 'simulated'; resolve: (r: SimulateResult) => void }
  | { kind: 'parsedShow'; resolve: (r: ParseShowResult) => void };

export class Host {
  private readonly api = acquireVsCodeApi();
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  /** Messages the host pushes on its own (group updates, imports, focus requests). */
  constructor(private readonly onPush: (message: HostMessage) => void) {
    window.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
  }

  ready(): void {
    this.post({ type: 'ready' });
  }

  simulate(scenario: ScenarioJson): Promise<SimulateResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { kind: 'simulated', resolve });
      this.post({ type: 'simulate', id, scenario });
    });
  }

  parseShow(text: string): Promise<ParseShowResult> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { kind: 'parsedShow', resolve });
      this.post({ type: 'parseShow', id, text });
    });
  }

  openMember(uri: string): void {
    this.post({ type: 'openMember', uri });
  }

  importMatchedNothing(message: Omit<ImportMatchedNothingMessage, 'type'>): void {
    this.post({ type: 'importMatchedNothing', ...message });
  }

  getState(): unknown {
    return this.api.getState();
  }

  setState(state: unknown): void {
    this.api.setState(state);
  }

  private post(message: PageMessage): void {
    this.api.postMessage(message);
  }

  private receive(data: unknown): void {
    if (!isHostMessage(data)) return;
    if (data.type === 'simulated' || data.type === 'parsedShow') {
      const pending = this.pending.get(data.id);
      if (!pending || pending.kind !== data.type) return;
      this.pending.delete(data.id);
      if (pending.kind === 'simulated' && data.type === 'simulated') pending.resolve(data.result);
      else if (pending.kind === 'parsedShow' && data.type === 'parsedShow') pending.resolve(data.result);
      return;
    }
    this.onPush(data);
  }
}

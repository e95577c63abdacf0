// The redirect preview page: holds the state, renders the group, and runs every change through the host
// (next IPsec and SSL session, then the placement run). One run at a time; a change during a run schedules
// one more, so typing never floods the server and the last edit always wins. A screen reader hears what changed
// through one live region (`Announcer`): the next session when its member or rule changes, and the run the user
// asked for, never the whole page again on each keystroke.
import type { PreviewGroup, SimulateResult } from '../../../server/src/protocol';
import { applyShowOutput } from '../preview/import-show';
import { importMatchedNothingText, type GroupMessage, type HostMessage } from '../preview/messages';
import {
  FAIL_DIRECTOR,
  initialState,
  loadState,
  MAX_PLACEMENT,
  mergeGroup,
  resetSessions,
  withMember,
  type PageState,
  type SessionTypeKey,
} from '../preview/page-state';
import { chooseDirector, nextSessionScenario, placementScenario, scenarioMembers } from '../preview/scenarios';
import { Announcer } from './announcer';
import { byId, el, show } from './dom';
import type { Host } from './host';
import { importReport } from './import-view';
import { MembersView, withCount } from './members-view';
import { decisionKey, nextCard, nextSentence } from './next-view';
import { PlacementView, type PlacementRun } from './placement-view';

export class App {
  private state: PageState = initialState();
  private message: GroupMessage | null = null;
  private readonly members: MembersView;
  private readonly placement: PlacementView;
  private running = false;
  private again = false;
  private runs = 0;
  /** The running director the last next-session run reported, so "fail the director" can name it. */
  private director: string | null = null;
  private readonly announcer = new Announcer(byId('announce'));
  /** The next sessions' targets and rules last shown, to announce only a change (null before the first run). */
  private nextShown: Record<SessionTypeKey, string> | null = null;
  /** The placement form asked for a run: its summary is announced when the run is shown. */
  private placementAsked = false;

  constructor(private readonly host: Host) {
    this.members = new MembersView(byId('members'), {
      onCount: (name, field, value) => this.change((s) => withMember(s, name, (e) => withCount(e, field, value))),
      onUp: (name, up) => this.change((s) => withMember(s, name, (e) => ({ ...e, up }))),
      onOpen: (uri) => this.host.openMember(uri),
    });
    this.placement = new PlacementView(
      (step) => {
        this.state = { ...this.state, step };
        this.save();
      },
      (text) => this.announcer.say(text),
    );
  }

  start(): void {
    this.state = loadState(this.host.getState());
    this.bindControls();
    this.host.ready();
  }

  receive(message: HostMessage): void {
    switch (message.type) {
      case 'group':
        this.onGroup(message);
        return;
      case 'showImported':
        this.applyImport(message.source, message.result);
        return;
      case 'focusImport': {
        const text = byId<HTMLTextAreaElement>('show-text');
        text.scrollIntoView({ block: 'center' });
        text.focus();
        return;
      }
      default:
        return;
    }
  }

  private get group(): PreviewGroup | null {
    return this.message?.info?.inGroup ? this.message.info.group : null;
  }

  private onGroup(message: GroupMessage): void {
    const previousKey = this.message?.info?.inGroup ? groupShape(this.message.info.group) : null;
    this.message = message;
    this.state = mergeGroup(this.state, message);
    this.save();
    byId('title').textContent = message.info?.inGroup
      ? `Redirect preview: group ${message.info.group.clusterIp}`
      : 'Redirect preview';
    const group = this.group;
    const notice = byId('notice');
    if (!message.info) {
      notice.textContent = message.error ?? 'Waiting for the language server…';
      show(notice, true);
    } else if (!message.info.inGroup) {
      notice.textContent = `${message.label} is not in a VPN load-balancing group: ${message.info.reason}`;
      show(notice, true);
    } else {
      show(notice, false);
    }
    for (const id of ['members-section', 'next-section', 'place-section', 'import-section'])
      show(byId(id), group !== null);
    if (!group) {
      byId('subtitle').textContent = message.label;
      // Nothing to simulate: the page is settled as it is.
      this.settled();
      return;
    }
    byId('subtitle').textContent = [
      group.clusterIpv6
        ? `virtual addresses ${group.clusterIp} and ${group.clusterIpv6}`
        : `virtual address ${group.clusterIp}`,
      `port ${group.port}`,
      group.encryption ? 'encrypted' : 'not encrypted',
      `from ${message.label}`,
    ].join(' · ');
    // Rebuild the table only when the members themselves changed, so a group update while typing keeps the focus.
    const { members, excluded } = scenarioMembers(group, this.state);
    if (previousKey !== groupShape(group)) this.members.build(group, this.state, new Set(members.map((m) => m.name)));
    this.members.sync(this.state);
    const split = group.members.filter((m) => m.split.length > 0);
    // Near the top, where a split changes everything below: the same words as the Problems panel.
    byId('split').textContent = split.length
      ? `The group splits: ${split.map((m) => `${m.name} ${m.split.join(', and ')}`).join('; ')}. ${split.length === 1 ? 'It cannot' : 'They cannot'} talk to the director, so the decisions, the election and the failure below use only ${joinNames(members.map((m) => m.name))}.`
      : '';
    show(byId('split'), split.length > 0);
    const excludedNote = byId('excluded');
    excludedNote.textContent = excluded.length
      ? `Not in the preview: ${excluded.map((e) => `${e.name} ${e.reason}`).join('; ')}.`
      : '';
    show(excludedNote, excluded.length > 0);
    this.renderSelectors(group);
    void this.simulate();
  }

  private renderSelectors(group: PreviewGroup): void {
    const { members } = scenarioMembers(group, this.state);
    const director = byId<HTMLSelectElement>('director');
    director.replaceChildren(
      el('option', {
        text: group.predictedDirector ? `Predicted: ${group.predictedDirector}` : 'Elected by the units that are up',
        attrs: { value: '' },
      }),
      ...members.map((m) => el('option', { text: m.name, attrs: { value: m.name } })),
    );
    // The options were just rebuilt, so the choice is set again whatever has the focus.
    director.value = this.state.director ?? '';
    const fail = byId<HTMLSelectElement>('fail-member');
    fail.replaceChildren(
      el('option', { text: 'nobody', attrs: { value: '' } }),
      el('option', { text: 'the director', attrs: { value: FAIL_DIRECTOR } }),
      ...members.map((m) => el('option', { text: m.name, attrs: { value: m.name } })),
    );
    fail.value = this.state.placement.fail;
    const { placement } = this.state;
    setValue(byId<HTMLInputElement>('place-count'), String(placement.count));
    setValue(byId<HTMLSelectElement>('place-type'), placement.type);
    setValue(byId<HTMLInputElement>('fail-before'), String(placement.failBefore));
    byId<HTMLInputElement>('fail-before').max = String(placement.count);
    byId<HTMLInputElement>('fail-before').disabled = placement.fail === '';
    setValue(byId<HTMLTextAreaElement>('show-text'), this.state.showText);
  }

  private bindControls(): void {
    byId<HTMLSelectElement>('director').addEventListener('change', (event) => {
      const value = (event.target as HTMLSelectElement).value;
      this.change((s) => ({ ...s, director: value === '' ? null : value }));
    });
    byId<HTMLFormElement>('place-form').addEventListener('submit', (event) => {
      event.preventDefault();
      this.readPlacement();
    });
    for (const id of ['place-type', 'fail-member']) byId(id).addEventListener('change', () => this.readPlacement());
    byId<HTMLTextAreaElement>('show-text').addEventListener('input', (event) => {
      this.state = { ...this.state, showText: (event.target as HTMLTextAreaElement).value };
      this.save();
    });
    byId('show-import').addEventListener('click', () => void this.importPasted());
    byId('show-clear').addEventListener('click', () => {
      const group = this.group;
      if (!group || !this.message) return;
      this.change((s) => resetSessions(s, group, this.message!.defaultSessionLimit));
      byId('import-result').replaceChildren();
      show(byId('import-notice'), false);
    });
  }

  /**
   * Reads the placement form. An invalid number marks its field (`aria-invalid`, a red border, a message tied to it
   * by `aria-describedby`), changes nothing, and the summary says that what is shown is the previous run.
   */
  private readPlacement(): void {
    const countInput = byId<HTMLInputElement>('place-count');
    const beforeInput = byId<HTMLInputElement>('fail-before');
    const type = byId<HTMLSelectElement>('place-type').value === 'ipsec' ? 'ipsec' : 'ssl';
    const fail = byId<HTMLSelectElement>('fail-member').value;
    // "Fails after" means nothing while nobody fails: it is then neither used nor judged.
    beforeInput.disabled = fail === '';
    const count = Number(countInput.value);
    const before = Number(beforeInput.value);
    const countOk = countInput.value.trim() !== '' && Number.isInteger(count) && count >= 1 && count <= MAX_PLACEMENT;
    const limit = countOk ? count : this.state.placement.count;
    const beforeValid = beforeInput.value.trim() !== '' && Number.isInteger(before) && before >= 0 && before <= limit;
    const errors = [
      markField(
        countInput,
        byId('place-count-error'),
        countOk ? null : `New sessions must be a whole number from 1 to ${MAX_PLACEMENT}.`,
      ),
      markField(
        beforeInput,
        byId('fail-before-error'),
        beforeValid || beforeInput.disabled
          ? null
          : `Fails after must be a whole number from 0 to ${limit}, the number of new sessions.`,
      ),
    ].filter((e): e is string => e !== null);
    this.placement.setFormError(errors.length > 0 ? errors.join(' ') : null);
    if (errors.length > 0) {
      this.announcer.say(`Not placed: ${errors.join(' ')}`);
      return;
    }
    this.placementAsked = true;
    beforeInput.max = String(count);
    const failBefore = beforeValid ? before : this.state.placement.failBefore;
    this.change((s) => ({ ...s, placement: { type, count, fail, failBefore } }));
  }

  private change(update: (state: PageState) => PageState): void {
    this.state = update(this.state);
    this.save();
    this.members.sync(this.state);
    void this.simulate();
  }

  private save(): void {
    this.host.setState(this.state);
  }

  private async simulate(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    const app = byId('app');
    app.setAttribute('aria-busy', 'true');
    try {
      do {
        this.again = false;
        await this.runOnce();
      } while (this.again);
    } finally {
      this.running = false;
      this.settled();
    }
  }

  /** Marks the page idle; `data-runs` counts settled updates, so tests (and people) can wait for the next one. */
  private settled(): void {
    this.runs++;
    const app = byId('app');
    app.dataset['runs'] = String(this.runs);
    app.setAttribute('aria-busy', 'false');
  }

  private async runOnce(): Promise<void> {
    const group = this.group;
    if (!group) return;
    const state = this.state;
    const sslScenario = nextSessionScenario(group, state, 'ssl');
    const ipsecScenario = nextSessionScenario(group, state, 'ipsec');
    const [ssl, ipsec] = await Promise.all([
      sslScenario ? this.host.simulate(sslScenario) : null,
      ipsecScenario ? this.host.simulate(ipsecScenario) : null,
    ]);
    if (this.again) return;
    const directorNote = byId('director-note');
    const { members } = scenarioMembers(group, state);
    directorNote.textContent = chooseDirector(group, state, members).note ?? '';
    this.director = ssl?.ok ? ssl.result.director : ipsec?.ok ? ipsec.result.director : null;
    this.members.showResults({
      director: this.director,
      predicted: group.predictedDirector,
      loads: { ssl: loadsOf(ssl), ipsec: loadsOf(ipsec) },
      next: { ssl: targetOf(ssl), ipsec: targetOf(ipsec) },
    });
    byId('next').replaceChildren(nextCard('ipsec', ipsec), nextCard('ssl', ssl));

    const scenario = placementScenario(group, state, this.director);
    let run: PlacementRun | null = null;
    if (scenario) run = { scenario, result: await this.host.simulate(scenario) };
    if (this.again) return;
    this.placement.render(run, state.step);
    this.announceChanges({ ssl, ipsec });
  }

  /** Says, once, what a run changed: who gets the next session (when that changed) and a run the form asked for. */
  private announceChanges(next: Record<SessionTypeKey, SimulateResult | null>): void {
    const keys = { ipsec: decisionKey(next.ipsec), ssl: decisionKey(next.ssl) };
    const previous = this.nextShown;
    this.nextShown = keys;
    const sentences = previous
      ? (['ipsec', 'ssl'] as const)
          .filter((type) => previous[type] !== keys[type])
          .map((type) => nextSentence(type, next[type]))
      : [];
    if (this.placementAsked) {
      this.placementAsked = false;
      sentences.push(`Placed: ${this.placement.summaryText()}`);
    }
    this.announcer.say(sentences.join(' '));
  }

  private async importPasted(): Promise<void> {
    const text = byId<HTMLTextAreaElement>('show-text').value;
    if (text.trim() === '') {
      byId('import-result').replaceChildren(
        el('p', { className: 'error', text: 'Paste the output of show vpn load-balancing first.' }),
      );
      return;
    }
    const result = await this.host.parseShow(text);
    this.applyImport('the pasted text', result);
  }

  private applyImport(source: string, result: Awaited<ReturnType<Host['parseShow']>>): void {
    const group = this.group;
    if (!group) return;
    if (!result.ok) {
      byId('import-result').replaceChildren(...importReport(source, result, null));
      return;
    }
    const applied = applyShowOutput(this.state, group, result.value);
    const notice = byId('import-notice');
    let nothing: string | null = null;
    if (applied.report.matched.length === 0) {
      // Said at the top of the page and in a notification: the import box may be far below what is in view.
      // Within the lengths the host accepts (real captures are far inside them), so the notification is never dropped.
      const facts = {
        source: source.slice(0, 300),
        captureClusterIp: result.value.clusterIp?.slice(0, 255) ?? null,
        peers: result.value.peers.slice(0, 64).map((p) => (p.publicIp ?? '(no address)').slice(0, 64)),
        groupClusterIp: group.clusterIp,
      };
      nothing = importMatchedNothingText(facts);
      this.host.importMatchedNothing(facts);
    }
    notice.textContent = nothing ?? '';
    show(notice, nothing !== null);
    byId('import-result').replaceChildren(...importReport(source, result, applied.report, nothing));
    this.change(() => applied.state);
    byId<HTMLSelectElement>('director').value = this.state.director ?? '';
  }
}

/**
 * Shows a saved value in a form field, unless the user is typing in it: a group update from the server arrives at any
 * moment (someone edits a config), and must not take back what is being typed.
 */
function setValue(field: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  if (field === document.activeElement || field.value === value) return;
  field.value = value;
}

/** What decides the table's rows: member names, addresses and participation. */
function groupShape(group: PreviewGroup): string {
  return JSON.stringify(
    group.members.map((m) => [m.name, m.uri, m.publicIp, m.priority, m.priorityConfigured, m.participates, m.split]),
  );
}

/** "a", "a and b", "a, b and c"; "no member" for none. */
function joinNames(names: readonly string[]): string {
  if (names.length === 0) return 'no member';
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Marks a form field invalid with its message, or valid again (message null); returns the message. */
function markField(input: HTMLInputElement, message: HTMLElement, error: string | null): string | null {
  if (error === null) input.removeAttribute('aria-invalid');
  else input.setAttribute('aria-invalid', 'true');
  message.textContent = error ?? '';
  show(message, error !== null);
  return error;
}

function loadsOf(result: SimulateResult | null): Record<string, number> | null {
  return result?.ok ? (result.decisions[0]?.loads ?? null) : null;
}

function targetOf(result: SimulateResult | null): string | null {
  return result?.ok ? (result.decisions[0]?.target ?? null) : null;
}

// The members table: each member's address, priority, role and participation, an up/down switch, and editable
// IPsec and SSL sessions and limits, with the loads the server computed. The table is rebuilt only when the group
// changes; edits and results update cells in place, so the field being typed in keeps its focus.
import type { PreviewGroup, PreviewMember } from '../../../server/src/protocol';
import { MAX_COUNT, memberEdit, type LimitSource, type MemberEdit, type PageState } from '../preview/page-state';
import { el } from './dom';

export interface MemberEvents {
  /** A count changed; `value` is a valid count. */
  onCount(name: string, field: CountField, value: number): void;
  onUp(name: string, up: boolean): void;
  onOpen(uri: string): void;
}

export type CountField = 'ipsec.active' | 'ipsec.limit' | 'ssl.active' | 'ssl.inactive' | 'ssl.limit';

interface RowRefs {
  role: HTMLElement;
  loads: { ssl: HTMLElement; ipsec: HTMLElement };
  inputs: Map<CountField, HTMLInputElement>;
  sources: { ssl: HTMLElement; ipsec: HTMLElement };
  up: HTMLInputElement;
  row: HTMLTableRowElement;
}

/** Names longer than this may wrap in the table. */
const LONG_NAME = 18;

/** Where a limit came from, shown under it (short), with the long form as its tooltip. */
const SOURCE_WORDS: Record<LimitSource, string> = {
  config: 'config',
  default: 'default',
  edited: 'edited',
  imported: 'imported',
};

const SOURCE_TITLES: Record<LimitSource, string> = {
  config: 'From the vpn-sessiondb limit in the configuration',
  default: 'The configuration sets no limit: the asaLb.preview.defaultSessionLimit setting',
  edited: 'Edited here',
  imported: 'From imported show vpn load-balancing output',
};

export class MembersView {
  private rows = new Map<string, RowRefs>();

  constructor(
    private readonly table: HTMLTableElement,
    private readonly events: MemberEvents,
  ) {}

  /** Builds the table for a group. `taking` names the members that take part in load balancing. */
  build(group: PreviewGroup, state: PageState, taking: ReadonlySet<string>): void {
    this.rows.clear();
    const head = el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { text: 'Member', attrs: { scope: 'col' } }),
        el('th', { text: 'Public address', attrs: { scope: 'col' } }),
        el('th', { text: 'Priority', attrs: { scope: 'col' } }),
        el('th', { text: 'Role', attrs: { scope: 'col' } }),
        el('th', { text: 'Up', attrs: { scope: 'col' } }),
        el('th', { text: 'IPsec active', className: 'num', attrs: { scope: 'col' } }),
        el('th', { text: 'IPsec limit', className: 'num', attrs: { scope: 'col' } }),
        el('th', { text: 'IPsec load', className: 'num', attrs: { scope: 'col' } }),
        el('th', { text: 'SSL active', className: 'num', attrs: { scope: 'col' } }),
        el('th', { text: 'SSL inactive', className: 'num', attrs: { scope: 'col' } }),
        el('th', { text: 'SSL limit', className: 'num', attrs: { scope: 'col' } }),
        el('th', { text: 'SSL load', className: 'num', attrs: { scope: 'col' } }),
      ),
    );
    const body = el('tbody');
    for (const member of group.members) {
      const edit = memberEdit(state, member.name);
      body.append(this.buildRow(member, edit, taking.has(member.name)));
    }
    this.table.replaceChildren(el('caption', { className: 'visually-hidden', text: 'Members of the group, their sessions, limits and loads' }), head, body);
  }

  /** Shows the loads and roles of a simulation run, and marks who gets the next session of each type. */
  showResults(results: { director: string | null; predicted: string | null; loads: { ssl: Record<string, number> | null; ipsec: Record<string, number> | null }; next: { ssl: string | null; ipsec: string | null } }): void {
    for (const [name, refs] of this.rows) {
      for (const type of ['ssl', 'ipsec'] as const) {
        // Names come from configs: read only the record's own keys, so a member called "constructor" gets no inherited value.
        const loads = results.loads[type];
        const load = loads && Object.hasOwn(loads, name) ? loads[name] : undefined;
        const cell = refs.loads[type];
        cell.replaceChildren();
        if (load === undefined) {
          cell.textContent = '—';
          continue;
        }
        cell.append(el('span', { className: load >= 100 ? 'load full' : 'load', text: `${load} %` }));
        if (results.next[type] === name) cell.append(el('span', { className: 'badge next', text: `next ${type === 'ssl' ? 'SSL' : 'IPsec'}` }));
      }
      if (refs.row.classList.contains('excluded')) continue;
      refs.role.replaceChildren();
      const roles: string[] = [];
      if (results.director === name) roles.push('director');
      else roles.push('member');
      refs.role.append(el('span', { className: results.director === name ? 'badge director' : '', text: roles.join(', ') }));
      if (results.predicted === name && results.director !== name) refs.role.append(el('span', { className: 'muted', text: ' (predicted director)' }));
      if (results.predicted === name && results.director === name) refs.role.append(el('span', { className: 'muted', text: ' (predicted)' }));
    }
  }

  /** Reflects a state change made elsewhere (an import, a reset) in the inputs. */
  sync(state: PageState): void {
    for (const [name, refs] of this.rows) {
      const edit = memberEdit(state, name);
      if (!edit) continue;
      for (const [field, input] of refs.inputs) {
        const value = String(countOf(edit, field));
        // The field being typed in keeps what is typed, even while it is not yet a valid count.
        if (input === document.activeElement) continue;
        if (input.value !== value) input.value = value;
        input.removeAttribute('aria-invalid');
      }
      refs.up.checked = edit.up;
      refs.row.classList.toggle('down', !edit.up);
      for (const type of ['ipsec', 'ssl'] as const) {
        const source = type === 'ipsec' ? edit.ipsecLimitSource : edit.sslLimitSource;
        refs.sources[type].textContent = SOURCE_WORDS[source];
        refs.sources[type].title = SOURCE_TITLES[source];
      }
    }
  }

  private buildRow(member: PreviewMember, edit: MemberEdit | undefined, taking: boolean): HTMLTableRowElement {
    const row = el('tr', { className: taking ? '' : 'excluded' });
    // Long names (hostile or generated ones) may wrap anywhere; usual hostnames stay on one line.
    const open = el('button', { className: member.name.length > LONG_NAME ? 'link long' : 'link', text: member.name, attrs: { type: 'button', title: 'Open this member\'s configuration' } });
    open.addEventListener('click', () => this.events.onOpen(member.uri));
    const priority = el('td', { className: 'num' }, String(member.priority), member.priorityConfigured ? null : el('span', { className: 'muted', text: ' assumed' }));
    const role = el('td', { text: taking ? 'member' : !member.participates ? 'not participating' : member.split.length > 0 ? 'split off' : 'no public address' });
    const up = el('input', { attrs: { type: 'checkbox', 'aria-label': `${member.name} is up` } });
    up.checked = edit?.up ?? true;
    up.disabled = !taking;
    up.addEventListener('change', () => {
      row.classList.toggle('down', !up.checked);
      this.events.onUp(member.name, up.checked);
    });
    row.classList.toggle('down', !(edit?.up ?? true));
    const inputs = new Map<CountField, HTMLInputElement>();
    const count = (field: CountField, label: string): HTMLElement => {
      const input = el('input', { className: 'count', attrs: { type: 'number', min: '0', max: String(MAX_COUNT), step: '1', inputmode: 'numeric', 'aria-label': `${member.name} ${label}` } });
      input.value = String(edit ? countOf(edit, field) : 0);
      input.disabled = !taking;
      input.addEventListener('input', () => {
        const value = Number(input.value);
        const valid = input.value.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
        if (!valid) {
          input.setAttribute('aria-invalid', 'true');
          return;
        }
        input.removeAttribute('aria-invalid');
        this.events.onCount(member.name, field, value);
      });
      inputs.set(field, input);
      return input;
    };
    const sources = {
      ipsec: el('span', { className: 'source muted', text: edit ? SOURCE_WORDS[edit.ipsecLimitSource] : '' }),
      ssl: el('span', { className: 'source muted', text: edit ? SOURCE_WORDS[edit.sslLimitSource] : '' }),
    };
    const loads = { ipsec: el('td', { className: 'num', text: '—' }), ssl: el('td', { className: 'num', text: '—' }) };
    row.append(
      el('th', { attrs: { scope: 'row' } }, open),
      el('td', { className: 'address', text: member.publicIp ?? '—' }),
      priority,
      role,
      el('td', {}, up),
      el('td', { className: 'num' }, count('ipsec.active', 'IPsec active sessions')),
      el('td', { className: 'num' }, count('ipsec.limit', 'IPsec session limit'), sources.ipsec),
      loads.ipsec,
      el('td', { className: 'num' }, count('ssl.active', 'SSL active sessions')),
      el('td', { className: 'num' }, count('ssl.inactive', 'SSL inactive sessions')),
      el('td', { className: 'num' }, count('ssl.limit', 'SSL session limit'), sources.ssl),
      loads.ssl,
    );
    this.rows.set(member.name, { role, loads, inputs, sources, up, row });
    return row;
  }
}

export function countOf(edit: MemberEdit, field: CountField): number {
  switch (field) {
    case 'ipsec.active':
      return edit.ipsec.active;
    case 'ipsec.limit':
      return edit.ipsec.limit;
    case 'ssl.active':
      return edit.ssl.active;
    case 'ssl.inactive':
      return edit.ssl.inactive;
    case 'ssl.limit':
      return edit.ssl.limit;
  }
}

export function withCount(edit: MemberEdit, field: CountField, value: number): MemberEdit {
  switch (field) {
    case 'ipsec.active':
      return { ...edit, ipsec: { ...edit.ipsec, active: value } };
    case 'ipsec.limit':
      return { ...edit, ipsec: { ...edit.ipsec, limit: value }, ipsecLimitSource: 'edited' };
    case 'ssl.active':
      return { ...edit, ssl: { ...edit.ssl, active: value } };
    case 'ssl.inactive':
      return { ...edit, ssl: { ...edit.ssl, inactive: value } };
    case 'ssl.limit':
      return { ...edit, ssl: { ...edit.ssl, limit: value }, sslLimitSource: 'edited' };
  }
}

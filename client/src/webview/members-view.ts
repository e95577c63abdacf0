// The members tables: one for who each member is (address, priority, role, up or down), and one per session type
// (IPsec, SSL) with its editable sessions and limits and the loads the server computed. Three narrow tables read
// in a 600 px editor split, where one table of twelve columns was cut off, and a screen reader hears a few
// columns per row instead of twelve. The tables are rebuilt only when the group changes; edits and results update
// cells in place, so the field being typed in keeps its focus.
import type { PreviewGroup, PreviewMember } from '../../../server/src/protocol';
import { SESSION_LABEL } from '../preview/rule-words';
import {
  MAX_COUNT,
  memberEdit,
  type LimitSource,
  type MemberEdit,
  type PageState,
  type SessionTypeKey,
} from '../preview/page-state';
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
  /** The member's row in each table, marked together when the member is down. */
  rows: HTMLTableRowElement[];
  /** The "down" notes beside the member's name, shown while it is down. */
  downNotes: HTMLElement[];
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

/** The columns of each session type's table after the member's name: the count fields, then the load. */
const SESSION_COLUMNS: Record<SessionTypeKey, { field: CountField; heading: string; label: string }[]> = {
  ipsec: [
    { field: 'ipsec.active', heading: 'Active', label: 'IPsec active sessions' },
    { field: 'ipsec.limit', heading: 'Limit', label: 'IPsec session limit' },
  ],
  ssl: [
    { field: 'ssl.active', heading: 'Active', label: 'SSL active sessions' },
    { field: 'ssl.inactive', heading: 'Inactive', label: 'SSL inactive sessions' },
    { field: 'ssl.limit', heading: 'Limit', label: 'SSL session limit' },
  ],
};

export class MembersView {
  private rows = new Map<string, RowRefs>();
  /** The count fields holding what is not a count, and the message under the tables that names them. */
  private readonly invalid = new Set<HTMLInputElement>();
  private readonly countError = el('p', { className: 'field-error', attrs: { id: 'count-error', hidden: '' } });

  constructor(
    private readonly container: HTMLElement,
    private readonly events: MemberEvents,
  ) {}

  /** Builds the tables for a group. `taking` names the members that take part in load balancing. */
  build(group: PreviewGroup, state: PageState, taking: ReadonlySet<string>): void {
    this.rows.clear();
    this.invalid.clear();
    this.showCountError();
    const overview = tableOf(
      'members-overview',
      'Members: public address, priority, role, and whether each is up',
      true,
      ['Member', 'Public address', 'Priority', 'Role', 'Up'],
    );
    const sessions = {
      ipsec: tableOf('members-ipsec', `${SESSION_LABEL.ipsec} sessions`, false, [
        'Member',
        ...SESSION_COLUMNS.ipsec.map((c) => c.heading),
        'Load',
      ]),
      ssl: tableOf('members-ssl', `${SESSION_LABEL.ssl} sessions`, false, [
        'Member',
        ...SESSION_COLUMNS.ssl.map((c) => c.heading),
        'Load',
      ]),
    };
    for (const member of group.members) {
      const edit = memberEdit(state, member.name);
      this.buildRows(member, edit, taking.has(member.name), overview.body, {
        ipsec: sessions.ipsec.body,
        ssl: sessions.ssl.body,
      });
    }
    this.container.replaceChildren(
      el('div', { className: 'table-wrap' }, overview.table),
      el(
        'div',
        { className: 'session-tables' },
        el('div', { className: 'table-wrap' }, sessions.ipsec.table),
        el('div', { className: 'table-wrap' }, sessions.ssl.table),
      ),
      this.countError,
    );
  }

  /** Shows the loads and roles of a simulation run, and marks who gets the next session of each type. */
  showResults(results: {
    director: string | null;
    predicted: string | null;
    loads: { ssl: Record<string, number> | null; ipsec: Record<string, number> | null };
    next: { ssl: string | null; ipsec: string | null };
  }): void {
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
        if (results.next[type] === name)
          cell.append(el('span', { className: 'badge next', text: `next ${SESSION_LABEL[type]}` }));
      }
      if (refs.rows[0]!.classList.contains('excluded')) continue;
      refs.role.replaceChildren();
      const roles: string[] = [];
      if (results.director === name) roles.push('director');
      else roles.push('member');
      refs.role.append(
        el('span', { className: results.director === name ? 'badge director' : '', text: roles.join(', ') }),
      );
      if (results.predicted === name && results.director !== name)
        refs.role.append(el('span', { className: 'muted', text: ' (predicted director)' }));
      if (results.predicted === name && results.director === name)
        refs.role.append(el('span', { className: 'muted', text: ' (predicted)' }));
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
        this.markCount(input, true);
      }
      refs.up.checked = edit.up;
      markDown(refs, !edit.up);
      for (const type of ['ipsec', 'ssl'] as const) {
        const source = type === 'ipsec' ? edit.ipsecLimitSource : edit.sslLimitSource;
        refs.sources[type].textContent = SOURCE_WORDS[source];
        refs.sources[type].title = SOURCE_TITLES[source];
      }
    }
  }

  /**
   * Marks a count field valid or not. An invalid one is marked (aria-invalid, a red border) and tied by
   * aria-describedby to the message under the tables, which names every such field; its last count stays in use.
   */
  private markCount(input: HTMLInputElement, valid: boolean): void {
    if (valid) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-describedby');
      this.invalid.delete(input);
    } else {
      input.setAttribute('aria-invalid', 'true');
      input.setAttribute('aria-describedby', 'count-error');
      this.invalid.add(input);
    }
    this.showCountError();
  }

  private showCountError(): void {
    const names = [...this.invalid].map(fieldName);
    this.countError.textContent = names.length
      ? `Each count is a whole number from 0 to ${MAX_COUNT.toLocaleString('en-US')}; until corrected, the preview keeps the last count of ${names.join(', ')}.`
      : '';
    this.countError.hidden = names.length === 0;
  }

  private buildRows(
    member: PreviewMember,
    edit: MemberEdit | undefined,
    taking: boolean,
    overview: HTMLElement,
    sessions: Record<SessionTypeKey, HTMLElement>,
  ): void {
    const rowClass = taking ? '' : 'excluded';
    const downNote = (): HTMLElement => el('span', { className: 'badge down', text: 'down', attrs: { hidden: '' } });
    // Long names (hostile or generated ones) may wrap anywhere; usual hostnames stay on one line.
    const long = member.name.length > LONG_NAME;
    const open = el('button', {
      className: long ? 'link long' : 'link',
      text: member.name,
      attrs: { type: 'button', title: "Open this member's configuration" },
    });
    open.addEventListener('click', () => this.events.onOpen(member.uri));
    const priority = el(
      'td',
      { className: 'num' },
      String(member.priority),
      member.priorityConfigured ? null : el('span', { className: 'muted', text: ' assumed' }),
    );
    const role = el('td', {
      text: taking
        ? 'member'
        : !member.participates
          ? 'not participating'
          : member.split.length > 0
            ? 'split off'
            : 'no public address',
    });
    const up = el('input', { attrs: { type: 'checkbox', 'aria-label': `${member.name} is up` } });
    up.checked = edit?.up ?? true;
    up.disabled = !taking;
    const notes = [downNote()];
    const main = el(
      'tr',
      { className: rowClass },
      el('th', { attrs: { scope: 'row' } }, open, ' ', notes[0]),
      el('td', { className: 'address', text: member.publicIp ?? '—' }),
      priority,
      role,
      el('td', {}, up),
    );
    overview.append(main);

    const inputs = new Map<CountField, HTMLInputElement>();
    const count = (field: CountField, label: string): HTMLInputElement => {
      const input = el('input', {
        className: 'count',
        attrs: {
          type: 'number',
          min: '0',
          max: String(MAX_COUNT),
          step: '1',
          inputmode: 'numeric',
          'aria-label': `${member.name} ${label}`,
        },
      });
      input.value = String(edit ? countOf(edit, field) : 0);
      input.disabled = !taking;
      input.addEventListener('input', () => {
        const value = Number(input.value);
        const valid = input.value.trim() !== '' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
        this.markCount(input, valid);
        if (valid) this.events.onCount(member.name, field, value);
      });
      inputs.set(field, input);
      return input;
    };
    const sources = {
      ipsec: el('span', { className: 'source muted', text: edit ? SOURCE_WORDS[edit.ipsecLimitSource] : '' }),
      ssl: el('span', { className: 'source muted', text: edit ? SOURCE_WORDS[edit.sslLimitSource] : '' }),
    };
    const loads = {
      ipsec: el('td', { className: 'num load-cell', text: '—' }),
      ssl: el('td', { className: 'num load-cell', text: '—' }),
    };
    const rows = [main];
    for (const type of ['ipsec', 'ssl'] as const) {
      const note = downNote();
      notes.push(note);
      const row = el(
        'tr',
        { className: rowClass },
        el('th', { className: long ? 'name long' : 'name', attrs: { scope: 'row' } }, member.name, ' ', note),
        ...SESSION_COLUMNS[type].map((c) =>
          el('td', { className: 'num' }, count(c.field, c.label), c.field.endsWith('.limit') ? sources[type] : null),
        ),
        loads[type],
      );
      sessions[type].append(row);
      rows.push(row);
    }
    const refs: RowRefs = { role, loads, inputs, sources, up, rows, downNotes: notes };
    up.addEventListener('change', () => {
      markDown(refs, !up.checked);
      this.events.onUp(member.name, up.checked);
    });
    markDown(refs, !(edit?.up ?? true));
    this.rows.set(member.name, refs);
  }
}

/** A count field's name as the message under the tables gives it (its label: "dc-vpn-2 SSL active sessions"). */
function fieldName(input: HTMLInputElement): string {
  return input.getAttribute('aria-label') ?? '';
}

/** Columns of numbers, aligned right as their cells are. */
const NUMERIC_COLUMNS = new Set(['Priority', 'Active', 'Inactive', 'Limit', 'Load']);

/** A table with a caption (visible, or for screen readers only) and column headers; rows go into `body`. */
function tableOf(
  id: string,
  caption: string,
  captionHidden: boolean,
  headings: string[],
): { table: HTMLTableElement; body: HTMLTableSectionElement } {
  const body = el('tbody');
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      ...headings.map((h) =>
        el('th', { text: h, className: NUMERIC_COLUMNS.has(h) ? 'num' : '', attrs: { scope: 'col' } }),
      ),
    ),
  );
  const table = el(
    'table',
    { attrs: { id } },
    el('caption', { className: captionHidden ? 'visually-hidden' : 'table-caption', text: caption }),
    head,
    body,
  );
  return { table, body };
}

/** A member marked down: its rows say so in words (not only by colour), in every table. */
function markDown(refs: RowRefs, down: boolean): void {
  for (const row of refs.rows) row.classList.toggle('down', down);
  for (const note of refs.downNotes) note.hidden = !down;
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

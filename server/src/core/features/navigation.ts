// Navigation between an interface's name and its uses: go to the `nameif` line, list every use, rename them all.
// A change script that uses names its device's config defines is resolved against that config when the workspace has it.
import type { DeviceAnalysis } from '../analyze';
import type { InterfaceModel } from '../model/device';
import type { Position, Range, TextEdit } from '../types';
import type { Workspace } from '../workspace';
import { analysisOf, cursorAt, endOfLine } from './cursor';
import { interfacesNamed } from './interfaces';
import { nameifIndex, nameifSlotAt, type NameifSlot } from './nameif-uses';
import type { CoreLocation, CoreLocationLink, CorePrepareRename, CoreRename } from './types';

export interface InterfaceDefinition {
  uri: string;
  analysis: DeviceAnalysis;
  intf: InterfaceModel;
}

/** The configuration a change script runs on: the workspace config with the script's hostname. */
export function baseConfigOf(
  ws: Workspace,
  uri: string,
  analysis: DeviceAnalysis,
): { uri: string; analysis: DeviceAnalysis } | null {
  const hostname = analysis.device.promptHostname;
  if (analysis.tree.kind !== 'transcript' || !hostname) return null;
  for (const other of ws.uris()) {
    if (other === uri) continue;
    const device = ws.device(other);
    if (device?.kind !== 'config' || device.hostname?.value !== hostname) continue;
    const candidate = ws.analysis(other);
    if (candidate) return { uri: other, analysis: candidate };
  }
  return null;
}

/** The interfaces named `name`: this document's, else (for a change script) its device config's. */
export function findInterfaces(
  ws: Workspace,
  uri: string,
  analysis: DeviceAnalysis,
  name: string,
): InterfaceDefinition[] {
  const own = interfacesNamed(analysis.device, name).map((intf) => ({ uri, analysis, intf }));
  if (own.length > 0) return own;
  const base = baseConfigOf(ws, uri, analysis);
  return base
    ? interfacesNamed(base.analysis.device, name).map((intf) => ({ uri: base.uri, analysis: base.analysis, intf }))
    : [];
}

/** The slot under the cursor, counted only where it surely names an interface (see `NameifSlot.strict`). */
export function slotAtPosition(
  ws: Workspace,
  uri: string,
  position: Position,
): { analysis: DeviceAnalysis; slot: NameifSlot } | null {
  const cursor = cursorAt(ws, uri, position);
  if (!cursor) return null;
  const slot = nameifSlotAt(cursor.analysis.tree, cursor.line, cursor.character);
  if (!slot) return null;
  if (!slot.strict && findInterfaces(ws, uri, cursor.analysis, slot.name).length === 0) return null;
  return { analysis: cursor.analysis, slot };
}

function blockRange(definition: InterfaceDefinition): Range {
  return { start: definition.intf.headerRange.start, end: endOfLine(definition.analysis, definition.intf.lastLine) };
}

/** From a nameif use (or the declaration itself) to the interface block that declares it; [] when there is none. */
export function definition(ws: Workspace, uri: string, position: Position): CoreLocationLink[] {
  const found = slotAtPosition(ws, uri, position);
  if (!found) return [];
  return findInterfaces(ws, uri, found.analysis, found.slot.name)
    .filter((d) => d.intf.nameif)
    .map((d) => ({
      originSelectionRange: found.slot.range,
      targetUri: d.uri,
      targetRange: blockRange(d),
      targetSelectionRange: d.intf.nameif!.range,
    }));
}

/** Every use of the nameif under the cursor in this document (and its `nameif` lines when asked), in document order. */
export function references(
  ws: Workspace,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): CoreLocation[] {
  const found = slotAtPosition(ws, uri, position);
  if (!found) return [];
  const slots = nameifIndex(found.analysis).get(found.slot.name) ?? [];
  return slots.filter((s) => includeDeclaration || !s.declaration).map((s) => ({ uri, range: s.range }));
}

// Names the device accepts and that survive every command naming an interface: `(inside,outside)` needs no commas
// or parentheses in a name, and every command reads only one word.
const VALID_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const MAX_NAME = 48;

/** Why `newName` cannot replace `oldName` on this device, or null when it can. */
export function invalidNameReason(analysis: DeviceAnalysis, oldName: string, newName: string): string | null {
  if (typeof newName !== 'string' || newName.length === 0) return 'An interface name cannot be empty.';
  if (/\s/.test(newName)) return 'An interface name cannot contain spaces: every command reads it as one word.';
  if (newName.length > MAX_NAME) return `An interface name can be at most ${MAX_NAME} characters long.`;
  if (!VALID_NAME.test(newName)) {
    return `'${newName}' is not a usable interface name: use letters, digits, '-', '_' and '.', starting with a letter or digit (commands such as 'nat (inside,outside)' cannot hold other characters).`;
  }
  if (newName === oldName) return `The interface is already called '${oldName}'.`;
  const holder = interfacesNamed(analysis.device, newName)[0];
  if (holder) return `Interface ${holder.hwid} already has 'nameif ${newName}'; two interfaces cannot share a name.`;
  return null;
}

/** Checks that the cursor is on a nameif this document declares, and returns the range to rename. */
export function prepareRename(ws: Workspace, uri: string, position: Position): CorePrepareRename | null {
  const cursor = cursorAt(ws, uri, position);
  if (!cursor) return null;
  const slot = nameifSlotAt(cursor.analysis.tree, cursor.line, cursor.character);
  if (!slot) return { ok: false, reason: 'Only interface names (nameif values) can be renamed here.' };
  if (interfacesNamed(cursor.analysis.device, slot.name).length === 0) {
    const elsewhere = findInterfaces(ws, uri, cursor.analysis, slot.name)[0];
    const where = elsewhere ? ` It is defined in ${elsewhere.uri}; rename it there.` : '';
    return { ok: false, reason: `No interface in this document has 'nameif ${slot.name}'.${where}` };
  }
  return { ok: true, range: slot.range, placeholder: slot.name };
}

/** Renames the nameif under the cursor and every use of it in this document. */
export function rename(ws: Workspace, uri: string, position: Position, newName: string): CoreRename | null {
  const prepared = prepareRename(ws, uri, position);
  if (!prepared) return null;
  if (!prepared.ok) return prepared;
  const analysis = analysisOf(ws, uri)!;
  const reason = invalidNameReason(analysis, prepared.placeholder, newName);
  if (reason) return { ok: false, reason };
  const slots = nameifIndex(analysis).get(prepared.placeholder) ?? [];
  const edits: TextEdit[] = slots.map((s) => ({ range: s.range, newText: newName }));
  return { ok: true, uri, edits };
}

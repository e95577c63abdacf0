// `asaLb.newGroup`: a guided flow of quick picks and input boxes that collects a group's settings and its members,
// validating every answer as it is typed, then writes one configuration per member with the pure generator.
import * as vscode from 'vscode';
import { DEFAULT_CLUSTER_PORT, MAX_PRIORITY } from '../../../server/src/core/commands/lb-commands';
import {
  generateGroup,
  KEY_CHOICE_TEXT,
  KEY_LEFT_OUT_CODES,
  type GeneratedConfig,
  type GroupSpec,
  type InterfaceNames,
  type KeyChoice,
  type MemberSpec,
} from './generate-group';
import { nextHostname, nextInterfaceAddress } from './suggest';
import { offerMemberScripts } from './member-scripts';
import type { ServerConnection } from '../server-connection';
import {
  parseInterfaceAddress,
  validateHardwareId,
  validateHostname,
  validateKey,
  validateMemberCount,
  validateNameif,
  validateOptionalIpv6,
  validatePort,
  validatePriority,
  validatePrivateAddress,
  validatePublicAddress,
  validatePublicV6Address,
  validateVirtualAddress,
  type GroupDraft,
  type InterfaceAddress,
} from './validate';

const TITLE = 'New VPN load-balancing group';

/** Thrown when the user presses Escape: the flow stops without writing anything. */
class Cancelled extends Error {}

export async function runNewGroupFlow(server?: ServerConnection): Promise<void> {
  try {
    const spec = await askGroup();
    const configs = generateGroup(spec);
    const written = await writeConfigs(configs);
    if (!written) return;
    const keyNote =
      spec.encryption && spec.key.kind === 'placeholder'
        ? ` The key is not in the files: type 'cluster key' and the group's key on each device where the comment says; until then each file shows ${KEY_LEFT_OUT_CODES.join(', ')}.`
        : '';
    void vscode.window.showInformationMessage(
      `Wrote ${configs.length === 1 ? 'one member configuration' : `${configs.length} member configurations`} for the group ${spec.vip}.${keyNote}`,
    );
    if (server) await offerMemberScripts(server, configs);
  } catch (error) {
    if (error instanceof Cancelled) return;
    // The generator's messages name fields, never the key (see validateKey).
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
  }
}

async function askGroup(): Promise<GroupSpec> {
  const vip = (
    await input({
      step: 'Virtual address',
      prompt: "The group's virtual IPv4 address, where clients connect first",
      placeHolder: 'e.g. 209.165.202.140',
      validate: validateVirtualAddress,
    })
  ).trim();
  const vipv6Text = await input({
    step: 'Virtual IPv6 address',
    prompt: 'An optional virtual IPv6 address; leave empty for none',
    placeHolder: 'e.g. 2001:db8:0:4200::140 (optional)',
    validate: validateOptionalIpv6,
  });
  const vipv6 = vipv6Text.trim() === '' ? null : vipv6Text.trim();
  const port = Number(
    await input({
      step: 'Cluster port',
      prompt: 'The UDP port members use to talk to each other',
      value: String(DEFAULT_CLUSTER_PORT),
      validate: validatePort,
    }),
  );
  const encryption = await pick('Encryption', [
    {
      label: 'Encrypt member messages',
      detail: 'IPsec between members over IKEv1 on the private interface; needs a shared key.',
      value: true,
    },
    {
      label: 'Do not encrypt',
      detail: 'Members exchange loads and topology in clear on the private network.',
      value: false,
    },
  ]);
  const key = encryption ? await askKey() : ({ kind: 'placeholder' } as const);
  const [publicInterface, privateInterface] = await askInterfaces();
  const count = Number(
    await input({
      step: 'Members',
      prompt: 'How many members the group has (1 to 10)',
      value: '2',
      validate: validateMemberCount,
    }),
  );
  const members: MemberSpec[] = [];
  for (let i = 0; i < count; i++) members.push(await askMember(i, count, { vip, vipv6, members }));
  return { vip, vipv6, port, encryption, key, publicInterface, privateInterface, members };
}

async function askKey(): Promise<KeyChoice> {
  const write = await pick('Cluster key', [
    { ...KEY_CHOICE_TEXT.leaveOut, value: false },
    { ...KEY_CHOICE_TEXT.write, value: true },
  ]);
  if (!write) return { kind: 'placeholder' };
  const key = await input({
    step: 'Cluster key',
    prompt: 'The shared key, the same on every member',
    password: true,
    validate: validateKey,
  });
  await input({
    step: 'Cluster key',
    prompt: 'Type the key again to confirm it',
    password: true,
    validate: (text) => (text === key ? undefined : 'The two keys differ.'),
  });
  return { kind: 'clear', key };
}

async function askInterfaces(): Promise<[InterfaceNames, InterfaceNames]> {
  const usual: [InterfaceNames, InterfaceNames] = [
    { hardware: 'GigabitEthernet0/0', nameif: 'outside' },
    { hardware: 'GigabitEthernet0/1', nameif: 'inside' },
  ];
  const custom = await pick('Interfaces', [
    {
      label: `${usual[0].hardware} "${usual[0].nameif}" public, ${usual[1].hardware} "${usual[1].nameif}" private`,
      detail: 'The usual layout; the same on every member.',
      value: false,
    },
    { label: 'Other interfaces…', detail: 'Type the hardware interfaces and their names.', value: true },
  ]);
  if (!custom) return usual;
  const publicHardware = (
    await input({
      step: 'Public interface',
      prompt: 'The public (outside) hardware interface',
      value: usual[0].hardware,
      validate: (t) => validateHardwareId(t),
    })
  ).trim();
  const publicName = (
    await input({
      step: 'Public interface',
      prompt: `The name (nameif) of ${publicHardware}`,
      value: usual[0].nameif,
      validate: (t) => validateNameif(t),
    })
  ).trim();
  const privateHardware = (
    await input({
      step: 'Private interface',
      prompt: 'The private (inside) hardware interface',
      value: usual[1].hardware,
      validate: (t) => validateHardwareId(t, publicHardware),
    })
  ).trim();
  const privateName = (
    await input({
      step: 'Private interface',
      prompt: `The name (nameif) of ${privateHardware}`,
      value: usual[1].nameif,
      validate: (t) => validateNameif(t, publicName),
    })
  ).trim();
  return [
    { hardware: publicHardware, nameif: publicName },
    { hardware: privateHardware, nameif: privateName },
  ];
}

async function askMember(index: number, count: number, draft: GroupDraft): Promise<MemberSpec> {
  const previous = draft.members[index - 1];
  const step = `Member ${index + 1} of ${count}`;
  const taken = (
    m: readonly { public: InterfaceAddress; publicV6: InterfaceAddress | null; private: InterfaceAddress }[],
  ): string[] => m.flatMap((x) => [x.public.address, x.private.address, ...(x.publicV6 ? [x.publicV6.address] : [])]);
  const avoid = [draft.vip, ...(draft.vipv6 ? [draft.vipv6] : []), ...taken(draft.members)];
  const names = draft.members.map((m) => m.hostname);

  const hostname = (
    await input({
      step,
      prompt: 'Hostname',
      value: previous ? nextHostname(previous.hostname) : 'vpn-1',
      validate: (t) => validateHostname(t, names),
    })
  ).trim();
  const publicText = await input({
    step,
    prompt: `Public interface address of ${hostname}, with its subnet; the subnet must hold ${draft.vip}`,
    placeHolder: 'e.g. 209.165.202.130/27 or 209.165.202.130 255.255.255.224',
    value: previous ? nextInterfaceAddress(previous.public, avoid) : '',
    validate: (t) => validatePublicAddress(t, draft),
  });
  const publicAddress = parsed(publicText, 'ipv4');
  let publicV6: InterfaceAddress | null = null;
  if (draft.vipv6) {
    const v6Text = await input({
      step,
      prompt: `Public IPv6 address of ${hostname}, with its prefix; the prefix must hold ${draft.vipv6}`,
      placeHolder: 'e.g. 2001:db8:0:4200::130/64',
      value: previous?.publicV6 ? nextInterfaceAddress(previous.publicV6, avoid) : '',
      validate: (t) => validatePublicV6Address(t, draft),
    });
    publicV6 = parsed(v6Text, 'ipv6');
  }
  const privateText = await input({
    step,
    prompt: `Private interface address of ${hostname}, with its subnet (the network members share for keepalives)`,
    placeHolder: 'e.g. 10.20.0.11/24',
    value: previous ? nextInterfaceAddress(previous.private, [...avoid, publicAddress.address]) : '',
    validate: (t) => validatePrivateAddress(t, draft, publicAddress),
  });
  const priority = Number(
    await input({
      step,
      prompt: `Priority of ${hostname} (1 to 10): the highest priority becomes director`,
      value: String(Math.max(1, MAX_PRIORITY - index)),
      validate: validatePriority,
    }),
  );
  return { hostname, public: publicAddress, publicV6, private: parsed(privateText, 'ipv4'), priority };
}

async function writeConfigs(configs: GeneratedConfig[]): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  const targets = [
    {
      label: '$(new-file) New editors',
      detail: 'One unsaved editor per member; save them where you like.',
      value: 'untitled' as const,
    },
    { label: '$(folder) Files in a folder…', detail: 'One <hostname>.asa file per member.', value: 'folder' as const },
    ...(configs.length === 1 && editor
      ? [{ label: '$(edit) Into the active editor', detail: 'Inserted at the cursor.', value: 'active' as const }]
      : []),
  ];
  const target = await pick('Where to write', targets);
  if (target === 'untitled') {
    for (const config of configs) {
      const document = await vscode.workspace.openTextDocument({ language: 'asa', content: config.text });
      await vscode.window.showTextDocument(document, { preview: false, preserveFocus: config !== configs[0] });
    }
    return true;
  }
  if (target === 'active') {
    return editor!.edit((edit) => edit.replace(editor!.selection, configs[0]!.text));
  }
  const [folder] =
    (await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: 'Write here',
      title: TITLE,
    })) ?? [];
  if (!folder) return false;
  const files = configs.map((c) => ({ config: c, uri: vscode.Uri.joinPath(folder, c.fileName) }));
  const existing: string[] = [];
  for (const f of files) {
    try {
      await vscode.workspace.fs.stat(f.uri);
      existing.push(f.config.fileName);
    } catch {
      // Not there: nothing to overwrite.
    }
  }
  if (existing.length > 0) {
    const answer = await vscode.window.showWarningMessage(
      `${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in that folder.`,
      { modal: true },
      'Replace',
    );
    if (answer !== 'Replace') return false;
  }
  for (const f of files) await vscode.workspace.fs.writeFile(f.uri, new TextEncoder().encode(f.config.text));
  await vscode.window.showTextDocument(files[0]!.uri, { preview: false });
  return true;
}

interface InputOptions {
  step: string;
  prompt: string;
  value?: string;
  placeHolder?: string;
  password?: boolean;
  validate: (text: string) => string | undefined;
}

async function input(options: InputOptions): Promise<string> {
  const answer = await vscode.window.showInputBox({
    title: `${TITLE}: ${options.step}`,
    prompt: options.prompt,
    value: options.value,
    placeHolder: options.placeHolder,
    password: options.password ?? false,
    ignoreFocusOut: true,
    validateInput: options.validate,
  });
  if (answer === undefined) throw new Cancelled();
  return answer;
}

async function pick<T>(step: string, items: (vscode.QuickPickItem & { value: T })[]): Promise<T> {
  const chosen = await vscode.window.showQuickPick(items, { title: `${TITLE}: ${step}`, ignoreFocusOut: true });
  if (!chosen) throw new Cancelled();
  return chosen.value;
}

/** An answer that already passed its validator, as an interface address. */
function parsed(text: string, family: 'ipv4' | 'ipv6'): InterfaceAddress {
  const result = parseInterfaceAddress(text, family);
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

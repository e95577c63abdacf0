// Says what a text that is not `show vpn load-balancing` output looks like instead, so that a refusal can name it
// ("it looks like the output of `show version`") rather than leave the user guessing.

/** A prompt with the command typed after it: `asa1# show version`, `asa1(config)# show run`. */
const PROMPT_COMMAND = /^\s*[A-Za-z0-9][\w.-]*(?:\([\w-]+\))?[#>]\s*(\S.*?)\s*$/;

/** Distinctive lines of outputs that get pasted by mistake, with what to call them. */
const SIGNATURES: readonly [RegExp, string][] = [
  [/^\s*Cisco Adaptive Security Appliance Software Version\b|^\s*Cisco PIX Security Appliance Software Version\b|^\s*Licensed features for this platform:/m, 'the output of `show version`'],
  [/^(?:ASA|PIX) Version \S+|^: Saved\b/m, 'a running-config'],
  [/^\s*VPN Session Summary\b/m, 'the output of `show vpn-sessiondb summary`'],
  [/^\s*Session Type: /m, 'the output of `show vpn-sessiondb`'],
  [/^\s*(?:Interface \S+ "[^"]*", is (?:up|down|administratively down))/m, 'the output of `show interface`'],
];

/** Whether a typed command is (an abbreviation of) `show vpn load-balancing`. */
function isShowVpnLb(command: string): boolean {
  const words = command.toLowerCase().split(/\s+/);
  return words.length >= 3 && 'show'.startsWith(words[0]!) && words[0]!.length >= 2 && 'vpn'.startsWith(words[1]!) && 'load-balancing'.startsWith(words[2]!) && words[2]!.length >= 2;
}

/** What the text looks like, as a phrase ("the output of `show version`"), or null when nothing tells. */
export function whatItLooksLike(text: string): string | null {
  const head = text.slice(0, 64 * 1024);
  for (const line of head.split(/\r\n|\r|\n/, 200)) {
    const m = PROMPT_COMMAND.exec(line);
    if (!m) continue;
    // The typed command is the best evidence, unless it is the one this parser reads.
    if (isShowVpnLb(m[1]!)) break;
    return `the output of \`${m[1]!.length > 60 ? `${m[1]!.slice(0, 60)}…` : m[1]}\``;
  }
  for (const [pattern, name] of SIGNATURES) if (pattern.test(head)) return name;
  return null;
}

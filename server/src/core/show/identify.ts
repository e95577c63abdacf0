// Says what a text that is not `show vpn load-balancing` output looks like instead, so that a refusal can name it
// ("it looks like the output of `show version`") rather than leave the user guessing.

/** A prompt with the command typed after it: `asa1# show version`, `asa1(config)# show run`. */
// The command runs to the end of the line; its trailing spaces are trimmed in code, not by a competing `\s*`.
const PROMPT_COMMAND = /^[ \t]*[A-Za-z0-9][\w.-]*(?:\([\w-]+\))?[#>][ \t]*(\S.*)$/;

/** Distinctive lines of outputs that get pasted by mistake, with what to call them (indentation by spaces or tabs only:
 * `\s` with the m flag would cross line ends, quadratic on a text of blank lines). */
const SIGNATURES: readonly [RegExp, string][] = [
  [
    /^[ \t]*Cisco Adaptive Security Appliance Software Version\b|^[ \t]*Cisco PIX Security Appliance Software Version\b|^[ \t]*Licensed features for this platform:/m,
    'the output of `show version`',
  ],
  [/^(?:ASA|PIX) Version \S+|^: Saved\b/m, 'a running-config'],
  [/^[ \t]*VPN Session Summary\b/m, 'the output of `show vpn-sessiondb summary`'],
  [/^[ \t]*Session Type: /m, 'the output of `show vpn-sessiondb`'],
  [/^[ \t]*(?:Interface \S+ "[^"]*", is (?:up|down|administratively down))/m, 'the output of `show interface`'],
];

/** Whether a typed command is (an abbreviation of) `show vpn load-balancing`. */
function isShowVpnLb(command: string): boolean {
  const words = command.toLowerCase().split(/\s+/);
  return (
    words.length >= 3 &&
    'show'.startsWith(words[0]!) &&
    words[0]!.length >= 2 &&
    'vpn'.startsWith(words[1]!) &&
    'load-balancing'.startsWith(words[2]!) &&
    words[2]!.length >= 2
  );
}

/** What the text looks like, as a phrase ("the output of `show version`"), or null when nothing tells. */
export function whatItLooksLike(text: string): string | null {
  const head = text.slice(0, 64 * 1024);
  for (const line of head.split(/\r\n|\r|\n/, 200)) {
    const m = PROMPT_COMMAND.exec(line);
    if (!m) continue;
    const command = m[1]!.trimEnd();
    // The typed command is the best evidence, unless it is the one this parser reads.
    if (isShowVpnLb(command)) break;
    return `the output of \`${command.length > 60 ? `${command.slice(0, 60)}…` : command}\``;
  }
  for (const [pattern, name] of SIGNATURES) if (pattern.test(head)) return name;
  return null;
}

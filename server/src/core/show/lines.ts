// Splits captured command output into trimmed lines of whitespace tokens, whatever the line endings and indentation.

export interface ShowLine {
  /** 0-based line number in the original text. */
  line: number;
  /** The line without leading/trailing blanks, tabs turned into spaces. */
  text: string;
  tokens: string[];
}

/** A device prompt with or without a command after it: `vASA-VPN-20#show vpn load-balancing`, `asa1(config)# `, `asa1>`. */
const PROMPT = /^[A-Za-z0-9][\w.-]*(\([\w-]+\))?[#>]/;

/** Table rules: dashes (or equals signs) in one or more runs, as under every table heading. */
const RULE = /^[-=]+(\s+[-=]+)*$/;

/**
 * The meaningful lines of the output: blank lines, table rules and prompt lines are dropped.
 * Lines are split on CRLF, CR or LF; a missing final newline changes nothing; indentation of any depth
 * is removed, since captures pasted from scripts or mail are often indented as a whole.
 */
export function meaningfulLines(text: string): ShowLine[] {
  const result: ShowLine[] = [];
  const raw = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < raw.length; i++) {
    const trimmed = raw[i]!.replace(/\t/g, ' ').trim();
    if (trimmed === '' || RULE.test(trimmed) || PROMPT.test(trimmed)) continue;
    result.push({ line: i, text: trimmed, tokens: trimmed.split(/\s+/) });
  }
  return result;
}

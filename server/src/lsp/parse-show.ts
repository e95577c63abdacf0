// `asaLb/parseShow`: parses pasted `show vpn load-balancing` output for the preview, with the parser's warnings.
import { parseShowVpnLoadBalancing } from '../core/show/index';
import type { ParseShowParams, ParseShowResult } from '../protocol';

export function parseShowRequest(params: ParseShowParams | null | undefined): ParseShowResult {
  if (typeof params?.text !== 'string') return { ok: false, error: 'text: must be the captured output as a string' };
  const parsed = parseShowVpnLoadBalancing(params.text);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  return { ok: true, value: parsed.value, warnings: parsed.warnings.map((w) => `line ${w.line + 1}: ${w.message}`) };
}

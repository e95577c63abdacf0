// Renders the `asaLb.diagnostics.<code>` settings of package.json from the code table, so the settings users see
// cannot drift from the codes the product reports. package-contributes.test.ts compares and, with UPDATE_GOLDEN=1, refreshes.
import { CODES } from '../../server/src/core/checks/codes';

export const DIAGNOSTICS_SECTION_TITLE = 'ASA VPN Load Balancing: Diagnostics';
export const DIAGNOSTIC_SETTING_PREFIX = 'asaLb.diagnostics.';
export const SEVERITY_SETTINGS = ['error', 'warning', 'information', 'hint', 'off'] as const;

// A type alias, not an interface, so that it is assignable to the manifest's generic property records.
export type SettingSchema = {
  type: 'string';
  enum: string[];
  enumDescriptions: string[];
  default: string;
  scope: 'resource';
  markdownDescription: string;
};

const ENUM_DESCRIPTIONS = [
  'Report it as an error.',
  'Report it as a warning.',
  'Report it as information.',
  'Show it as a hint (dotted underline, not in the Problems panel).',
  'Do not report it.',
];

/** One setting per code, in the table's order. */
export function diagnosticSettings(): Record<string, SettingSchema> {
  const properties: Record<string, SettingSchema> = {};
  for (const code of CODES) {
    // A code whose severity depends on the device (error when it participates) keeps that rule only while unset;
    // the extension sends the server explicit values only, so the default here is documentation, not an override.
    const defaultText = code.severityNote
      ? `Default: ${code.severity}, or ${code.severityNote}. A value set here applies in every case.`
      : `Default: ${code.severity}.`;
    properties[`${DIAGNOSTIC_SETTING_PREFIX}${code.code}`] = {
      type: 'string',
      enum: [...SEVERITY_SETTINGS],
      enumDescriptions: ENUM_DESCRIPTIONS,
      default: code.severity,
      scope: 'resource',
      markdownDescription: `**\`${code.code}\`** — ${code.when} ${code.why}\n\n${defaultText}`,
    };
  }
  return properties;
}

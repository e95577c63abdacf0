// The `asaLb` settings as the server receives them: severity overrides only where the user set one, as the CLI's
// `--config` file holds them. Sending every default instead would turn a default into an override, and for codes
// whose severity depends on the device (`lb-interface-missing`: error when participating) that changes behaviour.
import * as vscode from 'vscode';
import { DidChangeConfigurationNotification, type BaseLanguageClient, type Middleware } from 'vscode-languageclient';

type WorkspaceMiddleware = NonNullable<Middleware['workspace']>;

const SECTION = 'asaLb';
const DIAGNOSTICS = 'diagnostics';

/** The severity settings the user set at any level (user, workspace, folder, language), by code. */
export function explicitDiagnostics(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  const all = config.get<Record<string, unknown>>(DIAGNOSTICS) ?? {};
  const explicit: Record<string, unknown> = {};
  for (const code of Object.keys(all)) {
    const inspected = config.inspect(`${DIAGNOSTICS}.${code}`);
    const value =
      inspected?.workspaceFolderLanguageValue ??
      inspected?.workspaceLanguageValue ??
      inspected?.globalLanguageValue ??
      inspected?.workspaceFolderValue ??
      inspected?.workspaceValue ??
      inspected?.globalValue;
    if (value !== undefined) explicit[code] = value;
  }
  return explicit;
}

/** The whole `asaLb` section for the server, with `diagnostics` reduced to explicit values. */
export function serverSettings(scope?: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SECTION, scope);
  return {
    deviceFiles: config.get('deviceFiles'),
    preview: config.get('preview'),
    trace: config.get('trace'),
    diagnostics: explicitDiagnostics(scope),
  };
}

/**
 * Rewrites both ways the server can learn the settings: the `workspace/configuration` pull and the
 * `workspace/didChangeConfiguration` push that `synchronize.configurationSection` sends.
 */
export function settingsMiddleware(client: () => BaseLanguageClient | undefined): WorkspaceMiddleware {
  return {
    configuration: async (params, token, next) => {
      const values = await next(params, token);
      if (!Array.isArray(values)) return values;
      return values.map((value: unknown, i) => {
        const item = params.items[i];
        const scope = item?.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined;
        if (item?.section === SECTION) return serverSettings(scope);
        if (item?.section === `${SECTION}.${DIAGNOSTICS}`) return explicitDiagnostics(scope);
        return value;
      });
    },
    didChangeConfiguration: async () => {
      await client()?.sendNotification(DidChangeConfigurationNotification.type, {
        settings: { [SECTION]: serverSettings() },
      });
    },
  };
}

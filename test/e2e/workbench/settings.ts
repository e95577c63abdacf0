// The user settings every end-to-end workbench starts with: they keep the workbench's own noise (welcome page, tips,
// update checks, the workspace-trust dialog) out of the way of the tests and the screenshots.
export const QUIET_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'files.autoSave': 'off',
  // With workspace trust on, a new folder stays in Restricted Mode instead of opening a modal dialog that asks.
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
  'chat.commandCenter.enabled': false,
};

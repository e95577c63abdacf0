// The product's name, one spelling for everything users read: the Marketplace entry, settings, output channels, the
// status bar and messages (package.json holds the same words; test/client/package-contributes.test.ts compares them).

/** The display name: package.json's displayName, the settings' titles, the output channel, the status-bar entry. */
export const PRODUCT_NAME = 'ASA VPN Load Balancing';

/** The commands' category in the Command Palette: the same name, shortened where it prefixes every command. */
export const COMMAND_CATEGORY = 'ASA VPN LB';

/** The output channel of the language-server trace (`asaLb.trace.server`). */
export const TRACE_CHANNEL_NAME = `${PRODUCT_NAME} Trace`;

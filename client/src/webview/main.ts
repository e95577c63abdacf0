// The redirect preview page's entry point, bundled to dist/webview.js: connects the page to its host and starts it.
import { App } from './app';
import { Host } from './host';

// The host delivers messages only after `start` has asked for them (`ready`), so `app` is assigned by then.
const host = new Host((message) => app.receive(message));
const app = new App(host);
app.start();

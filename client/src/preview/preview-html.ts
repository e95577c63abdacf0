// The redirect preview's HTML shell: a strict content-security policy with a per-load nonce, the page script and
// stylesheet from the extension's own folders, and static markup only. Everything from a config is added later by
// the page script with textContent, never here. Pure, so the browser tests load exactly this document.

export interface PreviewHtmlInput {
  /** `webview.cspSource`: the origin the webview serves the extension's local resources from. */
  cspSource: string;
  /** A fresh value for every load (see `createNonce`). */
  nonce: string;
  /** `webview.asWebviewUri` of dist/webview.js and client/media/preview.css. */
  scriptUri: string;
  styleUri: string;
}

/** 128 random bits, base64: a nonce nobody can guess, so no injected script can carry it. */
export function createNonce(): string {
  // Web Crypto, which both extension hosts have (Node's as a global since 19, and every web worker).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The policy: nothing by default, scripts only with the nonce, styles and images only from the extension. */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return (
    [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src ${cspSource} 'nonce-${nonce}'`,
      `img-src ${cspSource} data:`,
    ].join('; ') + ';'
  );
}

export function previewHtml(input: PreviewHtmlInput): string {
  const attr = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(input.styleUri)}" nonce="${attr(input.nonce)}">
<title>Redirect preview</title>
</head>
<body>
<div id="announce" class="visually-hidden" role="status"></div>
<main id="app" aria-busy="true">
<header class="title">
<h1 id="title">Redirect preview</h1>
<p id="subtitle" class="muted"></p>
</header>
<p id="notice" class="notice" role="status" hidden></p>
<p id="split" class="notice" role="status" hidden></p>
<p id="import-notice" class="notice" role="status" hidden></p>
<section id="next-section" aria-labelledby="next-heading" hidden>
<h2 id="next-heading">Next session</h2>
<div id="next" class="cards"></div>
</section>
<section id="members-section" aria-labelledby="members-heading" hidden>
<h2 id="members-heading">Members</h2>
<div class="toolbar">
<label for="director">Current director</label>
<select id="director"></select>
<span id="director-note" class="muted"></span>
</div>
<div id="members" class="member-tables"></div>
<p id="excluded" class="muted" hidden></p>
</section>
<section id="place-section" aria-labelledby="place-heading" hidden>
<h2 id="place-heading">Place sessions</h2>
<form id="place-form" class="toolbar place-form" aria-labelledby="place-heading" novalidate>
<span class="field"><label for="place-count">New sessions</label>
<input id="place-count" type="number" min="1" max="1000" step="1" required aria-describedby="place-count-error"></span>
<span class="field"><label for="place-type">Session type</label>
<select id="place-type"><option value="ssl">SSL</option><option value="ipsec">IPsec</option></select></span>
<span class="field"><label for="fail-member">Member that fails</label>
<select id="fail-member"></select></span>
<span class="field"><label id="fail-before-label" for="fail-before">Fails after</label>
<input id="fail-before" type="number" min="0" step="1" aria-labelledby="fail-before-label fail-before-unit" aria-describedby="fail-before-error">
<span id="fail-before-unit">new sessions</span></span>
<button id="place-run" type="submit">Place sessions</button>
</form>
<p id="place-count-error" class="field-error" hidden></p>
<p id="fail-before-error" class="field-error" hidden></p>
<p id="place-summary" class="summary"></p>
<figure id="chart-figure" aria-labelledby="chart-caption" hidden>
<div id="chart"></div>
<figcaption id="chart-caption" class="muted"></figcaption>
<p id="chart-description" class="visually-hidden"></p>
<div class="toolbar"><button id="chart-table-toggle" type="button" class="secondary" aria-expanded="false" aria-controls="chart-table-wrap">Show as table</button></div>
<div id="chart-table-wrap" class="table-scroll" role="region" aria-labelledby="chart-table-caption" tabindex="0" hidden><table id="chart-table"></table></div>
</figure>
<div id="failure" hidden>
<h3 id="failure-heading">Failure</h3>
<ul id="failure-facts"></ul>
<figure id="keepalive-figure" hidden>
<div id="keepalive"></div>
<figcaption class="muted">How a member notices that the director is gone: keepalives stop being answered, five retries four seconds apart, then an election (the product's reading of the chapter's "repeats five times").</figcaption>
</figure>
<details id="keepalive-details">
<summary>The timeline in words</summary>
<ol id="keepalive-steps" class="keepalive-steps"></ol>
</details>
</div>
<div id="steps-section" hidden>
<h3 id="steps-heading">Decisions, one by one</h3>
<div class="toolbar">
<button id="step-first" type="button" class="secondary">First</button>
<button id="step-prev" type="button" class="secondary" aria-label="Previous decision">◀ Previous</button>
<span id="step-position"></span>
<button id="step-next" type="button" class="secondary" aria-label="Next decision">Next ▶</button>
<button id="step-last" type="button" class="secondary">Last</button>
</div>
<ol id="steps" class="steps" role="listbox" tabindex="0" aria-labelledby="steps-heading" aria-describedby="steps-help"></ol>
<p id="steps-help" class="muted">Arrow keys move through the decisions, Page Up and Page Down by ten; Home and End jump to the first and last.</p>
</div>
</section>
<section id="import-section" aria-labelledby="import-heading" hidden>
<h2 id="import-heading">Import show vpn load-balancing</h2>
<p class="muted">Paste the output of <code>show vpn load-balancing</code> from a member: the sessions and limits of each peer fill the members with the same public address, and the unit marked as director becomes the current director.</p>
<label for="show-text" class="visually-hidden">show vpn load-balancing output</label>
<textarea id="show-text" rows="8" spellcheck="false"></textarea>
<div class="toolbar"><button id="show-import" type="button">Import</button><button id="show-clear" type="button" class="secondary">Reset sessions</button></div>
<div id="import-result" role="status"></div>
</section>
</main>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}

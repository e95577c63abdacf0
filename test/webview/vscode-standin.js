// Runs in the preview page before its script, standing in for VS Code's webview environment: `acquireVsCodeApi`
// (messages go to the test's StandInHost through the `__asaLbHost` binding; state lives in sessionStorage, so a
// reload keeps it as VS Code keeps `setState`), the theme's CSS variables and body class, and a record of every
// content-security-policy violation. Plain JavaScript, because the browser runs it as it is.
(function () {
  'use strict';
  // The test names the session and the theme in the page address: each session has its own saved state.
  var query = new URLSearchParams(location.search);
  var key = 'asaLb.previewState.' + (query.get('session') || '0');
  var themes = window.__asaLbThemes || {};
  var theme = themes[query.get('theme') || 'dark'] || { bodyClass: 'vscode-dark', variables: {} };
  var acquired = false;
  window.acquireVsCodeApi = function () {
    if (acquired) throw new Error('acquireVsCodeApi may be called only once');
    acquired = true;
    return {
      postMessage: function (message) {
        void window.__asaLbHost(message);
      },
      getState: function () {
        var saved = sessionStorage.getItem(key);
        return saved === null ? undefined : JSON.parse(saved);
      },
      setState: function (state) {
        sessionStorage.setItem(key, JSON.stringify(state));
      },
    };
  };
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', function (event) {
    window.__cspViolations.push({
      directive: event.violatedDirective,
      blocked: event.blockedURI,
      sample: event.sample,
    });
  });
  // VS Code sets theme colours as CSS variables on <html> and a theme class on <body>, through the CSSOM (which the
  // CSP allows). The document has no elements yet when this runs, so they are applied once it is parsed.
  document.addEventListener('DOMContentLoaded', function () {
    Object.keys(theme.variables).forEach(function (name) {
      document.documentElement.style.setProperty(name, theme.variables[name]);
    });
    document.body.classList.add(theme.bodyClass);
  });
})();

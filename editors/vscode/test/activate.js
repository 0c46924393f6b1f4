// Loads extension.js with stand-ins for the `vscode` API and the language client, and
// checks what it starts: `scrapelint.path` with `server` and `scrapelint.args`, in the
// workspace folder, for plain-text and Markdown files; a settings change restarts it.
// Run by tests/editors.rs: `node editors/vscode/test/activate.js` (no npm install needed).
"use strict";

const assert = require("node:assert");
const Module = require("node:module");

const settings = { path: "/opt/bin/scrapelint", args: ["--rules", "house.toml"] };
const started = [];
const stopped = [];
let configListener;

class LanguageClient {
  constructor(id, name, serverOptions, clientOptions) {
    this.options = { id, name, serverOptions, clientOptions };
  }
  async start() {
    started.push(this.options);
  }
  async stop() {
    stopped.push(this.options);
  }
}

const vscode = {
  workspace: {
    getConfiguration: (section) => {
      assert.strictEqual(section, "scrapelint");
      return { get: (key) => settings[key] };
    },
    workspaceFolders: [{ uri: { fsPath: "/work/corpus" } }],
    onDidChangeConfiguration: (f) => {
      configListener = f;
      return { dispose() {} };
    },
  },
  commands: { registerCommand: () => ({ dispose() {} }) },
  window: { showErrorMessage: (m) => assert.fail(`unexpected error: ${m}`) },
};
const stubs = {
  vscode,
  "vscode-languageclient/node": { LanguageClient, TransportKind: { stdio: 0 } },
};
const load = Module._load;
Module._load = function (request, ...rest) {
  return request in stubs ? stubs[request] : load.call(this, request, ...rest);
};

const extension = require("../extension.js");

(async () => {
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.strictEqual(started.length, 1);
  const { serverOptions, clientOptions } = started[0];
  assert.strictEqual(serverOptions.command, "/opt/bin/scrapelint");
  assert.deepStrictEqual(serverOptions.args, ["server", "--rules", "house.toml"]);
  assert.deepStrictEqual(serverOptions.options, { cwd: "/work/corpus" });
  const languages = clientOptions.documentSelector.map((s) => s.language);
  assert.ok(languages.includes("plaintext") && languages.includes("markdown"));
  assert.strictEqual(context.subscriptions.length, 2);

  settings.args = [];
  await configListener({ affectsConfiguration: (s) => s === "scrapelint" });
  await new Promise((r) => setTimeout(r, 10));
  assert.strictEqual(stopped.length, 1, "the old server is stopped");
  assert.strictEqual(started.length, 2, "a new one is started");
  assert.deepStrictEqual(started[1].serverOptions.args, ["server"]);

  await configListener({ affectsConfiguration: () => false });
  await new Promise((r) => setTimeout(r, 10));
  assert.strictEqual(started.length, 2, "other settings do not restart it");
  await extension.deactivate();
  console.log("ok: extension starts and restarts scrapelint server");
})().catch((e) => {
  console.error(e);
  process.exit(1);
});

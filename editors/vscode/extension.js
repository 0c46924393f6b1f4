// scrapelint for VS Code: starts `scrapelint server` (a language server over stdio)
// for plain-text and Markdown files and restarts it when its settings change.
"use strict";

const vscode = require("vscode");
const { LanguageClient, TransportKind } = require("vscode-languageclient/node");

let client;

function serverOptions() {
  const config = vscode.workspace.getConfiguration("scrapelint");
  const command = config.get("path") || "scrapelint";
  const args = ["server", ...(config.get("args") || [])];
  // The server finds scrapelint.toml from its working directory, like `check` does.
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  return {
    command,
    args,
    transport: TransportKind.stdio,
    options: folder ? { cwd: folder } : {},
  };
}

async function start(context) {
  client = new LanguageClient(
    "scrapelint",
    "scrapelint",
    serverOptions(),
    {
      documentSelector: [
        { scheme: "file", language: "plaintext" },
        { scheme: "file", language: "markdown" },
        { scheme: "untitled", language: "plaintext" },
        { scheme: "untitled", language: "markdown" },
      ],
    },
  );
  try {
    await client.start();
  } catch (err) {
    const path = vscode.workspace.getConfiguration("scrapelint").get("path");
    vscode.window.showErrorMessage(
      `scrapelint: cannot start \`${path} server\` (${err.message}). ` +
        "Install scrapelint or set `scrapelint.path`.",
    );
  }
}

async function restart(context) {
  if (client) {
    await client.stop().catch(() => {});
  }
  await start(context);
}

async function activate(context) {
  context.subscriptions.push(
    vscode.commands.registerCommand("scrapelint.restart", () => restart(context)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration("scrapelint")) {
        restart(context);
      }
    }),
  );
  await start(context);
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };

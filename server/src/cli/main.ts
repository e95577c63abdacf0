// The `asa-lb` command line: check, fix, script, simulate, show and lsp. It writes what the commands return and sets the exit code.
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { runCheck, type CheckFormat } from './check';
import { defaultJobs, isCheckWorker, serveCheckWorker } from './check-pool';
import { runShow } from './show';
import { EXIT_BAD_INPUT, type CommandResult } from './command-result';
import { runSimulate } from './simulate';
import { runScript, type ScriptFormat } from './script';
import { runFix, type FixFormat } from './fix';
import { TOOL_NAME, TOOL_VERSION } from '../tool-info';

// A reader that stops early (`asa-lb check … | head`) closes the pipe. The output is no longer wanted, but the exit
// status still is (a CI step with pipefail), so the command goes on without writing rather than dying with a stack
// trace.
let readerGone = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  readerGone = true;
});

function writeOut(chunk: string): void {
  if (!readerGone) process.stdout.write(chunk);
}

function emit(result: CommandResult): void {
  if (result.stdout) writeOut(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

export function buildProgram(): Command {
  const program = new Command(TOOL_NAME)
    .description('Checks Cisco ASA VPN load-balancing configs, simulates the director, and serves the language server.')
    .version(TOOL_VERSION)
    .showHelpAfterError()
    .exitOverride();

  program
    .command('check')
    .description('check device configs and change scripts as one workspace (folders are searched recursively)')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'json', 'sarif', 'codequality'])
        .default('text'),
    )
    .option('--config <file>', 'JSON settings: severities per code and device-file patterns')
    .option(
      '--only-device-files',
      'skip named files that do not look like device configs, and accept finding none (for hooks)',
    )
    .option(
      '--jobs <n>',
      `worker threads that check files (default: one per 2 MB of files, at most one per core, here ${defaultJobs()})`,
      (value) => (/^\d+$/.test(value) ? Number(value) : NaN),
    )
    .argument('<path...>', 'files or folders')
    .action(
      async (
        paths: string[],
        options: { format: CheckFormat; config?: string; onlyDeviceFiles?: boolean; jobs?: number },
      ) =>
        // The report is written as it is made, so a large repository's text report starts at once.
        emit(await runCheck(paths, { ...options, write: writeOut })),
    );

  program
    .command('simulate')
    .description("place sessions with the director's redirect rules and explain each decision")
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .argument('<scenario>', 'scenario JSON file (- for standard input)')
    .action(async (path: string, options: { format: 'text' | 'json' }) => emit(await runSimulate(path, options)));

  program
    .command('show')
    .description("parse 'show vpn load-balancing' output into JSON")
    .addOption(new Option('--format <format>', 'output format').choices(['json', 'text']).default('json'))
    .argument('<file>', 'captured output (- for standard input)')
    .action(async (path: string, options: { format: 'json' | 'text' }) => emit(await runShow(path, options)));

  program
    .command('fix')
    .description('apply every unambiguous quick fix, check again, repeat; print diffs (or --write the files)')
    .option('--write', 'rewrite the files (byte for byte apart from the fixes) instead of printing diffs')
    .addOption(new Option('--format <format>', 'output format').choices(['diff', 'json']).default('diff'))
    .argument('<path...>', 'files or folders')
    .action(async (paths: string[], options: { write?: boolean; format: FixFormat }) =>
      emit(await runFix(paths, options)),
    );

  program
    .command('script')
    .description(
      'the change script that turns the device whose running-config is BASE into TARGET, in the order the device accepts',
    )
    .addOption(new Option('--format <format>', 'output format').choices(['text', 'transcript', 'json']).default('text'))
    .option('--force', 'script even between two devices, or towards a TARGET with errors')
    .argument('<base>', "the device's running-config now")
    .argument('<target>', 'the running-config it should have')
    .action(async (base: string, target: string, options: { format: ScriptFormat; force?: boolean }) =>
      emit(await runScript(base, target, options)),
    );

  program
    .command('lsp')
    .description('start the language server (for editors other than VS Code)')
    .option('--stdio', 'talk LSP on standard input and output (the default)')
    .option('--node-ipc', 'talk LSP over node IPC (when started by a node parent process)')
    .option('--clientProcessId <pid>', 'exit when this editor process exits')
    // Editors add transport arguments of their own (`--socket=N`, `--pipe=NAME`); the server reads them itself.
    // Commander counts an unknown option as an argument, so those are allowed too.
    .allowUnknownOption()
    .allowExcessArguments()
    // The language server is a bundle of its own beside this one (server.js, the file the extension starts), loaded
    // only here: compiling its protocol libraries would slow every other command's start.
    .action(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a file beside the bundle, not a module to bundle
      require(join(__dirname, 'server.js'));
    });

  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; every usage error is exit status 2, as the README documents.
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
      return;
    }
    process.stderr.write(`${TOOL_NAME}: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}

// The check's worker threads run this same bundle; they serve files instead of parsing a command line.
if (isCheckWorker()) serveCheckWorker();
else void main(process.argv);

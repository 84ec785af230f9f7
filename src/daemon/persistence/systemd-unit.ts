import path from 'node:path';
import { writeFileAtomicSync } from './atomic-write.js';

export interface UnitOptions {
  /** The user the daemon and its apps run as. */
  user: string;
  /** $PMDAEMON_HOME of that user. */
  home: string;
  /** Absolute path of node (process.execPath). */
  node: string;
  /** Absolute path of dist/bin/pmdaemon.js. */
  bin: string;
  /** PATH for the apps, so interpreters found from the shell are found at boot too. */
  path?: string;
}

/** `pmdaemon startup` could not write the unit file. */
export class UnitInstallError extends Error {
  override readonly name = 'UnitInstallError';
}

/** The conventional unit name for `user`'s daemon. */
export function defaultUnitName(user: string): string {
  return `pmdaemon-${user}`;
}

/**
 * A systemd unit running `pmdaemon resurrect` at boot and `pmdaemon kill` at shutdown. The
 * default KillMode=control-group is kept on purpose: RemainAfterExit=yes keeps the unit active
 * after resurrect exits, so systemd leaves the detached daemon in its cgroup alone until stop,
 * and at stop it removes whatever `pmdaemon kill` left behind.
 */
export function systemdUnit(options: UnitOptions): string {
  const command = (verb: string): string => [options.node, options.bin, verb].map(execArg).join(' ');
  const lines = [
    '[Unit]',
    `Description=pmdaemon process manager of ${plain(options.user)}`,
    'After=network.target',
    '',
    '[Service]',
    'Type=oneshot',
    'RemainAfterExit=yes',
    `User=${plain(options.user)}`,
    'LimitNOFILE=infinity',
    `Environment=${envValue(`PMDAEMON_HOME=${options.home}`)}`,
    ...(options.path ? [`Environment=${envValue(`PATH=${options.path}`)}`] : []),
    `ExecStart=${command('resurrect')}`,
    `ExecStop=${command('kill')}`,
    '',
    '[Install]',
    'WantedBy=multi-user.target',
    '',
  ];
  return lines.join('\n');
}

/** Writes `text` as `<dir>/<name>.service` and returns the file's path. */
export function installUnit(text: string, options: { name: string; dir?: string }): string {
  const base = options.name.endsWith('.service') ? options.name : `${options.name}.service`;
  if (!/^[A-Za-z0-9:_.@-]+$/.test(base)) throw new UnitInstallError(`"${options.name}" is not a valid systemd unit name`);
  const file = path.join(options.dir ?? '/etc/systemd/system', base);
  try {
    writeFileAtomicSync(file, text, 0o644);
  } catch (error) {
    const hint = (error as NodeJS.ErrnoException).code === 'EACCES' ? ' (run it as root, e.g. with sudo)' : '';
    throw new UnitInstallError(`cannot write ${file}: ${(error as Error).message}${hint}`, { cause: error });
  }
  return file;
}

/** A command-line word: `%` specifiers and `$` variables escaped, quoted when it has blanks or quotes. */
function execArg(word: string): string {
  return quoted(noNewline(word).replaceAll('%', '%%').replaceAll('$', '$$$$'));
}

/** An Environment= assignment: specifiers escaped (no `$` expansion happens there). */
function envValue(assignment: string): string {
  return quoted(noNewline(assignment).replaceAll('%', '%%'));
}

function plain(value: string): string {
  return noNewline(value).replaceAll('%', '%%');
}

function quoted(value: string): string {
  if (!/[\s"'\\;]/.test(value)) return value;
  return `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;
}

function noNewline(value: string): string {
  if (/[\r\n]/.test(value)) throw new UnitInstallError(`a systemd unit value cannot contain a line break: ${JSON.stringify(value)}`);
  return value;
}

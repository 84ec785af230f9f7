import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultUnitName, installUnit, systemdUnit, UnitInstallError } from '../../../src/daemon/persistence/systemd-unit.js';

const options = {
  user: 'alice',
  home: '/home/alice/.pmdaemon',
  node: '/usr/bin/node',
  bin: '/opt/pmdaemon/dist/bin/pmdaemon.js',
  path: '/usr/local/bin:/usr/bin:/bin',
};

/** The unit's `Key=value` lines of one section, in order. */
function section(unit: string, name: string): string[] {
  const body = unit.split(/^\[/m).find((part) => part.startsWith(`${name}]`)) ?? '';
  return body.split('\n').slice(1).filter((line) => line.includes('='));
}

describe('systemdUnit', () => {
  it('runs resurrect once at boot and kill at stop, as the user, with its home and PATH', () => {
    const unit = systemdUnit(options);
    expect(section(unit, 'Unit')).toEqual(['Description=pmdaemon process manager of alice', 'After=network.target']);
    expect(section(unit, 'Service')).toEqual([
      'Type=oneshot',
      'RemainAfterExit=yes',
      'User=alice',
      'LimitNOFILE=infinity',
      'Environment=PMDAEMON_HOME=/home/alice/.pmdaemon',
      'Environment=PATH=/usr/local/bin:/usr/bin:/bin',
      'ExecStart=/usr/bin/node /opt/pmdaemon/dist/bin/pmdaemon.js resurrect',
      'ExecStop=/usr/bin/node /opt/pmdaemon/dist/bin/pmdaemon.js kill',
    ]);
    expect(section(unit, 'Install')).toEqual(['WantedBy=multi-user.target']);
  });

  it('keeps the default KillMode, so systemd cleans up after kill at stop', () => {
    expect(systemdUnit(options)).not.toMatch(/KillMode/);
  });

  it('quotes paths with spaces and escapes specifiers and variables', () => {
    const unit = systemdUnit({ ...options, home: '/srv/my apps/100%', bin: '/opt/$pm "d"/pmdaemon.js', path: undefined });
    expect(unit).toContain('Environment="PMDAEMON_HOME=/srv/my apps/100%%"');
    expect(unit).toContain('ExecStart=/usr/bin/node "/opt/$$pm \\"d\\"/pmdaemon.js" resurrect');
    expect(unit).not.toContain('PATH=');
  });

  it('refuses a value with a line break, which would inject unit lines', () => {
    expect(() => systemdUnit({ ...options, home: '/x\nExecStartPre=/bin/evil' })).toThrow(UnitInstallError);
  });
});

describe('installUnit', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pmd-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes <name>.service readable by systemd and returns its path', () => {
    const file = installUnit('[Unit]\n', { name: defaultUnitName('alice'), dir });
    expect(file).toBe(path.join(dir, 'pmdaemon-alice.service'));
    expect(fs.readFileSync(file, 'utf8')).toBe('[Unit]\n');
    expect(fs.statSync(file).mode & 0o777).toBe(0o644);
    expect(installUnit('x', { name: 'other.service', dir })).toBe(path.join(dir, 'other.service'));
  });

  it('says what to do when the directory cannot be written', () => {
    expect(() => installUnit('x', { name: 'bad/name', dir })).toThrow(/not a valid systemd unit name/);
    expect(() => installUnit('x', { name: 'p', dir: path.join(dir, 'missing') })).toThrow(UnitInstallError);
  });
});

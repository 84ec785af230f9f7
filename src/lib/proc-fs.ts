import fs from 'node:fs';

// /proc entries vanish or deny access (other users' processes) at any moment: skip them silently.

export function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

export function readDirOrEmpty(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export function readLinkOrEmpty(link: string): string {
  try {
    return fs.readlinkSync(link);
  } catch {
    return '';
  }
}

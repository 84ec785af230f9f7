import os from 'node:os';
import fs from 'node:fs';

/** Kernel units that /proc figures are given in. */
export interface SystemConstants {
  pageSize: number;
  clockTicks: number;
}

const AT_PAGESZ = 6;
const AT_CLKTCK = 17;
// The values on every common Linux (x86_64, arm64 with 4K pages), used when auxv cannot be read.
const FALLBACK: SystemConstants = { pageSize: 4096, clockTicks: 100 };

/**
 * Reads the page size and USER_HZ from the kernel's auxiliary vector of this process — one small
 * read, where `getconf` would cost a process spawn.
 */
export function readSystemConstants(procRoot = '/proc'): SystemConstants {
  let auxv: Buffer;
  try {
    auxv = fs.readFileSync(`${procRoot}/self/auxv`);
  } catch {
    return FALLBACK;
  }
  return parseAuxv(auxv, process.arch.includes('64') ? 8 : 4, os.endianness());
}

/** Extracts page size and clock ticks from a raw auxv, keeping the fallback for absurd values. */
export function parseAuxv(auxv: Buffer, wordSize: 4 | 8, endianness: 'BE' | 'LE'): SystemConstants {
  const word = (offset: number): number => {
    if (wordSize === 4) return endianness === 'LE' ? auxv.readUInt32LE(offset) : auxv.readUInt32BE(offset);
    return Number(endianness === 'LE' ? auxv.readBigUInt64LE(offset) : auxv.readBigUInt64BE(offset));
  };
  let { pageSize, clockTicks } = FALLBACK;
  for (let offset = 0; offset + 2 * wordSize <= auxv.length; offset += 2 * wordSize) {
    const type = word(offset);
    const value = word(offset + wordSize);
    if (type === AT_PAGESZ && value >= 1024 && (value & (value - 1)) === 0) pageSize = value;
    if (type === AT_CLKTCK && value >= 1 && value <= 100_000) clockTicks = value;
  }
  return { pageSize, clockTicks };
}

export { ByteRing } from './byte-ring.js';
export { createIngestGc, sharedIngestGc, type IngestGc } from './ingest-gc.js';
export { createLineTail, type LineTail, type LineTailOptions } from './line-tail.js';
export { LogFileError, type LogFileOperation } from './log-file-error.js';
export { createLogFiles, type LogFiles } from './log-files.js';
export { logPaths, logsDir, type LogPaths } from './log-paths.js';
export { pipeLogs, type PipeLogsOptions } from './log-pipe.js';
export { openRotatingFile, type RotatingFile, type RotationOptions } from './rotating-file.js';

// The bench's app for both tools: test/fixtures/lb-app.mjs, which drains only on SIGTERM, plus
// the same graceful drain on SIGINT (PM2's default kill signal), so both tools get one behaviour.
process.on('SIGINT', () => process.emit('SIGTERM', 'SIGTERM'));
await import('../../test/fixtures/lb-app.mjs');

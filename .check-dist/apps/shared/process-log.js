Object.defineProperty(exports, '__esModule', { value: true });
exports.jsonLogLine = jsonLogLine;
exports.sdkLogger = sdkLogger;
exports.processLog = processLog;
// The processes' own log lines and the Temporal SDK's, in the configured format (config/log-format.ts).
// In JSON every line is one object: time, level, message, and the SDK's correlation fields (namespace,
// taskQueue, workflowId, runId, activityId …) as they come; the API's lines come from Nest's JSON
// console logger and carry the request's correlation id in the error filter's messages.
const worker_1 = require('@temporalio/worker');
const timeOf = (entry) => new Date(Number(entry.timestampNanos / 1000000n)).toISOString();
/** One JSON line for an SDK log entry (its metadata flattened beside the message). */
function jsonLogLine(entry) {
  return JSON.stringify({ time: timeOf(entry), level: entry.level, message: entry.message, ...entry.meta });
}
/** The SDK's logger for Runtime.install: JSON lines on stdout; undefined keeps the SDK's default. */
function sdkLogger(format, level = 'INFO') {
  if (format !== 'json') return undefined;
  return new worker_1.DefaultLogger(level, (entry) => process.stdout.write(`${jsonLogLine(entry)}\n`));
}
/** A line of the process's own (start-up, shutdown) output, in the configured format. */
function processLog(format, level, message) {
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ time: new Date().toISOString(), level: level.toUpperCase(), message })}\n`,
    );
  } else if (level === 'warn') console.warn(message);
  else console.log(message);
}
//# sourceMappingURL=process-log.js.map

Object.defineProperty(exports, '__esModule', { value: true });
exports.hasStartDelay = hasStartDelay;
/** Whether the workflow was started with a start delay (its first task backed off), from its first event. */
function hasStartDelay(started) {
  const backoff = started?.workflowExecutionStartedEventAttributes?.firstWorkflowTaskBackoff;
  return Number(backoff?.seconds ?? 0) > 0 || (backoff?.nanos ?? 0) > 0;
}
//# sourceMappingURL=start-delay.js.map

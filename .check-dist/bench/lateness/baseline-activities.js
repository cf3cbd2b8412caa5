// The baseline's only activity: tell the bench's arrival recorder that `key` arrived.
Object.defineProperty(exports, '__esModule', { value: true });
exports.createArrivalActivities = createArrivalActivities;
function createArrivalActivities(recorderUrl) {
  return {
    async reportArrival(key) {
      const res = await fetch(`${recorderUrl}/arrive`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ key }),
      });
      if (!res.ok) throw new Error(`arrival recorder answered ${res.status}`);
    },
  };
}
//# sourceMappingURL=baseline-activities.js.map

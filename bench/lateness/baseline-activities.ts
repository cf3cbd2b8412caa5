// The baseline's only activity: tell the bench's arrival recorder that `key` arrived.

export interface ArrivalActivities {
  reportArrival(key: string): Promise<void>;
}

export function createArrivalActivities(recorderUrl: string): ArrivalActivities {
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

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  inclusiveOfProjectFunctions,
  ownerOf,
  type Profile,
  parseTarget,
  selfTimes,
} from '../../bench/support/profile-summary';

const frame = (functionName: string, url: string) => ({ functionName, url, lineNumber: 0 });
const SEND = 'file:///app/dist/activities/send.js';
const MIME = 'file:///app/dist/activities/mime.js';
const SDK = 'file:///app/node_modules/@aws-sdk/core/index.js';

// (root) → send → mime → send (recursion) → sdk; (root) → (idle)
const profile: Profile = {
  nodes: [
    { id: 1, callFrame: frame('(root)', ''), children: [2, 6] },
    { id: 2, callFrame: frame('send', SEND), children: [3] },
    { id: 3, callFrame: frame('buildMime', MIME), children: [4] },
    { id: 4, callFrame: frame('send', SEND), children: [5] },
    { id: 5, callFrame: frame('signRequest', SDK) },
    { id: 6, callFrame: frame('(idle)', '') },
  ],
  // One sample each, 1 s apart: send at 1 s, mime at 2 s, sdk at 3 s, idle at 4 s, sdk at 5 s.
  samples: [2, 3, 5, 6, 5],
  timeDeltas: [1e6, 1e6, 1e6, 1e6, 1e6],
};

describe('the CPU profile summary', () => {
  it('counts a project function with all it called, a recursive call once', () => {
    const inclusive = inclusiveOfProjectFunctions(profile, selfTimes(profile));
    assert.equal(inclusive.get('send activities/send.js:1'), 4e6, 'its own sample, mime and both SDK samples');
    assert.equal(inclusive.get('buildMime activities/mime.js:1'), 3e6);
    assert.equal(inclusive.has('signRequest @aws-sdk/core:1'), false, 'library functions are not listed');
  });

  it('leaves idle samples out, and samples outside a window', () => {
    assert.equal(
      [...selfTimes(profile).values()].reduce((a, b) => a + b, 0),
      4e6,
    );
    const window = selfTimes(profile, { fromS: 2, toS: 4 });
    assert.deepEqual(
      [...window.entries()],
      [
        [3, 1e6],
        [5, 1e6],
      ],
    );
  });

  it('reads file@FROM-TO, and names owners by package or project file', () => {
    assert.deepEqual(parseTarget('worker-1.cpuprofile@170-250.5'), {
      file: 'worker-1.cpuprofile',
      window: { fromS: 170, toS: 250.5 },
    });
    assert.deepEqual(parseTarget('baseline worker-2.cpuprofile'), { file: 'baseline worker-2.cpuprofile' });
    assert.equal(ownerOf(SDK), '@aws-sdk/core');
    assert.equal(ownerOf(MIME), 'activities/mime.js');
  });
});

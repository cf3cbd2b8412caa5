"""Schemathesis hooks for the contract test (test/contract/schemathesis.test.ts).

A schedule's steps must come later one after the other, each within 1s..30d: a rule between the
steps that JSON Schema cannot state (the step schema states it in words). Data generated as valid
gets offsets that keep it (1m, 2m, ...); everything else about the steps stays as generated.
"""

import schemathesis
from schemathesis import GenerationMode


@schemathesis.hook
def map_case(context, case):
    body = case.body
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return case
    if not isinstance(body, dict) or not isinstance(body.get("schedule"), list):
        return case
    for i, step in enumerate(body["schedule"]):
        if isinstance(step, dict):
            step["after"] = f"{i + 1}m"
    return case

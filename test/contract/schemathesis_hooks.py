"""Schemathesis hooks for the contract test (test/contract/schemathesis.test.ts).

Rules JSON Schema cannot state, applied to data generated as valid (everything else stays as
generated):
- a schedule's steps must come later one after the other, each within 1s..30d: offsets 1m, 2m, ...;
- an analytics range must be real dates with `from` before `to`: a fixed November;
- an address must follow its country's rules (postcode pattern, region where the country has them):
  a valid US address, keeping a generated `default`.
"""

VALID_ADDRESS = {
    "name": "Ada Lovelace",
    "line1": "1 Main Street",
    "city": "Springfield",
    "region": "IL",
    "postalCode": "62704",
    "country": "US",
}

import schemathesis
from schemathesis import GenerationMode


@schemathesis.hook
def map_case(context, case):
    body = case.body
    if case.meta is None or case.meta.generation.mode != GenerationMode.POSITIVE:
        return case
    path = case.operation.path
    if path.startswith("/analytics/") and isinstance(case.query, dict):
        if "from" in case.query:
            case.query["from"] = "2026-11-01"
        if "to" in case.query:
            case.query["to"] = "2026-11-30"
        return case
    if path == "/customers/{customerId}/addresses" and case.method.upper() == "POST":
        keep = {"default": body["default"]} if isinstance(body, dict) and isinstance(body.get("default"), bool) else {}
        case.body = {**VALID_ADDRESS, **keep}
        return case
    if not isinstance(body, dict) or not isinstance(body.get("schedule"), list):
        return case
    for i, step in enumerate(body["schedule"]):
        if isinstance(step, dict):
            step["after"] = f"{i + 1}m"
    return case

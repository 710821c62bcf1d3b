"""Schemathesis hooks for Tandem's API fuzz run (libs/runtime/src/testing/api-fuzz.test-kit.ts).

Idempotency-Key: schemathesis draws the same few keys ("0", "a"...) for different requests, which the
services rightly answer 422 `idempotency-key-reused` before looking at anything else. A unique suffix
keeps a drawn key's shape (an invalid one stays invalid) while letting requests reach the route.
"""
import uuid

import schemathesis


@schemathesis.hook
def before_call(context, case, **kwargs):
    # Every phase (examples, coverage, fuzzing, stateful) sends through here, after generation.
    headers = case.headers or {}
    if isinstance(headers.get("Idempotency-Key"), str):
        headers["Idempotency-Key"] = f"{headers['Idempotency-Key']}{uuid.uuid4().hex}"

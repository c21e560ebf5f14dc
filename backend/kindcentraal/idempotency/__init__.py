"""Idempotency-Key on POST and PATCH (draft-ietf-httpapi-idempotency-key-header)."""

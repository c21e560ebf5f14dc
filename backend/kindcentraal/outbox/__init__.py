"""E-mail that never carries care data: a transactional outbox written in the request's own
transaction, delivered by `kindcentraal worker` over SMTP."""

"""The outbox's work: what happens to a row after the commit that queued it.

    worker.py     the claim/run loop (`tijara worker`, or embedded in `tijara serve`)
    handler.py    Handler, Handlers (by kind) and Chore, what the loop runs
    policy.py     backoff and when a row is given up
    send.py       kinds "send" (a reply over a channel) and "notify" (a decision, a reminder)
    handoff.py    kind "handoff": the storefront POST
    export.py     the handoff without a backend: the export folder and products.csv
    body.py       the handoff's JSON body (also `tijara submissions list --json`)
    reminders.py  the chore that queues reminders to owners who went quiet
    metrics.py    the outbox's Prometheus figures, read from the database

The rows themselves, and all their SQL, are storage/outbox.py.
"""

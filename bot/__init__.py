"""khabar bot: the composition root over feeds/ and digest/, in layers; each imports only those below.

    cli/        the `khabar` command line
    wiring      how `khabar run` connects the Telegram layer to the pipeline and the operator tools
    telegram/   everything that knows python-telegram-bot: the Application, chat commands, jobs, sender
    ops/        operator tools: status, export/import, runtime sources and their alerts, observability
    delivery/   what goes to whom, when  |  archive/  search, figures, numbers of the week
                |  pipeline  poll → parse → clean → extract → cluster, as one call
    args        what chat users type, parsed (pure)
    store/      the only Redis code: every key, script and record
    runtime/    Redis connection and outages, clock, leases, metrics, health server, logging
    settings, story, terms, texts   shared leaves: configuration, the Story type, search terms, Persian texts

The contracts (pyproject.toml, `lint-imports`) hold this order and forbid import cycles.
"""

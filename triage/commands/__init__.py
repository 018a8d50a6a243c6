"""The bodies of the CLI's commands, one function each: cli.py parses the arguments, maps
errors to exit codes and makes one call per command; the function does the work through the
modules that own it and prints the outcome with triage/views.py or triage/reports.py.

- ``operate``  worker, poll, status, demo, db upgrade / status (doctor: triage/doctor.py)
- ``desk``     the agents' commands: queue, show, requeue, approve, reject, edit, send,
               relabel, feedback export, stats and the interactive review loop
- ``model``    train, seed-spread, eval, classify, suggest; kb list / check
- ``kb``       kb import-sent: cases learned from the desk's Sent folder

Nothing here imports typer. The store, the views and the model are imported inside the
functions, so importing these modules (and ``triage --help``) stays cheap.
"""

"""`make run` in one process: get the demo ready (prepare_demo), then serve it (project.serve).

Each Python process that loads Civic spends seconds importing Django, Wagtail and the apps;
running migrate, seed_demo, reindex, collectstatic and the server as five processes paid that
five times on every `make run`. Here it is paid once.
"""

# As in project.serve: Twisted's asyncio reactor must be installed before anything imports
# twisted.internet.reactor, so the server module comes first.
from project import serve  # isort:skip

import os
import sys


def main(argv=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "project.settings.dev")
    import django
    from django.core.management import call_command

    django.setup()
    from django.db import connections

    call_command("prepare_demo")
    connections.close_all()  # the server's threads open their own
    args = sys.argv[1:] if argv is None else argv
    host = args[args.index("-b") + 1] if "-b" in args else "127.0.0.1"
    port = args[args.index("-p") + 1] if "-p" in args else "8000"
    print(f"Serving Civic on http://{host}:{port}/  (Ctrl+C to stop)", flush=True)
    serve.main(args)


if __name__ == "__main__":
    main()

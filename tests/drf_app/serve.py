"""Run the test API on 127.0.0.1 (a free port): migrate, create a user with STUDIO_TOKEN, print ``PORT n``, serve.

Usage: ``STUDIO_TOKEN=... [STUDIO_API_VERSION=2] python -m drf_app.serve`` with ``tests/`` on ``sys.path``.
"""

from __future__ import annotations

import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "drf_app.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from rest_framework.authtoken.models import Token

    call_command("migrate", run_syncdb=True, verbosity=0)
    user = get_user_model().objects.create_user("studio", password=None)
    Token.objects.create(user=user, key=os.environ["STUDIO_TOKEN"])
    httpd = make_server("127.0.0.1", 0, get_wsgi_application(), server_class=_Server, handler_class=_Quiet)
    print(f"PORT {httpd.server_address[1]}", flush=True)
    sys.stdout.close()
    httpd.serve_forever()


if __name__ == "__main__":
    main()

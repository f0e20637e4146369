"""The one rule for which hosts are this machine: a credential may travel over plain http only to them.

Used by ``fetch`` (the API key sent to fetch a schema), by ``mock`` (which binds to loopback unless told
otherwise), and checked against the generated client's copy (``_utils.is_loopback_host``) by a test:
the generated client may not import the generator, so its copy is rendered and compared, not shared.
"""

from __future__ import annotations

import ipaddress


def is_loopback(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ``::1``.

    Case and one trailing dot do not matter (``LOCALHOST.`` is ``localhost``); IPv6 may be bracketed.
    ``*.localhost`` names and ``0.0.0.0`` are not loopback here: where they lead is up to the system's
    resolver (RFC 6761 asks resolvers to keep them local; not all do), and a credential in clear
    must not depend on that.
    """
    name = host.strip().strip("[]").rstrip(".").lower()
    if name == "localhost":
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False

"""Which failures mean "the database cannot be reached now, ask again soon" (a stopped,
restarting or stalled server, a dropped connection, an exhausted pool), as opposed to a
bug that asking again would only repeat. The web chat answers the first kind with 503
and Retry-After, and its page sends the same message again."""

from __future__ import annotations

import socket

from sqlalchemy import exc as sa_exc

_UNREACHABLE = (sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError,
                ConnectionError, TimeoutError, socket.gaierror)


def unreachable(error: BaseException) -> bool:
    if isinstance(error, _UNREACHABLE):
        return True
    return isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated

"""Stop reading an upload as soon as it passes the size limit, so 200 MB of junk is never stored.

Django writes uploaded files to disk as they arrive; this handler, put first in the request's
chain before the body is read, counts the bytes and stops the upload past ``UPLOAD_MAX_BYTES``
(the rest of the body is read and thrown away, and the view says the upload was too large).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler, StopUpload
from django.http import HttpRequest


class UploadLimit(FileUploadHandler):
    def __init__(self, request: HttpRequest | None = None, limit: int | None = None) -> None:
        super().__init__(request)
        self.limit = settings.UPLOAD_MAX_BYTES if limit is None else limit
        self.received = 0
        self.exceeded = False

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.exceeded = True
            raise StopUpload(connection_reset=False)
        return raw_data

    def file_complete(self, file_size: int) -> Any:
        return None


def limit_uploads(request: HttpRequest) -> UploadLimit:
    """Put an ``UploadLimit`` first in ``request``'s handlers (before anything reads the body)."""
    handler = UploadLimit(request)
    request.upload_handlers = [handler, *request.upload_handlers]
    return handler

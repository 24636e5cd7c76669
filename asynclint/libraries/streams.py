"""Third-party sync iterables that projects stream as a response body (``sync-iterator-in-streaming-response``).

A zip archive built on the fly is the common case: ``StreamingHttpResponse(zipstream.ZipFile(...))``.
Iterating the archive reads each member file and compresses it in the iterating thread. Under ASGI,
Django 4.2+ cannot stream a sync iterator: it consumes it whole in a thread (with a warning) and sends
the body once it is complete, so the archive is held in memory; before 4.2 it iterated it on the loop.
The project's own generators and ``open()`` files are known without a table.
"""

from __future__ import annotations

_CHUNKS_IN_THREAD = "an async generator that takes each chunk of iter(archive) in a thread (await sync_to_async(next)(chunks, None))"

#: (library, release read, qualified callables, what to stream instead). Read in each library's source:
#: python-zipstream and its fork zipstream-new (``zipstream.ZipFile``, a ``zipfile.ZipFile`` subclass whose
#: ``__iter__`` writes the members as it goes), zipstream-ng (``ZipStream`` and its ``from_path()``: no
#: ``__aiter__``), stream-zip (``stream_zip()`` is a generator; ``async_stream_zip()`` is its async form).
LIBRARIES = (
    ("python-zipstream, zipstream-new", "zipstream-new 1.1.8 (fixtures only: its module name is zipstream-ng's)",
     ("zipstream.ZipFile", "zipstream.zipstream.ZipFile"), _CHUNKS_IN_THREAD),
    ("zipstream-ng", "1.9.3", ("zipstream.ZipStream", "zipstream.ng.ZipStream", "zipstream.ZipStream.from_path",
                               "zipstream.ng.ZipStream.from_path"), _CHUNKS_IN_THREAD),
    ("stream-zip", "0.0.84", ("stream_zip.stream_zip",), "stream_zip.async_stream_zip(...) (an async generator)"),
)
#: Qualified callable -> what to stream instead.
SYNC_ITERABLES = {name: instead for _library, _checked, names, instead in LIBRARIES for name in names}
SYNC_APIS = ()

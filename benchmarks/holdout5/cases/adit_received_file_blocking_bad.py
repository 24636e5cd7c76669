"""A DICOM operator (run by a worker, in its own thread) receives the images of a C-MOVE through a
file-transmit subscription inside `asyncio.run(consume())`. The async per-file callback reads each
DICOM file and writes the (modified) copy to the destination folder synchronously, so the loop that
also keeps the subscription and the download timeout alive is blocked for every image."""

import asyncio
import errno
import time
from pathlib import Path

from aiofiles import os as async_os
from pydicom import Dataset, dcmread


def read_dataset(path) -> Dataset:
    return dcmread(path)


def write_dataset(ds: Dataset, path) -> None:
    ds.save_as(path)


class FileTransmitClient:
    """Stand-in for the project's file-transmit client (an async TCP subscription)."""

    def __init__(self, host, port):
        self.host = host
        self.port = port

    async def subscribe(self, topic, handler):
        while not await handler(f"/tmp/{topic}.dcm", {"SOPInstanceUID": topic}):
            await asyncio.sleep(0)


class DicomOperator:
    def __init__(self, ae_title):
        self.ae_title = ae_title

    def abort(self):
        pass

    def _consume_from_receiver(self, study_uid, series_uid, image_uids, dest_folder, c_move_finished_event,
                               stop_consumer_event, receiving_errors, modifier=None):
        async def consume():
            remaining_image_uids = image_uids[:]
            last_image_at = time.time()
            file_transmit = FileTransmitClient("localhost", 14638)

            async def handle_received_file(filename, metadata):
                nonlocal last_image_at
                last_image_at = time.time()
                image_uid = metadata["SOPInstanceUID"]
                try:
                    if image_uid in remaining_image_uids:
                        remaining_image_uids.remove(image_uid)
                        ds = read_dataset(filename)  # [missing-sync-to-async]
                        self._handle_downloaded_image(ds, dest_folder, modifier)  # [missing-sync-to-async]
                except Exception as err:
                    receiving_errors.append(err)
                finally:
                    await async_os.remove(filename)
                return not remaining_image_uids

            topic = f"{self.ae_title}\\{study_uid}\\{series_uid}"
            subscribe_task = asyncio.create_task(file_transmit.subscribe(topic, handle_received_file))
            while True:
                await asyncio.sleep(1)
                if stop_consumer_event.is_set():
                    subscribe_task.cancel()
                    break
                if not c_move_finished_event.is_set():
                    continue
                if subscribe_task.done():
                    break
                if time.time() - last_image_at > 60:
                    subscribe_task.cancel()
                    break

        asyncio.run(consume())

    def _handle_downloaded_image(self, ds: Dataset, dest_folder, modifier):
        if modifier:
            modifier(ds)
        folder_path = Path(dest_folder)
        file_path = folder_path / f"{ds.SOPInstanceUID}.dcm"
        try:
            folder_path.mkdir(parents=True, exist_ok=True)
            write_dataset(ds, file_path)
        except Exception as err:
            self.abort()
            if isinstance(err, OSError) and err.errno == errno.ENOSPC:
                raise RuntimeError(f"Out of disk space on destination '{dest_folder}'.") from err
            raise RuntimeError(f"Failed to save '{file_path}'.") from err

"""Document, image and data-file libraries whose sync API reads or writes a whole file.

How they were chosen (the criterion, also in docs/libraries.md): among the 1,000 most downloaded
packages on PyPI, the libraries that Django projects use for uploads and exports whose documented
entry points take a path (or a file object) and read or write the whole document there: pandas
(its ``read_*`` functions and the ``DataFrame.to_*`` writers that always take a destination), Pillow
(``Image.save``; ``Image.open`` reads only the header), openpyxl (``load_workbook``, ``Workbook.save``),
pypdf and PyPDF2 (``PdfReader``, ``PdfWriter.write``), python-docx (``Document``,
``Document.save``); and pydicom (``dcmread``, ``dcmwrite``, ``Dataset.save_as``), below that rank
(about 2,500th) but the library of a measured bug (holdout5's adit_received_file_blocking).

Every row is content work on the local file system (``local_disk``): the call opens the file and
parses or encodes all of it, so it blocks the loop for as long as the document takes, never as
little as one metadata syscall; none is a *possible* finding. Like ``open()``, a worker's loop of its
own tolerates it (``core.own_loop``; pandas' readers also take URLs, which such a loop then tolerates
too: whether the path is local is unknown, and unknown is silent). None of these libraries has an
async API: the replacement runs the call in a thread. Not listed: ``DataFrame.to_csv()``/``to_json()`` (without a path they return a
string, CPU work that grows with the frame), Pillow's in-memory transforms (``thumbnail``,
``resize``...), ``pandas.read_sql`` (a database query through the project's connection).
"""

from __future__ import annotations

from asynclint.django_api import BLOCKING_IO, FUNCTION, IN_MEMORY_FILE, NOT_IN_MEMORY, SyncApi

ZIP_ARCHIVE = "zipfile archive"
TAR_ARCHIVE = "tarfile archive"
DICOM_DATASET = "pydicom dataset"
PIL_IMAGE = "Pillow image"
WORKBOOK = "openpyxl workbook"
DATAFRAME = "pandas DataFrame"
DOCX_DOCUMENT = "python-docx document"
PDF_WRITER = "pypdf writer"

_IN_THREAD = "await asyncio.to_thread({func}, ...)"
_NOTE = "the library has no async API"


def _row(receiver, name, library, returns=None, only_if=""):
    return SyncApi(receiver, name, BLOCKING_IO, None, None, fix=None, replacement=_IN_THREAD, library=library,
                   note=_NOTE, returns=returns, local_disk=True, only_if=only_if)


_PANDAS_READERS = ("csv", "excel", "json", "parquet", "pickle", "feather", "table", "fwf", "hdf", "orc", "stata",
                   "sas", "spss", "xml")
#: ``DataFrame`` writers whose destination is required (``to_parquet``'s may be None: the bytes are
#: returned, still the whole encoding).
_PANDAS_WRITERS = ("to_excel", "to_parquet", "to_pickle", "to_feather", "to_hdf", "to_stata")

SYNC_APIS: tuple[SyncApi, ...] = (
    # pandas 3.1: every reader opens the path (or URL) and parses the whole document.
    *(_row(FUNCTION, f"pandas.read_{name}", "pandas", returns=DATAFRAME) for name in _PANDAS_READERS),
    *(_row(DATAFRAME, name, "pandas") for name in _PANDAS_WRITERS),
    # Pillow 13: save() encodes the whole image (decoding it first when it came from open()) and writes
    # it. open() is no row: it reads only the header, often of bytes already in memory (khoj's
    # screenshots: Image.open(io.BytesIO(...)) costs next to nothing; the save() after it is the work).
    _row(PIL_IMAGE, "save", "Pillow"),
    # openpyxl 3.1: the workbook is a zip of XML parts, read or written whole.
    *(_row(FUNCTION, name, "openpyxl", returns=WORKBOOK)
      for name in ("openpyxl.load_workbook", "openpyxl.reader.excel.load_workbook")),
    _row(WORKBOOK, "save", "openpyxl"),
    # pypdf 7.1 and PyPDF2 3.0: the reader reads the file (a path is read into memory whole) and its
    # cross-reference table; the writer serialises every object.
    *(_row(FUNCTION, f"{module}.{name}", library)
      for module, library, names in (("pypdf", "pypdf", ("PdfReader",)),
                                     ("PyPDF2", "PyPDF2", ("PdfReader", "PdfFileReader")))
      for name in names),
    _row(PDF_WRITER, "write", "pypdf"),
    # python-docx 1.2: Document(path) unzips and parses the package (the default template without one).
    *(_row(FUNCTION, name, "python-docx", returns=DOCX_DOCUMENT) for name in ("docx.Document", "docx.api.Document")),
    _row(DOCX_DOCUMENT, "save", "python-docx"),
    # pydicom 3.0 (read_file/write_file: the 2.x aliases, removed in 3.0). On an in-memory buffer
    # (io.BytesIO) no file is touched: reading keeps each element's raw bytes and converts a value only
    # when it is accessed (pixel data is decoded on access), writing copies the elements' bytes, so
    # neither is content work like decompressing or encoding (holdout5's adit DICOMweb parser and
    # renderer, judged false alarms). The other libraries' in-memory work is unzipping, XML parsing or
    # image encoding, and stays reported.
    *(_row(FUNCTION, f"pydicom.{module}{name}", "pydicom", returns=DICOM_DATASET, only_if=NOT_IN_MEMORY)
      for module in ("", "filereader.") for name in ("dcmread", "read_file")),
    *(_row(FUNCTION, f"pydicom.{module}{name}", "pydicom", only_if=NOT_IN_MEMORY)
      for module in ("", "filewriter.") for name in ("dcmwrite", "write_file")),
    _row(DICOM_DATASET, "save_as", "pydicom", only_if=NOT_IN_MEMORY),
    # The standard library's archives (Python 3.11): extracting decompresses members and writes each one to
    # disk, adding reads a file (a tree, for tarfile) and compresses it into the archive, testzip() reads and
    # checks every member: the shutil.unpack_archive()/make_archive() work (asynclint.django_api), done
    # through the archive object. Opening one reads only its directory; read() of one member is not listed.
    *(_row(ZIP_ARCHIVE, name, "zipfile") for name in ("extractall", "extract", "testzip", "write")),
    *(_row(TAR_ARCHIVE, name, "tarfile") for name in ("extractall", "extract", "add")),
)

#: Constructors (and annotations: ``ds: Dataset``) of the objects whose methods are rows.
CALL_RESULT_KINDS = {
    **dict.fromkeys(("pandas.DataFrame", "pandas.core.frame.DataFrame"), DATAFRAME),
    **dict.fromkeys(("PIL.Image.Image", "PIL.Image.new", "PIL.Image.open"), PIL_IMAGE),
    **dict.fromkeys(("openpyxl.Workbook", "openpyxl.workbook.Workbook", "openpyxl.workbook.workbook.Workbook"),
                    WORKBOOK),
    **dict.fromkeys(("pypdf.PdfWriter", "PyPDF2.PdfWriter", "PyPDF2.PdfFileWriter"), PDF_WRITER),
    "docx.document.Document": DOCX_DOCUMENT,
    **dict.fromkeys(("pydicom.Dataset", "pydicom.dataset.Dataset", "pydicom.FileDataset",
                     "pydicom.dataset.FileDataset"), DICOM_DATASET),
}

CALL_RESULT_KINDS.update({
    **dict.fromkeys(("zipfile.ZipFile", "zipfile.PyZipFile"), ZIP_ARCHIVE),
    **dict.fromkeys(("tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open"), TAR_ARCHIVE),
})
#: ``io.BytesIO(data)``: a file object in memory (``NOT_IN_MEMORY`` rows do no file I/O on it).
CALL_RESULT_KINDS.update(dict.fromkeys(("io.BytesIO", "io.StringIO", "_io.BytesIO", "_io.StringIO"), IN_MEMORY_FILE))
#: Methods that return another object of the same kind: ``Image.open(f).convert("RGB").save(out)``.
DERIVED_KINDS = {(PIL_IMAGE, f"{name}()"): PIL_IMAGE
                 for name in ("convert", "resize", "rotate", "crop", "copy", "transpose", "filter", "quantize")}
#: ``with Image.open(f) as image``: the image itself.
SELF_ENTERING_KINDS = frozenset({PIL_IMAGE, IN_MEMORY_FILE, ZIP_ARCHIVE, TAR_ARCHIVE})

#: The release each library's rows were read in and proven with (docs/libraries.md, ``asynclint rules --libraries``).
VERSIONS = {"pandas": "3.1.1", "Pillow": "13.0.0", "openpyxl": "3.1.5", "pypdf": "7.1.1", "PyPDF2": "3.0.1",
           "python-docx": "1.2.0", "pydicom": "3.0.2", "zipfile": "Python 3.11 (standard library)",
            "tarfile": "Python 3.11 (standard library)"}

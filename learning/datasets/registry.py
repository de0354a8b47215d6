"""The full data sets: where they come from, their sizes and checksums, whether they are on this machine,
and how to download or import them.

Checksums, and where each comes from:
* "sample": computed here from the real file in the shared data samples (../shared/data, see its
  README), which are byte-for-byte the published files; tests/learning/datasets re-check them.
* "published MD5": the MD5 sums published for the original MNIST files (listed in the data README and
  BOOK.md section 1.6; torchvision uses the same). No SHA-256 of the training files could be checked
  offline, so those two are verified by their published size and MD5.
* "TFDS": the SHA-256 that TensorFlow Datasets (url_checksums/imdb_reviews.txt) and Hugging Face's
  imdb dataset publish for aclImdb_v1.tar.gz. It could not be checked offline here; a file that does not
  match it is refused, and the labels.txt rebuilt from the archive is checked against the sample's sum.
* bAbI's archive has no published sum; only the two task-1 files inside it are kept, each checked
  against the sample's SHA-256, and the archive itself is deleted.
None of the download URLs could be tried from this machine (no internet in development or tests);
they are the publishers' or the book's own HTTPS locations, with well-known mirrors as fallbacks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from learning.datasets import DatasetError, babi, enron, imdb, mnist, shakespeare
from learning.datasets._files import copy_atomic, file_md5, file_sha256, part_path, tar_members, write_atomic
from learning.datasets.download import Cancelled, DownloadError, Progress, check_url, fetch, transfer
from learning.datasets.locate import data_dirs, download_root

#: Stages reported through the optional `stage(id)` callable of download().
STAGES = ("download", "verify", "prepare", "done")
#: States of a data set on this machine.
STATES = ("complete", "partial", "absent")


@dataclass(frozen=True)
class Member:
    """A file kept from a downloaded archive: the path inside ends with `archive_suffix`; checked by SHA-256."""

    archive_suffix: str
    name: str
    sha256: str


@dataclass(frozen=True)
class RemoteFile:
    """One file to download into the data set's folder, from the first of its HTTPS `urls` that works.
    With `members`, the download is an archive of which only those (checked) files are kept."""

    name: str
    urls: tuple[str, ...]
    size: int | None = None  # bytes, as published; None when no size is published
    sha256: str | None = None
    md5: str | None = None
    members: tuple[Member, ...] = ()
    aliases: tuple[str, ...] = ()  # other names an imported copy may have

    @property
    def checked(self) -> bool:
        """True when the file itself (or every member kept from it) has a checksum."""
        return bool(self.sha256 or self.md5 or self.members)


@dataclass(frozen=True)
class Dataset:
    """A data set of the book. `title` and `description` are English source strings the desktop translates."""

    name: str
    title: str
    description: str
    folder: str  # its sub-folder in a data root
    files: tuple[RemoteFile, ...]
    homepage: str
    credit: str  # publisher and terms, as the data README states them
    experiments: tuple[str, ...] = ()  # ids of the experiments that need it
    prepare: Callable[[Path], None] | None = field(default=None, compare=False)  # run in the folder after download

    @property
    def download_size(self) -> int | None:
        """Total bytes to download, or None when a size is not published."""
        sizes = [f.size for f in self.files]
        return None if any(s is None for s in sizes) else sum(s for s in sizes if s is not None)


# -- the registry --------------------------------------------------------------------------------------

# MNIST: the original site (yann.lecun.com/exdb/mnist) serves only http://, so it is not used; these are
# the HTTPS mirrors TensorFlow and torchvision download from.
_MNIST_MIRRORS = ("https://storage.googleapis.com/cvdf-datasets/mnist/", "https://ossci-datasets.s3.amazonaws.com/mnist/")


def _mnist(name: str, size: int, md5: str, sha256: str | None = None) -> RemoteFile:
    return RemoteFile(name, tuple(m + name for m in _MNIST_MIRRORS), size, sha256, md5)


def _prepare_imdb(folder: Path) -> None:
    """Rebuild the book's reviews.txt and labels.txt from the archive, check labels.txt, drop the archive."""
    archive = folder / imdb.ARCHIVE
    reviews, labels = imdb.reviews_from_archive(archive)
    _, labels_path = imdb.write_book_files(reviews, labels, folder)
    if len(labels) == imdb.FULL_COUNT and file_sha256(labels_path) != IMDB_LABELS_SHA256:
        (folder / imdb.REVIEWS).unlink(missing_ok=True)
        labels_path.unlink(missing_ok=True)
        raise DatasetError("labels.txt rebuilt from the archive differs from the book's labels.txt")
    archive.unlink(missing_ok=True)


# The book's labels.txt (sample): "positive\nnegative\n" 12,500 times.
IMDB_LABELS_SHA256 = "301d18424e95957a000293f5d8393239451d7f54622a8f21613172aebe64ca06"

DATASETS: dict[str, Dataset] = {d.name: d for d in (
    Dataset(
        "mnist", "MNIST handwritten digits",
        "70,000 images of handwritten digits, 28 × 28 pixels: 60,000 to train and 10,000 to test. "
        "Chapters 8–10 train on the first 1,000 training images.",
        "mnist",
        (
            _mnist("train-images-idx3-ubyte.gz", 9_912_422, "f68b3c2dcbeaaa9fbdd348bbdeb94873"),  # published MD5
            _mnist("train-labels-idx1-ubyte.gz", 28_881, "d53e105ee54ea40749a09fcbcd1e9432"),  # published MD5
            _mnist("t10k-images-idx3-ubyte.gz", 1_648_877, "9fb629c4189551a2d022fa330f9573f3",  # published MD5
                   "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"),  # sample
            _mnist("t10k-labels-idx1-ubyte.gz", 4_542, "ec29112dd5afa0611ce80d1b7f02629c",  # published MD5
                   "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"),  # sample
        ),
        "https://yann.lecun.com/exdb/mnist/",
        "Y. LeCun, C. Cortes, C. Burges; CC BY-SA 3.0",
        ("ch08.mnist-overfit", "ch08.mnist-dropout", "ch08.mnist-batch", "ch09.mnist-tanh-softmax", "ch10.mnist-conv"),
    ),
    Dataset(
        "imdb", "IMDB movie reviews",
        "25,000 movie reviews labelled positive or negative (the Large Movie Review Dataset). "
        "The archive is unpacked into the book's reviews.txt and labels.txt.",
        "imdb",
        (RemoteFile(imdb.ARCHIVE, ("https://ai.stanford.edu/~amaas/data/sentiment/aclImdb_v1.tar.gz",), 84_125_825,
                    "c40f74a18d3b61f90feba1e17730e0d38e8b97c05fde7008942e91923d1658fe"),),  # TFDS (not checked here)
        "https://ai.stanford.edu/~amaas/data/sentiment/",
        "A. Maas et al., ACL 2011",
        ("ch11.sentiment", "ch11.word2vec", "ch11.analogy", "ch12.review-vectors"),
        _prepare_imdb,
    ),
    Dataset(
        "shakespeare", "The book's Shakespeare-like text",
        "The 99,993-character file chapter 14 trains its character models on: machine-generated text in the "
        "style of Shakespeare's plays.",
        "shakespeare",
        (RemoteFile(shakespeare.BOOK_FILE,
                    ("https://raw.githubusercontent.com/iamtrask/Grokking-Deep-Learning/master/shakespear.txt",),
                    99_993, "c879e55c5e318b9d978064e246306e01d60be15a50f64d9438daeaeacbc119e8",  # sample
                    aliases=("shakespear.txt",)),),
        "https://github.com/iamtrask/Grokking-Deep-Learning",
        "A. Trask, Grokking Deep Learning; no licence stated",
        ("ch14.char-lstm", "ch14.char-rnn"),
    ),
    Dataset(
        "tinyshakespeare", "Tiny Shakespeare",
        "1.1 million characters of Shakespeare's plays, an extra corpus for the character models.",
        "shakespeare",
        (RemoteFile(shakespeare.TINY_FILE,
                    ("https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt",),
                    1_115_394, "86c4e6aa9db7c042ec79f339dcb96d42b0075e16b8fc2e86bf0ca57e2dc565ed"),),  # sample
        "https://github.com/karpathy/char-rnn",
        "Public domain text",
    ),
    Dataset(
        "babi", "bAbI tasks, v1.1",
        "Short stories with questions (Facebook Research). Chapters 12 and 13 read the first 1,000 lines of "
        "task 1; only task 1 is kept from the archive.",
        "babi",
        (RemoteFile(
            "tasks_1-20_v1-1.tar.gz",
            # The book's notebook fetches v1.1 from the author's site; the second URL is the v1.2 archive Keras
            # downloads, used only if its task-1 files are byte-identical (their checksums decide).
            ("https://www.thespermwhale.com/jaseweston/babi/tasks_1-20_v1-1.tar.gz",
             "https://s3.amazonaws.com/text-datasets/babi_tasks_1-20_v1-2.tar.gz"),
            None, None, None,
            (Member("en/" + babi.TRAIN, babi.TRAIN,
                    "c64ba9b1a49bbb111ffc4cd2ae4f129d25c012399dd7ade9679eea464b9afb05"),  # sample
             Member("en/" + babi.TEST, babi.TEST,
                    "55acf66cef2f6d798e2aa1d056e1ec8f24e910ea9215b639450574321132959b")),  # sample
        ),),
        "https://research.facebook.com/downloads/babi/",
        "Facebook Research; CC BY 3.0",
        ("ch12.rnn-babi", "ch13.rnn-babi"),
    ),
    Dataset(
        "enron", "Enron-Spam, set 1",
        "5,172 e-mails of one Enron employee and of spam traps: 3,672 legitimate, 1,500 spam. Chapter 15 "
        "uses them in place of the book's own spam.txt and ham.txt, which are not published.",
        "enron",
        (RemoteFile("enron1.tar.gz", ("https://www2.aueb.gr/users/ion/data/enron-spam/preprocessed/enron1.tar.gz",),
                    2_200_532, "fc85a8d3fa5e9845a7ee572de3e92ae057f7c2be06171818539ef0983da89ad8"),),  # sample
        "https://www2.aueb.gr/users/ion/data/enron-spam/",
        "V. Metsis, I. Androutsopoulos, G. Paliouras, CEAS 2006",
        ("ch15.spam-plain", "ch15.federated", "ch15.federated-hack", "ch15.paillier"),
    ),
)}


def get(name: str) -> Dataset:
    """The registry entry for `name`; an unknown name is a DatasetError."""
    try:
        return DATASETS[name]
    except KeyError:
        raise DatasetError(f"unknown data set {name!r}; known: {', '.join(DATASETS)}") from None


def for_experiment(experiment_id: str) -> str | None:
    """The name of the data set an experiment needs, or None."""
    for dataset in DATASETS.values():
        if experiment_id in dataset.experiments:
            return dataset.name
    return None


# -- what is on this machine ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Status:
    """A data set on this machine: `state` is "complete", "partial" (usable in sample mode) or "absent";
    `root` is the data root to pass to the loaders, `path` where the files are, `size` their bytes."""

    name: str
    state: str
    root: Path | None = None
    path: Path | None = None
    size: int = 0
    files: tuple[Path, ...] = ()


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        if path.is_dir():
            total += sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            total += path.stat().st_size
    return total


def _probe(name: str, root: Path) -> tuple[bool, Path, list[Path]] | None:
    """(complete, where, files) of data set `name` in one data root, or None."""
    if name == "mnist":
        m = mnist.locate(root)
        return None if m is None else (m.complete, m.test_images.parent, m.paths())
    if name == "imdb":
        i = imdb.locate(root)
        if i is None:
            return None
        files = {"book": [i.path / imdb.REVIEWS, i.path / imdb.LABELS], "folders": [i.path / "pos", i.path / "neg"],
                 "archive": [i.path]}[i.kind]
        return i.complete, (i.path if i.path.is_dir() else i.path.parent), files
    if name in ("shakespeare", "tinyshakespeare"):
        s = shakespeare.locate_book(root) if name == "shakespeare" else shakespeare.locate_tiny(root)
        return None if s is None else (True, s.parent, [s])
    if name == "babi":
        b = babi.locate(root)
        return None if b is None else (True, b.train.parent, [p for p in (b.train, b.test) if p])
    if name == "enron":
        e = enron.locate(root)
        if e is None:
            return None
        if e.kind == "book":
            return True, e.path, [e.path / enron.SPAM, e.path / enron.HAM]
        return True, (e.path if e.path.is_dir() else e.path.parent), [e.path]
    raise DatasetError(f"unknown data set {name!r}")


def status_in(name: str, root: Path) -> Status:
    """Whether data set `name` is in this one data root (for a folder the learner chose)."""
    get(name)
    found = _probe(name, Path(root))
    if found is None:
        return Status(name, "absent")
    complete, where, files = found
    return Status(name, "complete" if complete else "partial", Path(root), where, _size(files), tuple(files))


def status(name: str, folder: Path | None = None) -> Status:
    """Data set `name` among the data folders (setting, GROKKING_DATA, user cache): the first complete copy,
    else the first partial one, else absent."""
    found = [s for s in (status_in(name, root) for root in data_dirs(folder)) if s.state != "absent"]
    return next((s for s in found if s.state == "complete"), found[0] if found else Status(name, "absent"))


# -- downloading ----------------------------------------------------------------------------------------------

def _extract_members(archive: Path, file: RemoteFile, folder: Path, url: str) -> list[Path]:
    """Keep the checked members of a downloaded archive; a member that is missing or fails its sum is an error."""
    wanted = {m.archive_suffix: m for m in file.members}
    found: dict[str, bytes] = {}
    for name, data in tar_members(archive, lambda n: any(n.endswith("/" + s) or n == s for s in wanted)):
        suffix = next(s for s in wanted if name.endswith("/" + s) or name == s)
        found.setdefault(suffix, data)
    for suffix, member in wanted.items():
        if suffix not in found:
            raise DownloadError("checksum", f"{file.name} does not contain {suffix}", url)
        if hashlib.sha256(found[suffix]).hexdigest() != member.sha256:
            raise DownloadError("checksum", f"{member.name} in {file.name}: the checksum does not match", url)
    written = []
    for suffix, member in wanted.items():
        write_atomic(folder / member.name, found[suffix])
        written.append(folder / member.name)
    return written


def _is_present(file: RemoteFile, folder: Path) -> bool:
    """True when the file (or every member kept from it) is already in `folder` and checks out."""
    if file.members:
        return all((folder / m.name).is_file() and file_sha256(folder / m.name) == m.sha256 for m in file.members)
    path = folder / file.name
    return path.is_file() and _check_published(path, file) is None


def download(dataset: Dataset | str, folder: Path | None = None, progress: Progress | None = None,
             cancelled: Cancelled | None = None, stage: Callable[[str], None] | None = None, *,
             allow_local_http: bool = False) -> Path:
    """Download the files of `dataset` that are missing into `download_root(folder)/<its folder>` and return
    that data root. `progress(done, total)` counts bytes over all files (total 0 when unknown),
    `cancelled()` is polled after every chunk, `stage(id)` reports "download", "verify", "prepare", "done".
    `allow_local_http` is for tests only: it lets http://127.0.0.1 URLs through. Raises DownloadError."""
    ds = get(dataset) if isinstance(dataset, str) else dataset
    for file in ds.files:
        for url in file.urls:
            check_url(url, allow_local_http)
        if not file.checked:
            raise DownloadError("no-checksum", f"no checksum is known for {file.name}", file.urls[0])
    root = download_root(folder)
    target = root / ds.folder
    say = stage or (lambda _s: None)
    if DATASETS.get(ds.name) is ds and status_in(ds.name, root).state == "complete":
        say("done")  # e.g. IMDB's archive was unpacked and deleted: its book files are what counts
        return root
    missing = [f for f in ds.files if not _is_present(f, target)]
    sizes = [f.size for f in missing]
    total = 0 if None in sizes else sum(s for s in sizes if s is not None)
    base = 0
    for file in missing:

        def report(done: int, file_total: int, base: int = base) -> None:
            if progress is not None:
                progress(base + done, total or (base + file_total if file_total else 0))

        _download_file(file, target, report, cancelled, say, allow_local_http)
        base += file.size or 0
    if ds.prepare is not None and missing:
        say("prepare")
        if cancelled is not None and cancelled():
            raise DownloadError("cancelled", "the download was cancelled")
        ds.prepare(target)
    say("done")
    return root


def _download_file(file: RemoteFile, target: Path, report: Progress, cancelled: Cancelled | None,
                   say: Callable[[str], None], allow_local_http: bool) -> None:
    """One file from the first mirror that delivers it intact; cancel and disk errors stop at once."""
    last: DownloadError | None = None
    for url in file.urls:
        say("download")
        try:
            if file.members:
                container = part_path(target / file.name)
                try:
                    transfer(url, container, expected_size=file.size, progress=report, cancelled=cancelled,
                             allow_local_http=allow_local_http)
                    say("verify")
                    _extract_members(container, file, target, url)
                except DatasetError as exc:
                    if isinstance(exc, DownloadError):
                        raise
                    raise DownloadError("checksum", f"{file.name}: {exc}", url) from None
                finally:
                    container.unlink(missing_ok=True)
            else:
                fetch(url, target / file.name, sha256=file.sha256, md5=file.md5, size=file.size, progress=report,
                      cancelled=cancelled, allow_local_http=allow_local_http)
            return
        except DownloadError as exc:
            if exc.reason in ("cancelled", "disk", "insecure-url"):
                raise
            last = exc
    assert last is not None
    raise last


# -- importing from disk -------------------------------------------------------------------------------------

def _count_check(reader: Callable[[Path], object], count: int) -> Callable[[Path], object]:
    """A check that reads an IDX file and requires MNIST's number of entries."""

    def check(path: Path) -> object:
        array = reader(path)
        if len(array) != count:  # type: ignore[arg-type]
            raise DatasetError(f"{path.name}: {len(array)} entries, MNIST has {count}")  # type: ignore[arg-type]
        return array

    return check


def _validators(ds: Dataset) -> dict[str, Callable[[Path], object]]:
    """File names accepted for import without a published checksum, each with the loader that checks it."""
    if ds.name == "mnist":
        return {mnist.FILES["train_images"]: _count_check(mnist.read_images, mnist.TRAIN_COUNT),
                mnist.FILES["train_labels"]: _count_check(mnist.read_labels, mnist.TRAIN_COUNT),
                mnist.FILES["test_images"]: _count_check(mnist.read_images, mnist.TEST_COUNT),
                mnist.FILES["test_labels"]: _count_check(mnist.read_labels, mnist.TEST_COUNT)}
    if ds.name == "imdb":
        return {imdb.REVIEWS: imdb.read_reviews, imdb.LABELS: imdb.read_labels}
    if ds.name == "enron":
        out: dict[str, Callable[[Path], object]] = {enron.SPAM: enron.read_book_list, enron.HAM: enron.read_book_list}
        out.update({f"enron{n}.tar.gz": enron.set_from_archive for n in enron.SETS if n != 1})
        return out
    return {}


@dataclass
class ImportResult:
    """What import_files did: the files written into the data folder and the sources it did not recognise."""

    root: Path
    imported: list[Path]
    skipped: list[Path]


def _sources(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and len(p.relative_to(path).parts) <= 5)
        else:
            out.append(path)
    return out


def import_files(dataset: Dataset | str, paths: list[Path], folder: Path | None = None) -> ImportResult:
    """Copy files of `dataset` from disk into `download_root(folder)/<its folder>` after checking them: by
    checksum where one is published, else by reading them with the loader. Folders are searched. A file
    that fails its check raises DatasetError and nothing of it is left behind."""
    ds = get(dataset) if isinstance(dataset, str) else dataset
    root = download_root(folder)
    target = root / ds.folder
    by_name = {n: f for f in ds.files for n in (f.name, *f.aliases)}
    by_sum = {f.sha256: f for f in ds.files if f.sha256}
    members = {m.name: m for f in ds.files for m in f.members}
    validators = _validators(ds)
    imported: list[Path] = []
    skipped: list[Path] = []
    for source in _sources(paths):
        if not source.is_file():
            raise DatasetError(f"{source}: the file does not exist")
        file = by_name.get(source.name)
        if file is None and any(f.size == source.stat().st_size for f in ds.files):
            file = by_sum.get(file_sha256(source))  # a published file under another name
        if file is not None and not file.members:
            problem = _check_published(source, file)
            if problem:
                raise DatasetError(f"{source.name}: {problem}; it was not imported")
            copy_atomic(source, target / file.name)
            imported.append(target / file.name)
        elif file is not None:
            try:
                imported += _extract_members(source, file, target, "")
            except DownloadError as exc:
                raise DatasetError(f"{source.name}: {exc}; it was not imported") from None
        elif source.name in members:
            member = members[source.name]
            if file_sha256(source) != member.sha256:
                raise DatasetError(f"{source.name}: the checksum does not match; it was not imported")
            copy_atomic(source, target / member.name)
            imported.append(target / member.name)
        elif source.name in validators:
            validators[source.name](source)  # raises DatasetError when the file is not what its name says
            copy_atomic(source, target / source.name)
            imported.append(target / source.name)
        else:
            skipped.append(source)
    if not imported:
        names = ", ".join(sorted({*by_name, *members, *validators}))
        raise DatasetError(f"none of the chosen files belongs to {ds.name} (expected: {names})")
    if ds.prepare is not None and any(p.name == f.name for p in imported for f in ds.files):
        ds.prepare(target)
        imported = [p for p in imported if p.exists()] + [p for p in _probe_files(ds, root) if p not in imported]
    return ImportResult(root, imported, skipped)


def _check_published(path: Path, file: RemoteFile) -> str | None:
    if file.size is not None and path.stat().st_size != file.size:
        return f"{path.stat().st_size} bytes, the published file has {file.size}"
    if file.sha256 is not None and file_sha256(path) != file.sha256:
        return "the checksum does not match the published one"
    if file.md5 is not None and file_md5(path) != file.md5:
        return "the checksum does not match the published one"
    return None


def _probe_files(ds: Dataset, root: Path) -> list[Path]:
    found = _probe(ds.name, root)
    return [] if found is None else found[2]

"""Entry point `grokking-lab`: the window, `grokking-lab open FILE` to continue a saved run in it, or
`grokking-lab export ...` to render images headlessly."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

# One BLAS thread, set before numpy is first imported: the book's matrices are small, and a second BLAS thread
# competing with the window's own thread on a 2-core laptop made a 128 x 128 product 70 times slower (measured:
# 1.4 ms instead of 20 us) and stalled the window for up to 0.7 s. Set the variables yourself to choose otherwise.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

from desktop.paths import resource_dir


class UsageError(Exception):
    """Bad command-line input: one line on stderr, exit code 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:
        raise UsageError(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="grokking-lab", description="Grokking Lab: the book's networks, learning live.",
                     formatter_class=argparse.RawDescriptionHelpFormatter,
                     epilog="commands:\n  export ID ...    render an experiment's plot, diagram, CSV or GIF to files "
                            "without a window\n                   (grokking-lab export --help)")
    parser.add_argument("--experiment", metavar="ID", help="open this experiment (e.g. ch04.alpha)")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="grokking-lab export", description="Render an experiment's plot and diagram to files.")
    parser.add_argument("id", help="experiment id, e.g. ch04.divergence")
    count = parser.add_mutually_exclusive_group()
    count.add_argument("--iterations", type=int, metavar="N", help="iterations to run (default: the book's)")
    count.add_argument("--epochs", type=int, metavar="N", help="epochs to run (experiments with a data set)")
    parser.add_argument("--seed", type=int, metavar="S")
    parser.add_argument("--param", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--plot", metavar="FILE", help="error plot, .png or .svg")
    parser.add_argument("--diagram", metavar="FILE", help="network diagram, .png or .svg")
    parser.add_argument("--csv", metavar="FILE", help="every iteration's numbers, .csv (epochs beside it)")
    parser.add_argument("--gif", metavar="FILE", help="the run as an animated GIF of diagram and plot")
    parser.add_argument("--width", type=int, default=1600, help="image width in pixels (default 1600)")
    parser.add_argument("--height", type=int, default=900, help="plot height in pixels (default 900)")
    parser.add_argument("--log-y", action="store_true", help="plot the error on a logarithmic axis")
    return parser


def export_main(argv: Sequence[str]) -> int:
    """`grokking-lab export ID ... --plot FILE [--diagram FILE]`."""
    from desktop.export import ExportError, check_file, check_target
    from learning.__main__ import UsageError as LearningUsage
    from learning.__main__ import iteration_count, make_experiment

    try:
        args = _export_parser().parse_args(argv)
        if not (args.plot or args.diagram or args.csv or args.gif):
            raise UsageError("nothing to write: give --plot, --diagram, --csv and/or --gif FILE")
        for target, suffix in ((args.csv, ".csv"), (args.gif, ".gif")):
            if target:
                check_file(target, suffix)
        exp = make_experiment(args.id, args.param, args.seed)
        n = iteration_count(exp, args.iterations, args.epochs)
        for target in (args.plot, args.diagram):
            if target:
                check_target(target, args.width, args.height)
    except (UsageError, LearningUsage, ExportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    # Qt's own chatter ("This plugin does not support propagateSizeHints()") is not the command's to print
    qInstallMessageHandler(lambda kind, _context, text: print(f"error: {text}", file=sys.stderr)
                           if kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) else None)

    from desktop.animation import record_gif
    from desktop.export import export_csv, export_plot, export_scene
    from desktop.runner import Runner
    from desktop.views.network.diagram import DiagramPanel
    from desktop.views.plots.error_plot import ErrorPlotPanel

    app = QApplication.instance() or QApplication([sys.argv[0]])
    setup_application(app)
    runner = Runner(exp)
    plot = ErrorPlotPanel(runner)
    diagram = DiagramPanel(runner)
    runner.run_to(n)
    plot.set_log_y(args.log_y)
    diagram.refresh()
    try:
        if args.plot:
            export_plot(plot.offscreen_copy(), args.plot, args.width, args.height)
            print(args.plot)
        if args.diagram:
            export_scene(diagram.scene(), args.diagram, args.width, exp.id)
            print(args.diagram)
        if args.csv:
            for path in export_csv(runner.history, args.csv):
                print(path)
        if args.gif:
            print(record_gif(runner, args.gif, min(args.width, 1200), args.log_y))
    except ExportError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def setup_application(app: object) -> None:
    """Application-wide names, style, palette and icon."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop import theme
    from desktop.settings import APPLICATION, ORGANIZATION

    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Grokking Lab")
    app.setStyle("Fusion")
    app.setPalette(theme.palette())
    icon = resource_dir() / "icons" / "grokking-lab.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))


def _open_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="grokking-lab open", description="Open the window and continue a saved run.")
    parser.add_argument("file", help="a saved run (.glrun), from File > Save run or python -m learning run --save")
    return parser


def open_main(argv: Sequence[str]) -> int:
    """`grokking-lab open FILE`: the file is checked first (exit 2 and one line if it is not a run that fits its
    experiment), then the window opens on its page with the run."""
    from learning.datasets import DatasetError, DatasetMissing
    from learning.runcheck import check_run
    from learning.runfile import RunFileError, read_run

    try:
        args = _open_parser().parse_args(argv)
        saved = read_run(args.file)
        try:
            check_run(saved, lambda cls, seed, values: cls(seed=seed, **values))
        except (DatasetMissing, DatasetError):
            pass  # its data set is not found here: the window asks for it
    except (UsageError, RunFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _window(saved.experiment_id, args.file)


def main(argv: Sequence[str] | None = None) -> int:
    """Start the window (or run the export or open subcommand); returns the exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "export":
        return export_main(argv[1:])
    if argv and argv[0] == "open":
        return open_main(argv[1:])
    try:
        args = _parser().parse_args(argv)
        if args.experiment:
            from learning import catalogue

            catalogue.get(args.experiment)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return _window(args.experiment)


def _window(experiment_id: str | None, run_file: str | None = None) -> int:
    """Show the main window (continuing `run_file` if given) and run the event loop."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.faults import FaultHandler
    from desktop.i18n import Translations
    from desktop.lifetime import CollectBetweenEvents
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = QApplication.instance() or QApplication([sys.argv[0]])
    setup_application(app)
    CollectBetweenEvents(app).install()  # the garbage collector never frees a widget from inside a Qt call
    settings = Settings()
    translations = Translations()
    translations.set_language(settings.get("ui/language"))
    handler = FaultHandler(parent=app)
    handler.install()  # a bug in a slot pauses the run and shows one dialog; the window goes on
    window = MainWindow(settings, experiment_id, translations=translations)
    window.attach_faults(handler)
    window.show()
    if run_file is not None:
        window.open_run(run_file)
    code = app.exec()
    # The window and its views go now, while every Qt object they refer to exists (not at the interpreter's exit,
    # in whatever order it finalises them).
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code

"""Cold start of the `reader` command as users run it, against `python -c "import readability"`.

The issue's target: at most 1.3x, in CPU time (user + system), median of interleaved runs.
Each line runs `reader --format text PAGE` through the console script of one environment and
`python -c "import readability"` with the same environment's Python, taking turns (A B B A ...)
so load that changes during the measurement slows both alike:

- regular:  a `pip install .` into a fresh venv (pinned by constraints.txt), as pipx or pip
            installs it; built once and kept in a temporary directory (or --venv DIR).
- editable: the checkout's .venv that `make run` builds (its import hook included).
- -S:       the checkout's Python with -S (no site, no .pth files, no import hook) on a path that
            finds this checkout: reader's own modules alone, as earlier figures were measured.

Usage: python bench/startup.py [PAGE] [--runs N] [--venv DIR] [--only regular,editable,-S]
                              [--no-bytecode]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINES = ("regular", "editable", "-S")


def sample(cmd: list[str], env: dict[str, str], cwd: str) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=cwd
    )
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(
    pair: tuple[list[str], list[str]], runs: int, env: dict[str, str], cwd: str
) -> list[tuple[float, float]]:
    """Median (wall, CPU) seconds of each of two commands, taking turns run by run."""
    for cmd in pair:
        # One untimed run first, so both sides start from cached bytecode, as an installed
        # copy does after its first run (and reader's data-file cache is written).
        sample(cmd, env, cwd)
    samples: list[list[tuple[float, float]]] = [[], []]
    for i in range(runs):
        for j in (0, 1) if i % 2 == 0 else (1, 0):
            samples[j].append(sample(pair[j], env, cwd))
    return [
        (statistics.median(w for w, _ in s), statistics.median(c for _, c in s)) for s in samples
    ]


def regular_venv(where: Path) -> Path:
    """A venv with reader installed from this checkout as a regular (not editable) package."""
    bin_dir = where / "bin"
    if not (bin_dir / "reader").exists():
        print(f"installing reader into {where} (pip install .) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
        pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "-c", str(ROOT / "constraints.txt"), str(ROOT)], check=True)
    return where


def pairs(
    line: str, page: str, venv: Path | None, no_bytecode: bool
) -> tuple[list[str], list[str], dict[str, str]]:
    """(reader command, baseline command, environment) for one line of the table."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # PYTHONDONTWRITEBYTECODE is set in some CI images and sandboxes, rarely by users; by
    # default it is unset, and --no-bytecode sets it to see what those environments pay.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if no_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    if line == "-S":
        py = str(ROOT / ".venv/bin/python")
        purelib = subprocess.run(
            [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        env["PYTHONPATH"] = os.pathsep.join(
            [str(ROOT), purelib or sysconfig.get_paths()["purelib"]]
        )
        return (
            [py, "-S", "-m", "reader", "--format", "text", page],
            [py, "-S", "-c", "import readability"],
            env,
        )
    assert venv is not None
    bin_dir = venv / "bin"
    return (
        [str(bin_dir / "reader"), "--format", "text", page],
        [str(bin_dir / "python"), "-c", "import readability"],
        env,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default=str(ROOT / "snapshots/pages/structure.html"))
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--venv", type=Path, help="the regular install's venv (made if missing)")
    parser.add_argument("--only", default=",".join(LINES), help="lines to measure")
    parser.add_argument(
        "--no-bytecode", action="store_true", help="run both sides under PYTHONDONTWRITEBYTECODE=1"
    )
    args = parser.parse_args()
    page = str(Path(args.page).resolve())
    lines = [line for line in args.only.split(",") if line]
    if unknown := set(lines) - set(LINES):
        parser.error(f"unknown lines {sorted(unknown)}; choose from {', '.join(LINES)}")
    if "editable" in lines and not (ROOT / ".venv/bin/reader").exists():
        parser.error("no .venv/bin/reader: run make first")
    with tempfile.TemporaryDirectory(prefix="reader-startup-") as tmp:
        # reader's data cache, when it cannot sit beside the package, goes here, not into the
        # user's own cache directory (the untimed first run writes it, as a user's first does).
        os.environ["XDG_CACHE_HOME"] = os.path.join(tmp, "cache")
        venvs = {"editable": ROOT / ".venv", "-S": None}
        if "regular" in lines:
            venvs["regular"] = regular_venv(args.venv or Path(tmp, "venv"))
        print(
            f"{'CPU ms, medians of ' + str(args.runs) + ' runs':34}{'reader':>8}{'import':>9}"
            f"{'ratio':>8}{'wall ratio':>12}"
        )
        for line in lines:
            ours_cmd, base_cmd, env = pairs(line, page, venvs[line], args.no_bytecode)
            ours, base = measure((ours_cmd, base_cmd), args.runs, env, tmp)
            print(
                f"{line:34}{ours[1] * 1000:8.1f}{base[1] * 1000:9.1f}"
                f"{ours[1] / base[1]:7.2f}x{ours[0] / base[0]:11.2f}x"
            )
    print("target: ratio <= 1.30 (reader --format text PAGE / python -c 'import readability')")


if __name__ == "__main__":
    main()

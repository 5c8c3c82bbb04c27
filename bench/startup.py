"""Cold start of `reader --format text page.html` against `python -c "import readability"`.

The issue's target: at most 1.3x. Prints the median of N runs of each, and the ratio, in wall
time and in CPU time (user + system). The two commands take turns, so a machine whose load
changes during the measurement slows both alike; CPU time moves less with other processes'
load than wall time does.
Usage: python bench/startup.py [PAGE] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one run of ``cmd``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status:
        raise SystemExit(f"failed: {' '.join(cmd)}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(cmds: list[list[str]], runs: int, env: dict[str, str]) -> list[tuple[float, float]]:
    """Median (wall, CPU) seconds per command, the commands taking turns run by run."""
    for cmd in cmds:
        # One untimed run first, so both sides start from cached bytecode as an installed
        # copy does (and reader's data-file cache is written).
        sample(cmd, env)
    samples: list[list[tuple[float, float]]] = [[] for _ in cmds]
    for i in range(runs):
        order = list(range(len(cmds)))
        if i % 2:
            order.reverse()
        for j in order:
            samples[j].append(sample(cmds[j], env))
    return [
        (statistics.median(w for w, _ in s), statistics.median(c for _, c in s)) for s in samples
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default=str(ROOT / "snapshots/pages/structure.html"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    # PYTHONDONTWRITEBYTECODE (set in some CI images) would make every run recompile reader from
    # source while readability's bytecode sits cached in site-packages: not what users see.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # Both sides start without site's .pth files (-S), on a path that finds this checkout and
    # the installed packages: an editable install's import hook (setuptools' finder imports
    # pathlib and more, ~10 ms) is a cost of the development venv, not of an installed copy.
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), sysconfig.get_paths()["purelib"]])
    base, ours = measure(
        [
            [py, "-S", "-c", "import readability"],
            [py, "-S", "-m", "reader", "--format", "text", args.page],
        ],
        args.runs,
        env,
    )
    print(f"{'':26}{'wall':>10}{'CPU':>12}   (medians of {args.runs} runs)")
    for label, (wall, cpu) in (("import readability", base), ("reader --format text PAGE", ours)):
        print(f"{label:26}{wall * 1000:7.1f} ms{cpu * 1000:9.1f} ms")
    ratios = f"{ours[0] / base[0]:8.2f}x{ours[1] / base[1]:11.2f}x"
    print(f"{'ratio':26}{ratios}  (target <= 1.30)")


if __name__ == "__main__":
    main()

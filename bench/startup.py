"""Cold start of `reader --format text page.html` against `python -c "import readability"`.

The issue's target: at most 1.3x. Prints the median of N runs of each, and the ratio.
Usage: python bench/startup.py [PAGE] [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def median_seconds(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    # One untimed run first, so both sides start from cached bytecode as an installed copy does.
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", default=str(ROOT / "snapshots/pages/structure.html"))
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    # PYTHONDONTWRITEBYTECODE (set in some CI images) would make every run recompile reader from
    # source while readability's bytecode sits cached in site-packages: not what users see.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    base = median_seconds([py, "-c", "import readability"], args.runs, env)
    ours = median_seconds([py, "-m", "reader", "--format", "text", args.page], args.runs, env)
    print(f"import readability        {base * 1000:7.1f} ms (median of {args.runs})")
    print(f"reader --format text PAGE {ours * 1000:7.1f} ms")
    print(f"ratio                     {ours / base:7.2f}x  (target <= 1.30)")


if __name__ == "__main__":
    main()

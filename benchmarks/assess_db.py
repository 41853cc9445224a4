"""``assess --db`` on a 5-year history against ``--version``, whole processes, same run.

Both start the real command line (``python -m hamstring_app``) in a fresh process; they
run in turn (version, assess, version, assess ...) and the figure is the median of the
pair-by-pair wall-time ratios, so the machine's drift hits both alike. Target: at most 3x.
Most of ``assess --db`` is starting up: it reads the data through plain sqlite3 (no
SQLAlchemy, no Alembic) and evaluates once.

    python benchmarks/assess_db.py [--runs N] [--years Y]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET = 3.0


def timed(args: list[str]) -> float:
    env = {**os.environ}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed copy runs from bytecode
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, env=env)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--years", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).parent))
    from startup import build_data_dir

    command = [sys.executable, "-m", "hamstring_app"]
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        build_data_dir(data, args.years)
        version = [*command, "--version"]
        assess = [*command, "assess", "--db", "--data-dir", str(data)]
        timed(version)  # warm-up: file cache and bytecode
        timed(assess)
        pairs = [(timed(version), timed(assess)) for _ in range(args.runs)]
    version_s = statistics.median(v for v, _ in pairs)
    assess_s = statistics.median(a for _, a in pairs)
    ratio = statistics.median(a / v for v, a in pairs)
    print(f"hamstring-app --version:            {version_s * 1000:6.0f} ms")
    print(f"hamstring-app assess --db ({args.years} years): {assess_s * 1000:6.0f} ms")
    print(f"ratio assess --db / --version: {ratio:.2f} (target <= {TARGET:.2f}: "
          f"{'met' if ratio <= TARGET else 'NOT met'})")
    return 0  # reported, not enforced: a busy machine must not fail `make bench`


if __name__ == "__main__":
    sys.exit(main())

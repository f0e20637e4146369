"""The benchmark script still runs end to end on the small SpiritMe document and writes its tables (no timings asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_quick_benchmark_writes_a_report(tmp_path: Path) -> None:
    report = tmp_path / "RESULTS.md"
    done = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--quick", "--no-opc", "--runs", "1", "--output", str(report)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    text = report.read_text(encoding="utf-8")
    assert "## Full build (cold)" in text
    assert "| document | size | ours wall |" in text
    build_rows = [line for line in text.splitlines() if line.startswith("| spiritme | ")]
    assert build_rows, text
    assert "## `build --check` on an unchanged output" in text
    assert "per-request overhead" in text
    assert str(tmp_path) not in text and str(REPO) not in text  # machine paths are scrubbed from the report

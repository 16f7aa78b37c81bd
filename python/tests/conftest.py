"""What the tests share: the repository's fixtures and the Rust command's output."""

import json
import pathlib
import subprocess
from typing import Optional

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "haimen-2022.txt"


def rust_records(*paths: pathlib.Path, year: Optional[int] = None) -> list[dict]:
    """The records of the Rust `zhfacts` command for `paths` (JSON Lines, each with its
    `source`), built by cargo in the repository if need be."""
    args = ["cargo", "run", "--quiet", "--bin", "zhfacts", "--", "--format", "jsonl", "--quiet"]
    if year is not None:
        args += ["--year", str(year)]
    out = subprocess.run(args + [str(p) for p in paths], cwd=ROOT, check=True, capture_output=True)
    return [json.loads(line) for line in out.stdout.decode("utf-8").splitlines()]


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_rust_records() -> list[dict]:
    return rust_records(SEED)

"""The Spark example over fixtures, in local mode: its Parquet rows are the facts of the
Rust command for the same files, field by field. Skipped where PySpark or Java is
missing, except in CI (CI=true), where it must run."""

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEED, rust_records

HERE = pathlib.Path(__file__).resolve().parent
EXAMPLE = HERE.parent / "examples" / "spark_facts.py"

REPORTS = {
    "county.txt": "2023年，全县实现地区生产总值1228亿元，增长5.2%，总量全市第一。",
    "news.txt": "南通中天钢铁集团有限公司投资50亿元，建设“一示范四城市”，7群12链。\n\n去年新增企业500家。",
}


def spark_available() -> bool:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return False
    return shutil.which("java") is not None


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> pathlib.Path:
    folder = tmp_path_factory.mktemp("reports")
    shutil.copy(SEED, folder / SEED.name)
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_spark_rows_equal_the_rust_facts(reports, tmp_path):
    if not spark_available():
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the Spark test: install pyspark and a Java runtime")
        pytest.skip("no pyspark or no java")
    from pyspark.sql import SparkSession

    out = tmp_path / "facts.parquet"
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), str(reports), str(out), "--year", "2023", "--master", "local[2]"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    files = sorted(reports.glob("*.txt"))
    expected = rust_records(*files, year=2023)
    counts = {}
    for r in expected:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    printed = dict(line.split("\t") for line in run.stdout.splitlines() if "\t" in line)
    assert {k: int(v) for k, v in printed.items()} == counts

    spark = SparkSession.builder.master("local[2]").appName("zhfacts-test").getOrCreate()
    try:
        rows = [row.asDict() for row in spark.read.parquet(str(out)).collect()]
    finally:
        spark.stop()
    rows.sort(key=lambda r: (r["source"], r["start"], -r["end"], r["kind"]))
    expected.sort(key=lambda r: (r["source"], r["start"], -r["end"], r["kind"]))
    assert len(rows) == len(expected) > 90
    texts = {str(f): f.read_text(encoding="utf-8") for f in files}
    for row, record in zip(rows, expected):
        assert texts[row["source"]][row["char_start"] : row["char_end"]] == row["text"]
        assert set(record) <= set(row), "every field of the record has its column"
        for column, value in row.items():
            if column in ("char_start", "char_end"):
                continue
            want = record.get(column)
            if column == "parts" and want is not None:
                want = [f"{count}:{name}" for count, name in want]
            assert value == want, f"{column} of {record}"

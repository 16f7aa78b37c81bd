"""The facts of a folder of reports, extracted by zhfacts on Spark, written as Parquet.

    python python/examples/spark_facts.py REPORTS OUT.parquet [--year 2023] [--master local[2]]

Every ``*.txt`` file of REPORTS (read with ``wholeTextFiles``, UTF-8) is a document.
Each partition makes one ``zhfacts.extract_many`` call over its documents (one thread:
Spark runs the partitions in parallel), and each fact becomes a row of a flat schema —
the record's fields as columns, lists as arrays of strings, a formula's parts as
``"4:城市"``. The counts per kind are printed last, one ``kind<TAB>count`` a line.
"""

import argparse
import sys

from pyspark.sql import SparkSession
from pyspark.sql import types as T

#: One column per field of the record contract, plus the document and the character offsets.
SCHEMA = T.StructType(
    [
        T.StructField("source", T.StringType(), False),
        T.StructField("kind", T.StringType(), False),
        T.StructField("start", T.LongType(), False),
        T.StructField("end", T.LongType(), False),
        T.StructField("char_start", T.LongType(), False),
        T.StructField("char_end", T.LongType(), False),
        T.StructField("text", T.StringType(), False),
        T.StructField("value", T.DoubleType(), True),
        T.StructField("unit", T.StringType(), True),
        T.StructField("bound", T.StringType(), True),
        T.StructField("point", T.BooleanType(), True),
        T.StructField("subject", T.StringType(), True),
        T.StructField("change", T.StringType(), True),
        T.StructField("period", T.StringType(), True),
        T.StructField("scope", T.StringType(), True),
        T.StructField("rank", T.LongType(), True),
        T.StructField("tier", T.LongType(), True),
        T.StructField("shift", T.LongType(), True),
        T.StructField("list", T.StringType(), True),
        T.StructField("name", T.StringType(), True),
        T.StructField("clusters", T.LongType(), True),
        T.StructField("chains", T.LongType(), True),
        T.StructField("iso", T.StringType(), True),
        T.StructField("members", T.ArrayType(T.StringType()), True),
        T.StructField("cluster_members", T.ArrayType(T.StringType()), True),
        T.StructField("chain_members", T.ArrayType(T.StringType()), True),
        T.StructField("parts", T.ArrayType(T.StringType()), True),
    ]
)

COLUMNS = [f.name for f in SCHEMA.fields]


def flat_row(source: str, record: dict) -> tuple:
    """A zhfacts record as a row of SCHEMA."""
    row = dict(record, source=source)
    if "parts" in row:
        row["parts"] = [f"{count}:{name}" for count, name in row["parts"]]
    if "value" in row:
        row["value"] = float(row["value"])
    return tuple(row.get(column) for column in COLUMNS)


def facts_of_partition(documents, year):
    """The rows of a partition's documents: one extract_many call for all of them."""
    import zhfacts  # imported on the worker

    documents = [(path.removeprefix("file:"), text) for path, text in documents]
    texts = [text for _, text in documents]
    for (source, _), records in zip(documents, zhfacts.extract_many(texts, year=year, threads=1)):
        for record in records:
            yield flat_row(source, record)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", help="a folder of *.txt reports")
    parser.add_argument("out", help="the Parquet output (a folder, overwritten)")
    parser.add_argument("--year", type=int, help="the year the reports were written")
    parser.add_argument("--master", default="local[2]", help="the Spark master (default local[2])")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.master(args.master).appName("zhfacts").getOrCreate()
    try:
        documents = spark.sparkContext.wholeTextFiles(f"{args.reports.rstrip('/')}/*.txt")
        year = args.year
        rows = documents.mapPartitions(lambda docs: facts_of_partition(docs, year))
        facts = spark.createDataFrame(rows, SCHEMA)
        facts.write.mode("overwrite").parquet(args.out)
        for row in spark.read.parquet(args.out).groupBy("kind").count().orderBy("kind").collect():
            print(f"{row['kind']}\t{row['count']}")
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

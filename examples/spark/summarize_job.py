"""Summarize a JSON Lines corpus on Spark by piping each partition through the nutgraf binary.

    spark-submit --files /path/to/nutgraf summarize_job.py INPUT OUTPUT [--partitions N] [-- NUTGRAF_OPTIONS]

INPUT is JSON Lines, one {"id", "text"} object per line (a local path or any Hadoop path: hdfs://,
s3a://, a directory or a glob); OUTPUT is a directory of part files, one {"id", "summary", "sentences"}
line per input line (or {"id", "error"} for a record nutgraf could not summarize), in input order:
part-00000, part-00001, … concatenated are what `nutgraf --jsonl INPUT` prints.

Why a pipe, and why these flags:
* `rdd.pipe` runs one nutgraf process per partition and streams the partition's lines through it: no
  Python per record, no serialization but the lines themselves. It was the fastest way to run nutgraf
  on Spark that we measured (see the README).
* `checkCode=True`: a worker killed midway (lost executor, OOM killer) makes the process exit non-zero,
  the task fails and Spark retries it. With PySpark's default `checkCode=False`, a killed process
  looks like a short partition and the job "succeeds" with records missing.
* `--keep-going`: one malformed record gets an error record in place and the process still exits 0,
  so that `checkCode=True` does not abort the whole job over it. Only a broken stream or an I/O error
  fails the task.
* `--threads 1`: Spark already runs one task per executor core.
"""

import argparse
import os
import shlex

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def nutgraf_command(spark, options):
    """The command line each executor runs. Files shipped with --files are fetched (and made
    executable) into each executor's working directory, where `./nutgraf` finds them; in local mode the
    executors are the driver's threads and the file is under SparkFiles' root instead."""
    local = spark.sparkContext.master.startswith("local")
    binary = SparkFiles.get("nutgraf") if local else "./nutgraf"
    return shlex.join([binary, "--jsonl", "--keep-going", "--threads", "1", *options])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines of {id, text}: a local or Hadoop path, directory or glob")
    parser.add_argument("output", help="directory for the JSON Lines briefs (must not exist)")
    parser.add_argument("--partitions", type=int, default=None, help="minimum number of input partitions")
    parser.add_argument("nutgraf_options", nargs="*", help="after --: options for nutgraf, e.g. -- -n 2 --preset general")
    args = parser.parse_args()

    spark = SparkSession.builder.appName("nutgraf").getOrCreate()
    sc = spark.sparkContext
    lines = sc.textFile(args.input, minPartitions=args.partitions) if args.partitions else sc.textFile(args.input)
    # The environment is passed explicitly: rdd.pipe gives the process only the variables in `env`.
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
    briefs = lines.pipe(nutgraf_command(spark, args.nutgraf_options), env=env, checkCode=True)
    briefs.saveAsTextFile(args.output)
    spark.stop()


if __name__ == "__main__":
    main()

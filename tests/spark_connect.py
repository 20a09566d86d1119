"""A local Spark Connect server for the tests: the server class pyspark ships
(`spark-connect_*.jar`), started with `spark-submit` on 127.0.0.1 and a free port, and the
canonical tables registered in its catalog as external Parquet tables (what a lakehouse's
catalog would hold). The server is this process's child and is stopped by its pid."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SERVER_CLASS = "org.apache.spark.sql.connect.service.SparkConnectServer"
START_TIMEOUT_S = 300  # a JVM on a busy 2-core machine


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def spark_connect_server(work: Path) -> Iterator[str]:
    """`sc://127.0.0.1:PORT` of a running server (its log is `work/server.log`)."""
    import pyspark

    home = Path(pyspark.__file__).parent
    port = _free_port()
    work.mkdir(parents=True, exist_ok=True)
    command = [
        str(home / "bin" / "spark-submit"), "--class", SERVER_CLASS, "--master", "local[2]",
        "--driver-memory", "1g",
        "--conf", f"spark.connect.grpc.binding.port={port}",
        "--conf", "spark.connect.grpc.binding.address=127.0.0.1",
        "--conf", "spark.ui.enabled=false",
        "--conf", "spark.sql.session.timeZone=UTC",
        "--conf", "spark.sql.shuffle.partitions=2",
        "--conf", f"spark.sql.warehouse.dir={work / 'warehouse'}",
        "spark-internal",
    ]  # fmt: skip
    env = {**os.environ, "SPARK_HOME": str(home), "SPARK_LOCAL_IP": "127.0.0.1"}
    with (work / "server.log").open("wb") as log:
        server = subprocess.Popen(command, cwd=work, env=env, stdout=log, stderr=log)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _listening(port):
            if server.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"Spark Connect did not start; see {work / 'server.log'}")
            time.sleep(1)
        yield f"sc://127.0.0.1:{port}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def register_tables(url: str, parquet: Path, where: Path) -> list[str]:
    """Each `<table>.parquet` of `parquet` as an external catalog table of the server (its own
    folder under `where`: Spark skips files whose names start with `_`)."""
    from connectors.engines.spark import remote_session

    spark = remote_session(url)
    names = []
    for file in sorted(parquet.glob("*.parquet")):
        folder = where / f"t{file.stem}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, folder / "part-0.parquet")
        spark.sql(f"CREATE TABLE `{file.stem}` USING parquet LOCATION '{folder}'")
        names.append(file.stem)
    return names


__all__ = ["register_tables", "spark_connect_server"]

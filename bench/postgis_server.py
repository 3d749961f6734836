"""A throwaway PostgreSQL 15 + PostGIS 3 server for the benchmark (Debian postgresql-15-postgis-3),
as the tests start one (Tests/TestSupport/PostgreSQLServer.swift): its own folder under /tmp,
a Unix socket only (listen_addresses=''), run as `nobody` when we are root (initdb refuses root),
stopped on the way out. Use: `with PostGISServer() as pg: ... pg.socket ...`.
"""
import os
import shutil
import subprocess
import tempfile

BIN = "/usr/lib/postgresql/15/bin"


class PostGISServer:
    user = "eventmap"
    database = "eventmap"

    def __init__(self, shared_buffers="512MB", work_mem="256MB"):
        self.settings = {"shared_buffers": shared_buffers, "work_mem": work_mem}
        self.folder = tempfile.mkdtemp(prefix="eventmap-pg-bench-", dir="/tmp")
        self.socket = os.path.join(self.folder, "socket")
        self.running = False

    def _as_server_user(self, tool, *args):
        argv = [os.path.join(BIN, tool), *args]
        if os.getuid() == 0:
            argv = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"] + argv
        with open(os.path.join(self.folder, tool + ".log"), "a") as log:
            subprocess.run(argv, check=True, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                           env={"PATH": "/usr/bin:/bin", "LC_ALL": "C", "HOME": self.folder})

    def psql(self, sql, database=None):
        return subprocess.run([os.path.join(BIN, "psql"), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", self.socket,
                               "-U", self.user, "-d", database or self.database, "-c", sql],
                              check=True, capture_output=True, text=True).stdout.strip()

    def __enter__(self):
        os.makedirs(self.socket)
        if os.getuid() == 0:
            subprocess.run(["chown", "-R", "nobody:nogroup", self.folder], check=True)
        data = os.path.join(self.folder, "data")
        self._as_server_user("initdb", "-D", data, "-U", self.user, "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync")
        options = f"-c listen_addresses='' -k {self.socket} -c fsync=off -c synchronous_commit=off " + \
            " ".join(f"-c {k}={v}" for k, v in self.settings.items())
        self._as_server_user("pg_ctl", "-D", data, "-l", os.path.join(self.folder, "server.log"), "-o", options, "-w", "start")
        self.running = True
        self.psql(f"CREATE DATABASE {self.database}", database="postgres")
        self.psql("CREATE EXTENSION postgis")
        return self

    def __exit__(self, *exc):
        if self.running:
            self.running = False
            try:
                self._as_server_user("pg_ctl", "-D", os.path.join(self.folder, "data"), "-m", "immediate", "-w", "stop")
            except subprocess.CalledProcessError:
                pass
        shutil.rmtree(self.folder, ignore_errors=True)
        return False

    def version(self):
        return self.psql("SELECT split_part(version(), ' ', 2) || ', PostGIS ' || postgis_lib_version()")

"""Runs `lisa backup create --only keys`, `backup verify` and `backup restore --only keys` of a COUNT-token
legacy table against one moto_server, in KMS mode, and prints per step: wall time, own CPU, moto's CPU,
peak RSS and the backup file's size. Memory should stay flat as COUNT grows (the sections stream).

    backup_bench.py LISA_BINARY [COUNT ...]      (default 10000 100000)
"""
import json, os, subprocess, sys, tempfile

from keys_migrate_bench import PYTHON, TABLES, aws_env, measured, seeded_moto

V6 = "prod-LISAApiBaseTokenTable"


def bench(lisa, count):
    work = tempfile.mkdtemp(prefix=f"bench-backup-{count}-")
    moto, port, key = seeded_moto(count, work)
    try:
        endpoint = f"http://127.0.0.1:{port}"
        env = dict(aws_env(endpoint, work), LISA_STATE_DIR=os.path.join(work, "state"))
        backup = os.path.join(work, "bench.lisabak")
        steps = [("create", ["backup", "create", "-f", backup, "--only", "keys", "--kms-key-id", key], None),
                 ("verify", ["backup", "verify", backup], None),
                 ("restore", ["backup", "restore", backup, "--only", "keys", "--default-expiration", "90d", "-q"], V6)]
        rows = []
        for step, arguments, table in steps:
            if table:
                subprocess.run([PYTHON, TABLES, "create", "--endpoint", endpoint, "--table", table, "--v61"], check=True)
            row = dict(tokens=count, step=step, **measured([lisa, *arguments], dict(env), moto.pid, summary=None))
            row["fileMB"] = round(os.path.getsize(backup) / 1e6, 1)
            rows.append(row)
            print(json.dumps(row), file=sys.stderr)
        return rows
    finally:
        moto.terminate()
        moto.wait()


def main():
    lisa, counts = sys.argv[1], [int(value) for value in sys.argv[2:]] or [10000, 100000]
    rows = [row for count in counts for row in bench(lisa, count)]
    print(f"{'tokens':>7} {'step':<8} {'wall s':>7} {'own CPU s':>9} {'moto CPU s':>10} {'peak RSS MB':>11} {'file MB':>7}")
    for row in rows:
        print(f"{row['tokens']:>7} {row['step']:<8} {row['wall']:>7} {row['cpu']:>9} {row['serverCpu']:>10}"
              f" {row['rssMB']:>11} {row['fileMB']:>7}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()

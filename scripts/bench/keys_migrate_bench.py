"""Runs `lisa keys migrate` and the boto3 baseline (boto3_migrate.py) against one moto_server and one
seeded source table per size, directly and through scripts/bench/latency_proxy.py, and prints per run:
wall time, the client's own CPU (user+system, from rusage), moto's CPU during the run (from
/proc/<pid>/stat before and after) and the client's peak RSS.

    keys_migrate_bench.py LISA_BINARY [COUNT ...] [--rtt-ms 0,30,100] [--modes kms,passphrase,kms-exclusive,passphrase-exclusive]   (counts first; default 10000 100000)

Each lisa run writes a fresh target table with a fresh state directory; the boto3 baseline writes its
own fresh table. lisa does more than the baseline: an encrypted backup, the existence check with
conditional writes, and the verification of every token.
"""
import argparse, json, os, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = os.path.join(ROOT, ".venv", "bin", "python")
TABLES = os.path.join(ROOT, "Tests", "Support", "token_tables.py")
TICKS = os.sysconf("SC_CLK_TCK")

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def wait_for_port(port):
    for _ in range(300):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on {port}")

def cpu_seconds(pid):
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS

def measured(command, env, server_pid, summary="keys migrate:"):
    """Wall seconds, own CPU seconds, peak RSS (MB) of one child and the server's CPU seconds meanwhile, and
    the child's last stderr line starting with `summary` (None: no summary)."""
    runner = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE); "
              "w = time.perf_counter() - t; u = resource.getrusage(resource.RUSAGE_CHILDREN); "
              "print(r.returncode, w, u.ru_utime + u.ru_stime, u.ru_maxrss); "
              "sys.stderr.write(r.stderr.decode()[-3000:])")
    before = cpu_seconds(server_pid)
    out = subprocess.run([sys.executable, "-c", runner, *command], env=env, capture_output=True, text=True)
    server = cpu_seconds(server_pid) - before
    code, wall, cpu, rss = out.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{command[0]} failed ({code}): {out.stderr}")
    row = {"wall": round(float(wall), 2), "cpu": round(float(cpu), 2), "serverCpu": round(server, 2),
           "rssMB": round(int(rss) / 1024, 1)}
    if summary:
        lines = [line for line in out.stderr.splitlines() if line.startswith(summary)]
        row["summary"] = lines[-1] if lines else ""
    return row

def start_proxy(upstream_port, rtt, work):
    port = free_port()
    ready = os.path.join(work, f"proxy-{rtt}.ready")
    proxy = subprocess.Popen([PYTHON, os.path.join(HERE, "latency_proxy.py"), "--listen", str(port),
                              "--upstream", f"127.0.0.1:{upstream_port}", "--rtt-ms", str(rtt), "--ready", ready])
    for _ in range(300):
        if os.path.exists(ready):
            return proxy, port
        time.sleep(0.05)
    raise SystemExit("the latency proxy did not start")

def seeded_moto(count, work):
    """A moto_server on a free port, COUNT legacy tokens in prod-LISAApiTokenTable (plaintexts in
    WORK/secrets.jsonl) and a KMS key: (process, port, key id)."""
    port = free_port()
    moto = subprocess.Popen([os.path.join(ROOT, ".venv", "bin", "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        direct = f"http://127.0.0.1:{port}"
        subprocess.run([PYTHON, TABLES, "seed", "--endpoint", direct, "--table", "prod-LISAApiTokenTable", "--count", str(count),
                        "--now", str(int(time.time())), "--secrets", os.path.join(work, "secrets.jsonl")], check=True)
        import boto3
        kms = boto3.client("kms", endpoint_url=direct, region_name="us-east-1", aws_access_key_id="AKIDMOTOTEST",
                           aws_secret_access_key="moto-secret-key")
        return moto, port, kms.create_key()["KeyMetadata"]["KeyId"]
    except BaseException:
        moto.terminate()
        moto.wait()
        raise

def aws_env(endpoint, home):
    """The environment both clients run with: moto's test credentials, no instance metadata."""
    return {"PATH": "/usr/bin:/bin", "HOME": home, "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST",
            "AWS_SECRET_ACCESS_KEY": "moto-secret-key", "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint,
            "AWS_EC2_METADATA_DISABLED": "true"}

def bench(lisa, count, rtts, modes):
    work = tempfile.mkdtemp(prefix=f"bench-keys-{count}-")
    moto, port, key = seeded_moto(count, work)
    direct = f"http://127.0.0.1:{port}"
    rows = []
    try:
        for rtt in rtts:
            proxy, proxy_port = start_proxy(port, rtt, work) if rtt else (None, port)
            endpoint = f"http://127.0.0.1:{proxy_port}"
            try:
                base_env = aws_env(endpoint, work)
                for mode in modes:
                    target = f"lisa-{mode}-{rtt}"
                    subprocess.run([PYTHON, TABLES, "create", "--endpoint", direct, "--table", target, "--v61"], check=True)
                    env = dict(base_env, LISA_STATE_DIR=os.path.join(work, f"state-{mode}-{rtt}"))
                    command = [lisa, "keys", "migrate", "--from-table", "prod-LISAApiTokenTable", "--to-table", target,
                               "--default-expiration", "90d"]
                    if mode.startswith("kms"):
                        command += ["--kms-key-id", key]
                    else:
                        env["LISA_BACKUP_PASSPHRASE"] = "benchmark passphrase, not a secret"
                    if mode.endswith("-exclusive"):
                        command.append("--exclusive")
                    rows.append(dict(tokens=count, rttMs=rtt, client=f"lisa ({mode})", **measured(command, env, moto.pid)))
                    print(json.dumps(rows[-1]), file=sys.stderr)
                target = f"boto3-{rtt}"
                subprocess.run([PYTHON, TABLES, "create", "--endpoint", direct, "--table", target, "--v61"], check=True)
                rows.append(dict(tokens=count, rttMs=rtt, client="boto3",
                                 **measured([PYTHON, os.path.join(HERE, "boto3_migrate.py"), endpoint, "prod-LISAApiTokenTable",
                                             target], base_env, moto.pid)))
                print(json.dumps(rows[-1]), file=sys.stderr)
            finally:
                if proxy:
                    proxy.terminate()
                    proxy.wait()
        return rows
    finally:
        moto.terminate()
        moto.wait()

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lisa")
    parser.add_argument("counts", nargs="*", type=int)
    parser.add_argument("--rtt-ms", default="0,30,100")
    parser.add_argument("--modes", default="kms,passphrase")
    args = parser.parse_args()
    rtts = [int(value) for value in args.rtt_ms.split(",")]
    modes = args.modes.split(",")
    rows = [row for count in (args.counts or [10000, 100000]) for row in bench(args.lisa, count, rtts, modes)]
    print(f"{'tokens':>7} {'rtt ms':>6} {'client':<17} {'wall s':>7} {'own CPU s':>9} {'moto CPU s':>10} {'peak RSS MB':>11}")
    for row in rows:
        print(f"{row['tokens']:>7} {row['rttMs']:>6} {row['client']:<17} {row['wall']:>7} {row['cpu']:>9} {row['serverCpu']:>10}"
              f" {row['rssMB']:>11}")
    print(json.dumps(rows))

if __name__ == "__main__":
    main()

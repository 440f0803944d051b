"""Runs `lisa keys migrate` and the boto3 baseline against moto_server for several table sizes and
prints wall time and peak RSS of each. Usage: keys_migrate_bench.py LISA_BINARY COUNT [COUNT ...]"""
import json, os, resource, socket, subprocess, sys, tempfile, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = os.path.join(ROOT, ".venv", "bin", "python")

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]

def measured(command, env):
    """Wall seconds and peak RSS (MB) of one child, timed in a fresh process so rusage is its own."""
    runner = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE); "
              "w = time.perf_counter() - t; "
              "print(r.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
              "sys.stderr.write(r.stderr.decode()[-2000:] if r.returncode else '')")
    out = subprocess.run([sys.executable, "-c", runner, *command], env=env, capture_output=True, text=True)
    code, wall, rss = out.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{command[0]} failed: {out.stderr}")
    return float(wall), int(rss) / 1024

def bench(lisa, count):
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    work = tempfile.mkdtemp(prefix=f"bench-keys-{count}-")
    moto = subprocess.Popen([os.path.join(ROOT, ".venv", "bin", "moto_server"), "-H", "127.0.0.1", "-p", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        seed_started = time.perf_counter()
        subprocess.run([PYTHON, os.path.join(ROOT, "Tests", "Support", "token_tables.py"), "seed", "--endpoint", endpoint,
                        "--table", "prod-LISAApiTokenTable", "--target", "prod-LISAApiBaseTokenTable", "--count", str(count),
                        "--now", str(int(time.time())), "--secrets", os.path.join(work, "secrets.jsonl")], check=True)
        subprocess.run([PYTHON, os.path.join(ROOT, "Tests", "Support", "token_tables.py"), "create", "--endpoint", endpoint,
                        "--table", "boto3-target", "--v61"], check=True)
        seeded = time.perf_counter() - seed_started
        import boto3
        kms = boto3.client("kms", endpoint_url=endpoint, region_name="us-east-1", aws_access_key_id="AKIDMOTOTEST",
                           aws_secret_access_key="moto-secret-key")
        key = kms.create_key()["KeyMetadata"]["KeyId"]
        env = {"PATH": "/usr/bin:/bin", "HOME": work, "AWS_ACCESS_KEY_ID": "AKIDMOTOTEST", "AWS_SECRET_ACCESS_KEY": "moto-secret-key",
               "AWS_REGION": "us-east-1", "AWS_ENDPOINT_URL": endpoint, "AWS_EC2_METADATA_DISABLED": "true",
               "LISA_STATE_DIR": os.path.join(work, "state")}
        lisa_wall, lisa_rss = measured([lisa, "keys", "migrate", "--default-expiration", "90d", "--kms-key-id", key, "-q"], env)
        boto_wall, boto_rss = measured([PYTHON, os.path.join(HERE, "boto3_migrate.py"), endpoint, "prod-LISAApiTokenTable", "boto3-target"], env)
        return {"tokens": count, "seedSeconds": round(seeded, 1), "lisaSeconds": round(lisa_wall, 1), "lisaPeakRSSMB": round(lisa_rss, 1),
                "boto3Seconds": round(boto_wall, 1), "boto3PeakRSSMB": round(boto_rss, 1)}
    finally:
        moto.terminate()
        moto.wait()

def main():
    lisa = sys.argv[1]
    rows = [bench(lisa, int(count)) for count in sys.argv[2:]]
    print(f"{'tokens':>8} {'lisa s':>8} {'lisa MB':>8} {'boto3 s':>8} {'boto3 MB':>9}   (lisa: export+import+verify, KMS-encrypted backup; boto3: scan+batch_writer only)")
    for row in rows:
        print(f"{row['tokens']:>8} {row['lisaSeconds']:>8} {row['lisaPeakRSSMB']:>8} {row['boto3Seconds']:>8} {row['boto3PeakRSSMB']:>9}")
    print(json.dumps(rows))

if __name__ == "__main__":
    main()

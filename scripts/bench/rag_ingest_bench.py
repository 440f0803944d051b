"""Runs `lisa rag ingest` of COUNT files of 100 KB against Tests/Support/fake_lisa_rag.py with its bucket in
moto_server, and prints wall time, files/s and peak RSS of each run (and of a second, no-op run).
Usage: rag_ingest_bench.py LISA_BINARY COUNT [COUNT ...]"""
import json, os, shutil, socket, subprocess, sys, tempfile, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PYTHON = os.path.join(ROOT, ".venv", "bin", "python")
TOKEN = "bench-admin-token"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port):
    for _ in range(600):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing listens on {port}")


def control(port, path, body):
    request = urllib.request.Request(f"http://127.0.0.1:{port}/_control/{path}", data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"}, method="POST")
    return json.load(urllib.request.urlopen(request, timeout=30))


def measured(command, env, cwd):
    """Wall seconds and peak RSS (MB) of one child, timed in a fresh process so rusage is its own."""
    runner = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
              "r = subprocess.run(sys.argv[1:], stdout=subprocess.PIPE, stderr=subprocess.PIPE); "
              "w = time.perf_counter() - t; "
              "print(r.returncode, w, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
              "sys.stderr.write(r.stderr.decode()[-2000:] if r.returncode else '')")
    out = subprocess.run([sys.executable, "-c", runner, *command], env=env, cwd=cwd, capture_output=True, text=True)
    code, wall, rss = out.stdout.split()
    if int(code) != 0:
        raise SystemExit(f"{command[0]} failed: {out.stderr}")
    return float(wall), int(rss) / 1024


def bench(lisa, count):
    work = tempfile.mkdtemp(prefix=f"bench-rag-{count}-")
    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus)
    block = os.urandom(100 * 1024)
    for index in range(count):
        with open(os.path.join(corpus, f"doc-{index:05d}.txt"), "wb") as f:
            f.write(f"document {index}\n".encode() + block[: 100 * 1024 - 20])
    moto_port, fake_port = free_port(), free_port()
    moto = subprocess.Popen([os.path.join(ROOT, ".venv", "bin", "moto_server"), "-H", "127.0.0.1", "-p", str(moto_port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fake = None
    try:
        wait_for(moto_port)
        fake = subprocess.Popen([PYTHON, os.path.join(ROOT, "Tests", "Support", "fake_lisa_rag.py"), "--port", str(fake_port),
                                 "--token", TOKEN, "--s3-endpoint", f"http://127.0.0.1:{moto_port}"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                env={"PATH": "/usr/bin:/bin", "PYTHONDONTWRITEBYTECODE": "1"})
        wait_for(fake_port)
        control(fake_port, "repositories", {"repository": {"repositoryId": "bench-repo", "type": "pgvector", "rdsConfig": {},
                                                          "embeddingModelId": "e5"}})
        env = {"PATH": "/usr/bin:/bin", "HOME": work, "LISA_API_URL": f"http://127.0.0.1:{fake_port}/prod",
               "LISA_API_TOKEN": TOKEN, "LISA_STATE_DIR": os.path.join(work, "state")}
        command = [lisa, "rag", "ingest", "bench-repo", "corpus", "-q"]
        wall, rss = measured(command, env, work)
        again_wall, again_rss = measured(command, env, work)
        return {"files": count, "megabytes": round(count * 100 / 1024, 1), "seconds": round(wall, 1),
                "filesPerSecond": round(count / wall, 1), "peakRSSMB": round(rss, 1), "rerunSeconds": round(again_wall, 1),
                "rerunPeakRSSMB": round(again_rss, 1)}
    finally:
        for process in (fake, moto):
            if process is not None:
                process.terminate()
                process.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    lisa = os.path.abspath(sys.argv[1])
    rows = [bench(lisa, int(count)) for count in sys.argv[2:]]
    print(f"{'files':>7} {'MB':>7} {'seconds':>8} {'files/s':>8} {'peak MB':>8} {'rerun s':>8} {'rerun MB':>9}"
          "   (4 uploads in flight; rerun: every file unchanged, nothing uploaded)")
    for row in rows:
        print(f"{row['files']:>7} {row['megabytes']:>7} {row['seconds']:>8} {row['filesPerSecond']:>8} {row['peakRSSMB']:>8} "
              f"{row['rerunSeconds']:>8} {row['rerunPeakRSSMB']:>9}")
    print(json.dumps(rows))


if __name__ == "__main__":
    main()

"""A TCP proxy for the benchmark that adds network latency and nothing else.

    latency_proxy.py --listen PORT --upstream HOST:PORT --rtt-ms 30 [--ready FILE]

Every chunk read from either side is delivered to the other side half a round trip later. Chunks are
timestamped on arrival and delivered in order by a separate writer, so delays overlap instead of adding
up: latency without a bandwidth cap, as a long network path between a client and its endpoint gives.
"""
import argparse, asyncio, signal

async def pump(reader, writer, delay):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            if data is None:
                break
            writer.write(data)
            await writer.drain()
        try:
            writer.write_eof()
        except (OSError, RuntimeError):
            pass

    delivering = asyncio.create_task(deliver())
    try:
        while True:
            data = await reader.read(65536)
            queue.put_nowait((loop.time() + delay, data or None))
            if not data:
                break
        await delivering
    except (ConnectionError, OSError):
        delivering.cancel()
    finally:
        writer.close()

async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", type=int, required=True)
    parser.add_argument("--upstream", required=True)
    parser.add_argument("--rtt-ms", type=float, required=True)
    parser.add_argument("--ready")
    args = parser.parse_args()
    host, port = args.upstream.rsplit(":", 1)
    delay = args.rtt_ms / 2000.0

    async def handle(client_reader, client_writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection(host, int(port))
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pump(client_reader, upstream_writer, delay), pump(upstream_reader, client_writer, delay), return_exceptions=True)

    server = await asyncio.start_server(handle, "127.0.0.1", args.listen, backlog=512)
    if args.ready:
        open(args.ready, "w").close()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    async with server:
        await stop.wait()

if __name__ == "__main__":
    asyncio.run(main())

"""openai 0.28.1 (not a test dependency): Completion.create in a coroutine holds the loop for the whole
request; its acreate twin does not. Run with a Python that has openai==0.28.1 installed (not the test
venv, whose openai 1.0+ raises APIRemovedInV1): python benchmarks/sweep18/openai028_proof.py"""
import asyncio, json, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import openai

HOLD = 0.5
class H(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(HOLD)
        body = json.dumps({"id": "x", "object": "text_completion", "choices": [{"text": "ok", "index": 0}]}).encode()
        self.send_response(200); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass

srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
threading.Thread(target=srv.serve_forever, daemon=True).start()
openai.api_key = "key"; openai.api_base = f"http://127.0.0.1:{srv.server_port}/v1"

async def measure(coro_fn):
    gaps, last, done = [], time.monotonic(), False
    async def beat():
        nonlocal last
        while not done:
            await asyncio.sleep(0.01); now = time.monotonic(); gaps.append(now - last); last = now
    t = asyncio.create_task(beat()); await asyncio.sleep(0.05)
    r = await coro_fn(); done = True; await t
    return max(gaps), r["choices"][0]["text"]

async def sync_on_loop():
    return openai.Completion.create(engine="davinci", prompt="hi")
async def async_twin():
    return await openai.Completion.acreate(engine="davinci", prompt="hi")

async def main():
    print("openai", openai.version.VERSION)
    print("Completion.create on the loop: longest heartbeat gap %.3f s (%s)" % await measure(sync_on_loop))
    print("Completion.acreate awaited:    longest heartbeat gap %.3f s (%s)" % await measure(async_twin))
asyncio.run(main())

"""Runs docs/host-python.md's module, as a host would, against a real `serve` (HostPythonRecipeTest).

python3 recipe_check.py MODULE_DIR DATA_DIR CONSOLE_TOKEN_FILE INVALIDATE_TOKEN_FILE
Prints "RECEIVER <port>", reads the console's URL from stdin, then prints one "ok: ..." line per check
and "RECIPE PASSED" at the end; any failed check raises (exit 1 with the traceback).
"""
import json
import queue
import sys
import urllib.error
import urllib.request

module_dir, data_dir, console_token_file, invalidate_token_file = sys.argv[1:5]
sys.path.insert(0, module_dir)
import tws_maintenance_host as tws  # noqa: E402  (cut out of docs/host-python.md by the test)


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok:", what, flush=True)


reloads = queue.Queue()
server = tws.serve_invalidations(0, tws.read_secret(invalidate_token_file), lambda index, change: reloads.put(change))
print("RECEIVER", server.server_address[1], flush=True)
console_url = sys.stdin.readline().strip()

console = tws.MaintenanceConsole(console_url, tws.read_secret(console_token_file), timeout=120)
status = console.status()
check("sti_constituents" in [c["task"] for c in status["constituents"]], "status lists sti_constituents")
reports_before = len(console._json("GET", "/api/maintenance/reports?limit=500"))

# Without a token, or with a wrong one, a POST is refused and nothing runs.
try:
    _ = urllib.request.build_opener(urllib.request.ProxyHandler({})).open(urllib.request.Request(
        console_url + "/api/maintenance/run", data=b'{"tasks": ["sti_constituents"], "dry_run": false}',
        headers={"Content-Type": "application/json"}, method="POST"), timeout=60)
    check(False, "a POST without a token is refused")
except urllib.error.HTTPError as e:
    check(e.code == 403, "a POST without a token is refused with 403 (got %d)" % e.code)
try:
    tws.MaintenanceConsole(console_url, "not-the-token-0123456789").dry_run(["sti_constituents"])
    check(False, "a wrong token is refused")
except tws.ConsoleError as e:
    check(e.status == 401 and "API tokens" in e.message, "a wrong token is refused with 401: " + e.message)
check(len(console._json("GET", "/api/maintenance/reports?limit=500")) == reports_before, "the refused POSTs ran nothing")

# The invalidation receiver refuses a POST without its token.
try:
    urllib.request.build_opener(urllib.request.ProxyHandler({})).open(urllib.request.Request(
        "http://127.0.0.1:%d/internal/tws-maintenance/invalidate" % server.server_address[1], data=b'{"index": "sti"}',
        headers={"Authorization": "Bearer wrong"}, method="POST"), timeout=60)
    check(False, "the receiver refuses a wrong token")
except urllib.error.HTTPError as e:
    check(e.code == 401, "the receiver refuses a wrong token with 401")
check(reloads.empty(), "nothing was reloaded for it")

watcher = tws.GenerationWatcher(data_dir)
check(not watcher.changed("sti") and tws.read_generation(data_dir, "sti") is None, "no generation marker before any apply")

seen = {}


def approve(report, summary):
    seen["summary"] = summary
    return True


preview, applied = tws.review_then_apply(console, ["sti_constituents"], approve)
print(seen["summary"], flush=True)
check(preview["dry_run"] and preview["detail"]["trigger"] == "api:flask-host", "the dry run's report names the token")
check(tws.applicable_tasks(preview) == ["sti_constituents"], "the preview passed for sti_constituents")
check("sti_constituents:" in seen["summary"] and "added" in seen["summary"], "the reviewer saw the names added")
check(console.report_markdown(preview["report_id"]).startswith("# Maintenance report " + preview["report_id"]),
      "the Markdown report is readable")
check(applied is not None and not applied["dry_run"] and applied["status"] in ("success", "warning"),
      "the plan was applied: " + (applied or {}).get("status", "nothing"))
check(applied["detail"]["trigger"] == "api:flask-host", "the apply's report names the token")
check(applied["results"][0]["detail"]["plan_id"] == preview["report_id"], "the apply wrote the reviewed plan")

change = reloads.get(timeout=60)
check(change["index"] == "sti" and change["report_id"] == applied["report_id"],
      "the receiver was told sti changed by report " + applied["report_id"])
check(watcher.changed("sti"), "the generation marker moved on")
marker = tws.read_generation(data_dir, "sti")
check(marker["generation"] == 1 and marker["sha256"] == change["sha256"] and marker["report_id"] == applied["report_id"],
      "the marker says generation 1 of the file the POST named")
check(not watcher.changed("sti"), "and it is not new a second time")

server.shutdown()
print("RECIPE PASSED", json.dumps({"preview": preview["report_id"], "apply": applied["report_id"]}), flush=True)

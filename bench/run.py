"""Does Offload stay instant at ten years of history? Measure it, next to its peers.

    python bench/run.py [--sizes 1000,10000,100000] [--repeat N] [--quick]

Generates logs of each size (cached in bench/data/), then times every command as a
whole process, the TUI headless, peak memory and idle CPU, each as a ratio to
baselines measured in the same run (`python -c pass`, a minimal Textual app), so a
busy machine does not mislead. Prints a table and writes JSON to bench/results/.
Watson and Timewarrior are timed on the same log where found; else it says so.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable
from zoneinfo import ZoneInfo

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

import generate  # noqa: E402  (bench/generate.py, next to this file)

# The screen switches and week changes timed, each against 100 ms (first visits included).
SWITCHES = ("review", "previous_week", "next_week", "grouping", "log_again", "review_again", "grouping_again")

PY = sys.executable
ZONE = generate.HOME_ZONE


# --- running a child and reading what it cost -------------------------------------------


@dataclass
class Sample:
    wall: float
    maxrss_kb: int
    cpu: float
    rc: int
    out: str = ""


def run_child(cmd: list[str], env: dict, keep_output: bool = False, timeout: float = 300) -> Sample:
    """Run to the end; wall time, peak memory (ru_maxrss) and CPU of that child alone."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=err, env=env)
        killer = threading.Timer(timeout, proc.kill)  # a hung child must not hang the benchmark
        killer.start()
        try:
            _, status, ru = os.wait4(proc.pid, 0)
        finally:
            killer.cancel()
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        text = ""
        if keep_output or proc.returncode not in (0, 1):
            out.seek(0)
            err.seek(0)
            text = out.read().decode(errors="replace") + err.read().decode(errors="replace")
    return Sample(wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime, proc.returncode, text)


def child_env(extra: dict | None = None) -> dict:
    env = dict(os.environ)
    env["TZ"] = ZONE
    env.pop("OFFLOAD_DB", None)
    env.update(extra or {})
    return env


def stats(values: list[float]) -> dict:
    values = sorted(values)
    if not values:
        return {}
    if len(values) >= 4:
        q = statistics.quantiles(values, n=4)
        iqr = q[2] - q[0]
    else:
        iqr = values[-1] - values[0]
    return {"median": statistics.median(values), "min": values[0], "max": values[-1], "iqr": iqr,
            "n": len(values), "samples": values}


# --- the cases ---------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    argv: list[str]
    before: Callable[[], None] = lambda: None
    after: Callable[[], None] = lambda: None
    samples: list[Sample] = field(default_factory=list)
    problem: str = ""


def local_day(offset: int) -> date:
    return datetime.now(ZoneInfo(ZONE)).date() + timedelta(days=offset)


def last_week() -> tuple[date, date]:
    today = local_day(0)
    monday = today - timedelta(days=today.weekday() + 7)
    return monday, monday + timedelta(days=6)


class OffloadLog:
    """The work copy of one generated database and the state each command needs."""

    def __init__(self, path: Path) -> None:
        self.path = path
        with closing(path) as conn:
            self.max_entry = conn.execute("SELECT max(id) FROM entries").fetchone()[0]
            self.max_task = conn.execute("SELECT max(id) FROM tasks").fetchone()[0]

    def reset(self) -> None:
        """Back to the generated log: drop whatever a measured command added."""
        with closing(self.path) as conn:
            conn.execute("DELETE FROM entries WHERE id > ?", (self.max_entry,))
            conn.execute("DELETE FROM tasks WHERE id > ? AND id NOT IN (SELECT task_id FROM entries)",
                         (self.max_task,))

    def running(self) -> None:
        """A timer started two minutes ago (what status shows and stop ends)."""
        self.reset()
        now = int(time.time())
        with closing(self.path) as conn:
            conn.execute("INSERT INTO entries (task_id, start_utc, end_utc, tz) VALUES (1, ?, NULL, ?)",
                         (now - 120, ZONE))


class closing:
    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(str(path), isolation_level=None, timeout=30)

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc) -> None:
        self.conn.close()


# Exactly what the `offload` console script that pip writes runs, on the Offload installed in
# this interpreter (as a user has it); `python -m offload` would add runpy's ~15 ms, which a user
# never pays.
SCRIPT = "import sys; from offload.cli import main; sys.exit(main())"


def offload_cmd(db: Path) -> list[str]:
    return [PY, "-c", SCRIPT, "--db", str(db)]


def available(db: Path, env: dict) -> dict[str, str]:
    """Which commands exist in this checkout; a missing one is named, not fatal."""
    found: dict[str, str] = {}
    for cmd in ("status", "start", "stop", "add", "report", "export"):
        s = run_child(offload_cmd(db) + [cmd, "--help"], env, keep_output=True)
        found[cmd] = s.out if s.rc == 0 else ""
    return found


def offload_cases(log: OffloadLog, helps: dict[str, str]) -> tuple[list[Case], list[str]]:
    yesterday = local_day(-1).isoformat()
    base = offload_cmd(log.path)
    wanted = [
        Case("status", base + ["status"], log.running, log.reset),
        Case("start", base + ["start", "Invoices"], log.reset, log.reset),
        Case("stop", base + ["stop"], log.running, log.reset),
        Case("add", base + ["add", "Phone calls", "--from", f"{yesterday} 10:00", "--to", f"{yesterday} 10:30"],
             log.reset, log.reset),
        Case("report --last-week", base + ["report", "--last-week"]),
        Case("report --all", base + ["report", "--all"]),
        Case("export", base + ["export"]),
    ]
    cases, missing = [], []
    for case in wanted:
        cmd, *flags = case.name.split()
        if not helps.get(cmd) or any(f not in helps[cmd] for f in flags):
            missing.append(case.name)
        else:
            cases.append(case)
    return cases, missing


# --- Watson and Timewarrior ----------------------------------------------------------------


class FolderLog:
    """A peer's data folder, copied from the generated one and put back after each write."""

    def __init__(self, pristine: Path, work: Path) -> None:
        self.pristine, self.work = pristine, work
        if work.exists():
            shutil.rmtree(work)
        shutil.copytree(pristine, work)
        self.marks = self._marks()

    def _marks(self) -> dict[str, tuple[int, int]]:
        return {str(p.relative_to(self.work)): (p.stat().st_size, p.stat().st_mtime_ns)
                for p in self.work.rglob("*") if p.is_file()}

    def reset(self) -> None:
        now = self._marks()
        for rel, mark in now.items():
            if rel not in self.marks:
                (self.work / rel).unlink()
            elif mark != self.marks[rel]:
                shutil.copy2(self.pristine / rel, self.work / rel)


def find_tool(name: str, given: str | None, extra: list[str]) -> str | None:
    if given:
        return given if Path(given).exists() or shutil.which(given) else None
    found = shutil.which(name)
    if found:
        return found
    for candidate in extra:
        if Path(candidate).exists():
            return candidate
    return None


def watson_cases(exe: str, folder: FolderLog) -> list[Case]:
    state = folder.work / "state"

    def running() -> None:
        folder.reset()
        state.write_text(json.dumps({"project": "Invoices", "start": int(time.time()) - 120, "tags": []}))

    y = local_day(-1).isoformat()
    lo, hi = last_week()
    return [
        Case("status", [exe, "status"], running, folder.reset),
        Case("start", [exe, "start", "Invoices"], folder.reset, folder.reset),
        Case("stop", [exe, "stop"], running, folder.reset),
        Case("add", [exe, "add", "Phone calls", "--from", f"{y} 10:00", "--to", f"{y} 10:30"],
             folder.reset, folder.reset),
        Case("report --last-week", [exe, "report", "-G", "--from", lo.isoformat(), "--to", hi.isoformat()]),
        Case("report --all", [exe, "report", "-G", "--all"]),
        Case("export", [exe, "log", "-G", "--all", "--json"]),
    ]


def timew_cases(exe: str, folder: FolderLog) -> list[Case]:
    def running() -> None:
        folder.reset()
        start = datetime.now(timezone.utc) - timedelta(minutes=2)
        month = folder.work / "data" / f"{start:%Y-%m}.data"
        with month.open("a") as f:
            f.write(f"inc {start:%Y%m%dT%H%M%SZ} # {generate._tag('Invoices')}\n")

    y = local_day(-1).isoformat()
    return [
        Case("status", [exe], running, folder.reset),
        Case("start", [exe, "start", "Invoices"], folder.reset, folder.reset),
        Case("stop", [exe, "stop"], running, folder.reset),
        Case("add", [exe, "track", f"{y}T10:00", "-", f"{y}T10:30", "Phone calls"], folder.reset, folder.reset),
        Case("report --last-week", [exe, "summary", ":lastweek"]),
        Case("report --all", [exe, "summary", ":all"]),
        Case("export", [exe, "export"]),
    ]


# --- measuring ---------------------------------------------------------------------------------


def measure(cases: list[Case], env: dict, repeat: int, budget: float, baseline: list[float]) -> None:
    """Interleave: each round runs the bare interpreter and every case once."""
    for case in cases:  # one warm-up each (page cache, .pyc), not counted
        case.before()
        s = run_child(case.argv, env, keep_output=True)
        case.after()
        if s.rc not in (0, 1):
            case.problem = f"exit {s.rc}: {s.out.strip()[:200]}"
    spent = {c.name: 0.0 for c in cases}
    for _ in range(repeat):
        baseline.append(run_child([PY, "-c", "pass"], env).wall)
        for case in cases:
            if case.problem or (case.samples and spent[case.name] > budget):
                continue
            case.before()
            s = run_child(case.argv, env)
            case.after()
            case.samples.append(s)
            spent[case.name] += s.wall


def tui_probe(what: str, db: Path | str, env: dict, seconds: float | None = None) -> tuple[dict, Sample]:
    cmd = [PY, str(BENCH / "tui_probe.py"), what, str(db)]
    if seconds is not None:
        cmd.append(str(seconds))
    cmd += ["--t0", repr(time.time())]
    s = run_child(cmd, env, keep_output=True)
    if s.rc != 0:
        return {"error": s.out.strip()[-400:]}, s
    line = [ln for ln in s.out.splitlines() if ln.startswith("{")][-1]
    return json.loads(line), s


def measure_tui(db: Path | None, env: dict, repeat: int, minimal_runs: list | None = None) -> dict:
    """Offload's probe `repeat` times; with `minimal_runs`, a minimal-app probe before each
    (kept there), so the baseline sees the same moments of a busy machine."""
    what = "minimal" if db is None else "offload"
    runs = []
    for _ in range(repeat):
        if minimal_runs is not None:
            base, bs = tui_probe("minimal", "-", env)
            if "error" not in base:
                base["maxrss_kb"] = base.pop("peak_rss_kb", None) or bs.maxrss_kb
                minimal_runs.append(base)
        data, s = tui_probe(what, db or "-", env)
        if "error" in data:
            return {"error": data["error"]}
        # The child's own peak (VmHWM); ru_maxrss from wait4 would also count this parent's
        # memory, which a child spawned with vfork inherits until exec.
        data["maxrss_kb"] = data.pop("peak_rss_kb", None) or s.maxrss_kb
        runs.append(data)
    keys = sorted({k for r in runs for k, v in r.items() if isinstance(v, (int, float))})
    out = {k: stats([r[k] for r in runs if k in r]) for k in keys}
    out["missing"] = sorted({m for r in runs for m in r.get("missing", [])})
    return out


def machine() -> dict:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    try:
        import textual

        textual_version = textual.__version__
    except Exception:
        textual_version = "?"
    return {"nproc": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "platform": platform.platform(), "sqlite": sqlite3.sqlite_version, "textual": textual_version,
            "commit": commit, "load_average": os.getloadavg()}


# --- building the logs ------------------------------------------------------------------------------


def prepared(size: int, data_dir: Path, peers: dict[str, str | None]) -> dict[str, Path]:
    """Generated files for this size (cached by size, end day and schema), and work copies."""
    from offload.store.schema import CURRENT_VERSION

    end = generate.history_end(ZONE)
    stem = f"log-{size}-{end.isoformat()}-g{generate.GENERATOR_VERSION}"
    db = data_dir / f"{stem}-s{CURRENT_VERSION}.db"
    paths: dict[str, Path] = {}
    log = None
    if not db.exists():
        t = time.perf_counter()
        log = generate.make_log(size, end)
        tmp = db.with_suffix(".tmp")
        for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm")):
            p.unlink(missing_ok=True)
        generate.write_offload(tmp, log)
        tmp.rename(db)
        print(f"  generated {size:,} entries in {time.perf_counter() - t:.1f}s -> {db.name}", flush=True)
    work = data_dir / f"work-{size}.db"
    for p in (work, Path(str(work) + "-wal"), Path(str(work) + "-shm")):
        p.unlink(missing_ok=True)
    shutil.copyfile(db, work)
    paths["offload"] = work
    for peer, writer in (("watson", generate.write_watson), ("timew", generate.write_timewarrior)):
        if not peers.get(peer):
            continue
        folder = data_dir / f"{stem}-{peer}"
        if not folder.exists():
            log = log or generate.make_log(size, end)
            writer(folder.with_suffix(".tmp"), log)
            folder.with_suffix(".tmp").rename(folder)
        paths[peer] = folder
    return paths


# --- targets and the table --------------------------------------------------------------------------


def fmt_ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds >= 10:
        return f"{seconds:.1f} s"
    return f"{seconds * 1000:.0f} ms"


def check(ok: bool | None) -> str:
    return "-" if ok is None else ("ok" if ok else "MISSED")


def evaluate(result: dict) -> list[dict]:
    """Each target of the issue at the largest size: the figure, the limit, met or not."""
    sizes = sorted(result["sizes"], key=int)
    if not sizes:
        return []
    big = result["sizes"][sizes[-1]]
    small = result["sizes"][sizes[0]]
    py = result["baseline"]["python"]["median"]
    cmds = big["commands"]
    rows = []

    def med(d: dict, name: str) -> float | None:
        c = d.get(name)
        return c["median"] if c and "median" in c else None

    def target(what: str, value: float | None, limit: float, text: str, extra: bool | None = None) -> None:
        ok = None if value is None else (value <= limit and extra is not False)
        rows.append({"target": what, "value": value, "limit": limit, "text": text, "ok": ok})

    v = med(cmds, "status")
    target("status <= 5x python", v / py if v else None, 5, "x python")
    for name in ("start", "stop", "add"):
        v = med(cmds, name)
        target(f"{name} <= 20x python", v / py if v else None, 20, "x python")
        if len(sizes) > 1:
            v1 = med(small["commands"], name)
            target(f"{name} at {int(sizes[-1]):,} <= 1.2x at {int(sizes[0]):,}",
                   v / v1 if v and v1 else None, 1.2, "x own time")
    v = med(cmds, "report --last-week")
    target("report --last-week <= 25x python", v / py if v else None, 25, "x python")
    for name in ("report --all", "export"):
        v = med(cmds, name)
        target(f"{name} < 1 s", v, 1.0, "s")
    w = med(big.get("watson", {}), "report --all")
    v = med(cmds, "report --all")
    if w:
        target("report --all >= 10x faster than watson report -a", w / v if v else None, float("inf"),
               "x faster", extra=(v is not None and w / v >= 10))
    tui = big.get("tui", {})
    minimal = result["baseline"].get("minimal_app", {})
    if tui.get("log_ready") and minimal.get("ready"):
        target("Log ready <= 1.2x minimal app", tui["log_ready"]["median"] / minimal["ready"]["median"], 1.2,
               "x minimal")
    else:
        target("Log ready <= 1.2x minimal app", None, 1.2, "x minimal")
    for step in SWITCHES:
        s = tui.get(step)
        target(f"{step.replace('_', ' ')} ready <= 100 ms", s["median"] if s else None, 0.1, "s")
    s = tui.get("echo_while_loading_max")
    target("a key in the task field shown within a frame (17 ms) while data loads", s["median"] if s else None,
           1 / 60, "s")
    if tui.get("maxrss_kb") and minimal.get("maxrss_kb"):
        target("peak memory <= 1.3x minimal app", tui["maxrss_kb"]["median"] / minimal["maxrss_kb"]["median"],
               1.3, "x minimal")
    idle = result.get("idle", {}).get("offload")
    target("idle CPU with a timer running <= 1% of a core", idle["cpu_share"] * 100 if idle else None, 1.0, "%")
    first = result.get("first_visit", {})
    for key, name in (("review_first", "Review"), ("grouping_first", "Grouping")):
        if first:
            target(f"first visit to the {name} through tmux <= 1.0x minimal app's switch",
                   first.get(key, {}).get("x_minimal"), 1.0, "x minimal")
    return rows


def print_report(result: dict) -> None:
    base = result["baseline"]
    py = base["python"]["median"]
    print()
    print(f"Machine: {result['machine']['nproc']} cores, {result['machine']['cpu']}, "
          f"Python {result['machine']['python']}, SQLite {result['machine']['sqlite']}")
    mini = base.get("minimal_app", {})
    line = f"Baselines: python -c pass {fmt_ms(py)} (IQR {fmt_ms(base['python']['iqr'])})"
    if mini.get("ready"):
        line += (f"; minimal Textual app ready {fmt_ms(mini['ready']['median'])}, "
                 f"peak {mini['maxrss_kb']['median'] / 1024:.0f} MB")
    print(line)
    for size, data in sorted(result["sizes"].items(), key=lambda kv: int(kv[0])):
        print()
        print(f"== {int(size):,} entries ==")
        peers = [p for p in ("watson", "timew") if data.get(p)]
        head = f"{'command':<20} {'median':>9} {'IQR':>8} {'x python':>9}"
        for p in peers:
            head += f" {p:>10} {'vs':>7}"
        print(head)
        for name, c in data["commands"].items():
            if "median" not in c:
                print(f"{name:<20} {c.get('problem', 'not measured')}")
                continue
            row = f"{name:<20} {fmt_ms(c['median']):>9} {fmt_ms(c['iqr']):>8} {c['median'] / py:>8.1f}x"
            for p in peers:
                pc = data[p].get(name, {})
                if "median" in pc:
                    row += f" {fmt_ms(pc['median']):>10} {pc['median'] / c['median']:>6.1f}x"
                else:
                    row += f" {pc.get('problem', '-')[:10]:>10} {'':>7}"
            print(row)
        for name in data.get("missing_commands", []):
            print(f"{name:<20} not in this checkout yet (skipped)")
        tui = data.get("tui", {})
        if tui.get("error"):
            print(f"TUI: failed: {tui['error']}")
        elif tui:
            for key, label in (("log_ready", "TUI: Log ready"), ("review", "TUI: 2 -> Review"),
                               ("previous_week", "TUI: previous week"), ("next_week", "TUI: next week"),
                               ("grouping", "TUI: 3 -> Grouping"), ("log_again", "TUI: 1 -> Log"),
                               ("review_again", "TUI: 2 again"), ("grouping_again", "TUI: 3 again"),
                               ("echo_while_loading_max", "TUI: key echo, worst")):
                s = tui.get(key)
                if s:
                    ratio = ""
                    if key == "log_ready" and mini.get("ready"):
                        ratio = f"{s['median'] / mini['ready']['median']:>8.2f}x minimal app"
                    cpu = tui.get(key + "_cpu")
                    if cpu:
                        ratio = f"{'':>9} CPU {fmt_ms(cpu['median'])}"
                    print(f"{label:<20} {fmt_ms(s['median']):>9} {fmt_ms(s['iqr']):>8} {ratio}")
            if tui.get("maxrss_kb") and mini.get("maxrss_kb"):
                m = tui["maxrss_kb"]["median"]
                print(f"{'TUI: peak memory':<20} {m / 1024:>6.0f} MB {'':>8} "
                      f"{m / mini['maxrss_kb']['median']:>8.2f}x minimal app")
            for m in tui.get("missing", []):
                print(f"TUI: not measured: {m}")
    idle = result.get("idle", {})
    if idle:
        print()
        for who, d in idle.items():
            if "cpu_share" in d:
                print(f"Idle {who} ({d['wall_seconds']:.0f} s, timer running): {d['cpu_share'] * 100:.2f}% of one core")
            else:
                print(f"Idle {who}: failed: {d.get('error', '')[:300]}")
    first = result.get("first_visit", {})
    if first:
        print()
        if "error" in first:
            print(f"First visits through tmux: failed: {first['error'][:300]}")
        else:
            print(f"First visits through tmux, at {int(max(result['sizes'], key=int)):,} entries "
                  f"(a key until the title shows): minimal two-screen app {fmt_ms(first['minimal_switch']['median'])}")
            for key, label in (("review_first", "ctrl+r -> Review"), ("grouping_first", "ctrl+g -> Grouping")):
                print(f"  {label:<20} {fmt_ms(first[key]['median']):>9} {first[key]['x_minimal']:>8.2f}x minimal app")
    for note in result.get("notes", []):
        print(f"Note: {note}")
    print()
    print(f"Targets at {int(max(result['sizes'], key=int)):,} entries:")
    for t in result.get("targets", []):
        value = t["value"]
        shown = "not measured" if value is None else (
            fmt_ms(value) if t["text"] == "s" else f"{value:.2f}{' ' if t['text'] != '%' else ''}{t['text']}")
        print(f"  {check(t['ok']):<7} {t['target']:<52} {shown}")


def markdown_report(result: dict) -> str:
    """The same figures as a Markdown section, for the README."""
    m = result["machine"]
    base = result["baseline"]
    py = base["python"]["median"]
    sizes = sorted(result["sizes"], key=int)
    big = result["sizes"][sizes[-1]]
    mini = base.get("minimal_app", {})
    out = [f"Measured {result['when'][:16].replace('T', ' ')} UTC on {m['nproc']} cores ({m['cpu']}), "
           f"Python {m['python']}, SQLite {m['sqlite']}, Textual {m['textual']}, load average "
           f"{m['load_average'][0]:.1f} at the start and {m.get('load_average_end', m['load_average'])[0]:.1f} at the end; median of {result['settings']['repeat']} runs, "
           f"times zone {result['settings']['zone']}.",
           "",
           f"Baselines in the same run: `python -c pass` {fmt_ms(py)}"
           + (f"; a minimal Textual app (Header, Footer, 20-row DataTable) ready in {fmt_ms(mini['ready']['median'])}, "
              f"peak memory {mini['maxrss_kb']['median'] / 1024:.0f} MB." if mini.get("ready") else "."),
           ""]
    peers = [p for p in ("watson", "timew") if big.get(p)]
    head = "| command | " + " | ".join(f"{int(n):,} entries" for n in sizes) + f" | x python at {int(sizes[-1]):,} |"
    head += "".join(f" {'Watson' if p == 'watson' else 'Timewarrior'} at {int(sizes[-1]):,} |" for p in peers)
    out += [head, "|" + "---|" * (head.count("|") - 1)]
    for name in big["commands"]:
        cells = []
        for n in sizes:
            c = result["sizes"][n]["commands"].get(name, {})
            cells.append(fmt_ms(c["median"]) if "median" in c else "-")
        c = big["commands"][name]
        ratio = f"{c['median'] / py:.1f}x" if "median" in c else "-"
        row = f"| `offload {name}` | " + " | ".join(cells) + f" | {ratio} |"
        for p in peers:
            pc = big[p].get(name, {})
            row += f" {fmt_ms(pc['median'])} |" if "median" in pc else " - |"
        out.append(row)
    tui_rows = (("log_ready", "TUI: launch to Log ready"), ("review", "TUI: 2, Review ready"),
                ("previous_week", "TUI: previous week ready"), ("next_week", "TUI: next week ready"),
                ("grouping", "TUI: 3, Grouping ready"), ("log_again", "TUI: 1, back to the Log"),
                ("review_again", "TUI: 2 again"), ("grouping_again", "TUI: 3 again"),
                ("echo_while_loading_max", "TUI: key echoed while loading (worst of 20)"))
    for key, label in tui_rows:
        cells = []
        for n in sizes:
            t = result["sizes"][n].get("tui", {}).get(key)
            cells.append(fmt_ms(t["median"]) if t else "-")
        t = big.get("tui", {}).get(key)
        ratio = f"{t['median'] / mini['ready']['median']:.2f}x minimal app" if key == "log_ready" and t and mini.get("ready") else ""
        cpu = big.get("tui", {}).get(key + "_cpu")
        if cpu:
            ratio = f"CPU {fmt_ms(cpu['median'])}"
        out.append(f"| {label} | " + " | ".join(cells) + f" | {ratio} |" + " |" * len(peers))
    cells = []
    for n in sizes:
        t = result["sizes"][n].get("tui", {}).get("maxrss_kb")
        cells.append(f"{t['median'] / 1024:.0f} MB" if t else "-")
    t = big.get("tui", {}).get("maxrss_kb")
    ratio = f"{t['median'] / mini['maxrss_kb']['median']:.2f}x minimal app" if t and mini.get("maxrss_kb") else ""
    out.append("| TUI: peak memory | " + " | ".join(cells) + f" | {ratio} |" + " |" * len(peers))
    idle = result.get("idle", {})
    out.append("")
    for who, d in idle.items():
        if "cpu_share" in d:
            out.append(f"Idle for {d['wall_seconds']:.0f} s with a timer running ({who}): "
                       f"{d['cpu_share'] * 100:.2f}% of one core.  ")
    out += ["", f"Targets at {int(sizes[-1]):,} entries:", ""]
    for t in result.get("targets", []):
        value = t["value"]
        shown = "not measured" if value is None else (
            fmt_ms(value) if t["text"] == "s" else f"{value:.2f}{' ' if t['text'] != '%' else ''}{t['text']}")
        out.append(f"- {'met' if t['ok'] else ('**missed**' if t['ok'] is False else 'not measured')}: "
                   f"{t['target']} ({shown})")
    notes = result.get("notes", [])
    if notes:
        out += ["", *[f"Note: {n}" for n in notes]]
    return "\n".join(out) + "\n"


# --- main ------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000", help="entries per log, comma-separated")
    p.add_argument("--repeat", type=int, default=10, help="runs per command (default 10)")
    p.add_argument("--tui-repeat", type=int, default=None, help="TUI runs per size (default: repeat, at most 5)")
    p.add_argument("--quick", action="store_true", help="short idle window (5 s) and fewer TUI runs")
    p.add_argument("--idle-seconds", type=float, default=None, help="idle CPU window (default 30, quick 5)")
    p.add_argument("--no-tui", action="store_true", help="skip the TUI, memory and idle parts")
    p.add_argument("--no-tmux", action="store_true", help="skip the first visits timed end to end through tmux")
    p.add_argument("--no-peers", action="store_true", help="do not look for Watson or Timewarrior")
    p.add_argument("--watson", default=None, help="path to the watson command")
    p.add_argument("--timew", default=None, help="path to the timew command")
    p.add_argument("--peer-budget", type=float, default=None,
                   help="seconds per peer command before repeats stop (default 60, quick 10)")
    p.add_argument("--data-dir", type=Path, default=BENCH / "data")
    p.add_argument("--results-dir", type=Path, default=BENCH / "results")
    args = p.parse_args(argv)

    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    idle_seconds = args.idle_seconds if args.idle_seconds is not None else (5.0 if args.quick else 30.0)
    tui_repeat = args.tui_repeat or (min(args.repeat, 2) if args.quick else min(args.repeat, 5))
    budget = args.peer_budget if args.peer_budget is not None else (10.0 if args.quick else 60.0)
    args.data_dir.mkdir(parents=True, exist_ok=True)
    args.results_dir.mkdir(parents=True, exist_ok=True)
    env = child_env()
    notes: list[str] = []

    peers: dict[str, str | None] = {"watson": None, "timew": None}
    if not args.no_peers:
        peers["watson"] = find_tool("watson", args.watson, [str(Path("/work/watson-venv/bin/watson"))])
        peers["timew"] = find_tool("timew", args.timew, [])
        for name, how in (("watson", "pip install td-watson in a separate venv, or --watson PATH"),
                          ("timew", "apt-get install timewarrior, or --timew PATH")):
            if peers[name]:
                print(f"{name}: {peers[name]}")
            else:
                note = f"{name} not found ({how}); its column is left out."
                print(note)
                notes.append(note)

    result: dict = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "machine": machine(),
                    "settings": {"sizes": sizes, "repeat": args.repeat, "tui_repeat": tui_repeat,
                                 "idle_seconds": idle_seconds, "quick": args.quick, "zone": ZONE},
                    "baseline": {}, "sizes": {}, "notes": notes}
    baseline: list[float] = []

    minimal_runs: list[dict] = []

    for size in sizes:
        print(f"{size:,} entries ...", flush=True)
        paths = prepared(size, args.data_dir, peers)
        log = OffloadLog(paths["offload"])
        helps = available(paths["offload"], env)
        cases, missing = offload_cases(log, helps)
        for name in missing:
            note = f"offload {name}: not in this checkout yet, skipped."
            if note not in notes:
                notes.append(note)
        measure(cases, env, args.repeat, float("inf"), baseline)
        log.reset()
        data: dict = {"commands": {}, "missing_commands": missing}
        for c in cases:
            data["commands"][c.name] = stats([s.wall for s in c.samples]) if c.samples else {"problem": c.problem}
        for peer, make in (("watson", watson_cases), ("timew", timew_cases)):
            exe = peers.get(peer)
            if not exe:
                continue
            print(f"  {peer} ...", flush=True)
            folder = FolderLog(paths[peer], args.data_dir / f"work-{size}-{peer}")
            extra = {"WATSON_DIR": str(folder.work)} if peer == "watson" else {"TIMEWARRIORDB": str(folder.work)}
            peer_cases = make(exe, folder)
            measure(peer_cases, child_env(extra), args.repeat, budget, baseline)
            folder.reset()
            data[peer] = {c.name: (stats([s.wall for s in c.samples]) if c.samples else {"problem": c.problem})
                          for c in peer_cases}
        if not args.no_tui:
            print("  TUI ...", flush=True)
            data["tui"] = measure_tui(paths["offload"], env, tui_repeat, minimal_runs)
            log.reset()
        result["sizes"][str(size)] = data

    result["baseline"]["python"] = stats(baseline)
    if minimal_runs:
        keys = sorted({k for r in minimal_runs for k, v in r.items() if isinstance(v, (int, float))})
        result["baseline"]["minimal_app"] = {k: stats([r[k] for r in minimal_runs if k in r]) for k in keys}
    if not args.no_tui:
        print(f"idle CPU over {idle_seconds:g} s ...", flush=True)
        biggest = args.data_dir / f"work-{max(sizes)}.db"
        log = OffloadLog(biggest)
        log.running()
        idle: dict = {}
        for who, db in (("offload", biggest), ("minimal app", "-")):
            what = "idle-offload" if who == "offload" else "idle-minimal"
            data, _ = tui_probe(what, db, env, idle_seconds)
            idle[who] = data
        log.reset()
        result["idle"] = idle
        if idle_seconds < 60:
            notes.append("The Log screen re-reads the week once a minute; an idle window under 60 s may miss it.")
    if not args.no_tui and not args.no_tmux:
        print("first visits through tmux ...", flush=True)
        biggest = args.data_dir / f"work-{max(sizes)}.db"
        s = run_child([PY, str(BENCH / "tmux_switch.py"), str(biggest), "--repeat", str(tui_repeat)], env,
                      keep_output=True, timeout=600)
        lines = [ln for ln in s.out.splitlines() if ln.startswith("{")]
        result["first_visit"] = json.loads(lines[-1]) if s.rc == 0 and lines else {"error": s.out.strip()[-400:]}
        OffloadLog(biggest).reset()
    result["machine"]["load_average_end"] = os.getloadavg()
    result["targets"] = evaluate(result)
    print_report(result)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.results_dir / f"bench-{stamp}.json"
    out.write_text(json.dumps(result, indent=1))
    (args.results_dir / "latest.json").write_text(json.dumps(result, indent=1))
    (args.results_dir / "latest.md").write_text(markdown_report(result))
    print(f"\nJSON: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

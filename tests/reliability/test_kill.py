"""Killed at any moment (SIGKILL, as a power cut looks to the process): nothing reported is lost.

After each kill: `PRAGMA integrity_check` is ok, at most one entry runs, no two entries
overlap, and every command that said it succeeded is in the database.
"""

from __future__ import annotations

import calendar
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from ._support import SOAK, child_env, offload_argv, scaled, soundness

WRITER = Path(__file__).with_name("_writer.py")


def _epoch(text: str) -> int:
    return calendar.timegm(time.strptime(text, "%Y-%m-%d %H:%M"))


def _stamp(epoch: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(epoch))


def _run_and_maybe_kill(argv: list[str], delay: float) -> tuple[int, str]:
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=child_env({"TZ": "UTC"}))
    try:
        out, _ = proc.communicate(timeout=delay)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
    return proc.returncode, out


def test_offload_commands_killed_at_random_points(tmp_path: Path) -> None:
    """`offload start/stop/add` as real processes, SIGKILLed at random moments of their run."""
    rng = random.Random(scaled(6, time.time_ns()))
    db = tmp_path / "offload.db"
    seed = subprocess.run(offload_argv(db, "add", "Seed", "--from=2019-01-01 08:00", "--to=2019-01-01 08:30"),
                          capture_output=True, text=True, env=child_env({"TZ": "UTC"}))
    assert seed.returncode == 0, seed.stderr
    started = time.monotonic()
    typical = _timed(db)
    budget, runs = scaled(8, 300), scaled(30, 1000)
    switch_at = _epoch("2020-01-01 00:00")  # starts and stops move forward a minute each
    add_at = _epoch("2019-01-02 00:00")  # missed entries in the year before, never overlapping
    reported: list[tuple[str, str, int]] = []
    kills = 0
    for i in range(runs):
        # The time budget bounds a slow machine's run, never what the test proves: it stops
        # early only once enough commands were killed.
        if time.monotonic() - started > budget and kills >= 5:
            break
        op = rng.choice(["start", "start", "stop", "add"])
        if op == "start":
            switch_at += 60
            argv = offload_argv(db, "start", f"Run {i}", f"--at={_stamp(switch_at)}")
        elif op == "stop":
            switch_at += 60
            argv = offload_argv(db, "stop", f"--at={_stamp(switch_at)}")
        else:
            add_at += 120
            argv = offload_argv(db, "add", f"Add {i}", f"--from={_stamp(add_at)}", f"--to={_stamp(add_at + 60)}")
        # Half the kills anywhere in the run, half near its end, where the database is written.
        delay = typical * (rng.uniform(0, 1.2) if rng.random() < 0.5 else rng.uniform(0.7, 1.05))
        code, out = _run_and_maybe_kill(argv, delay)
        kills += code == -signal.SIGKILL
        if code == 0:
            reported.append((op, f"{'Run' if op == 'start' else 'Add'} {i}", switch_at if op != "add" else add_at))
        state = soundness(db)
        assert state["integrity"] == "ok"
        assert state["running"] <= 1
        assert not state["overlaps"] and not state["backwards"]
    assert kills >= 5, "the test should have killed some commands"
    _assert_all_there(db, reported)


def _timed(db: Path) -> float:
    begin = time.monotonic()
    subprocess.run(offload_argv(db, "status"), capture_output=True, env=child_env({"TZ": "UTC"}))
    return time.monotonic() - begin


def _assert_all_there(db: Path, reported: list[tuple[str, str, int]]) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        for op, name, at in reported:
            if op == "stop":
                found = conn.execute("SELECT 1 FROM entries WHERE end_utc = ?", (at,)).fetchone()
            else:
                found = conn.execute(
                    "SELECT 1 FROM entries e JOIN tasks t ON t.id = e.task_id WHERE t.name = ? AND e.start_utc = ?",
                    (name, at),
                ).fetchone()
            assert found, f"{op} {name} at {at} reported success but is not in the database"
    finally:
        conn.close()


def test_writer_killed_mid_transaction_many_times(fast_dir: Path) -> None:
    """A process switching and adding in a tight loop, killed at random: every `ok` it printed stays."""
    rng = random.Random(scaled(7, time.time_ns()))
    db = fast_dir / "offload.db"
    rounds = scaled(20, 400)
    t0 = time.time_ns()
    printed: list[str] = []
    for r in range(rounds):
        argv = [sys.executable, str(WRITER), str(db), f"K{r}", "100000", str(t0),
                "--add-every", "5", "--lane", str(r)]
        proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=child_env())
        # Wait for the first committed line, so the kill lands among writes, then let it run a little.
        first = proc.stdout.readline()
        if first:
            printed.append(first.strip())
        time.sleep(rng.uniform(0, 0.15 if not SOAK else 0.5))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        assert "Traceback" not in err, err
        printed.extend(line for line in out.splitlines() if line.strip())
        state = soundness(db)
        assert state["integrity"] == "ok"
        assert state["running"] <= 1
        assert not state["overlaps"] and not state["backwards"]
    assert not [line for line in printed if line.startswith("refused")]
    _assert_printed_there(db, printed)
    _assert_switches_seamless(db)
    _assert_backups_sound(db)


def _assert_printed_there(db: Path, printed: list[str]) -> None:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        have = {
            (name, start)
            for name, start in conn.execute("SELECT t.name, e.start_utc FROM entries e JOIN tasks t ON t.id = e.task_id")
        }
    finally:
        conn.close()
    oks = [line.split(" ", 2)[2].split("|") for line in printed if line.startswith("ok ")]
    assert oks
    missing = [(name, start) for name, start, _ in oks if (name, int(start)) not in have]
    assert not missing, f"reported but lost: {missing[:5]}"


def _assert_backups_sound(db: Path) -> None:
    """A daily copy cut short by a kill never looks like a backup: every *.db there is whole."""
    import sqlite3

    for copy in (db.parent / "backups").glob("*.db"):
        conn = sqlite3.connect(copy)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", copy
        finally:
            conn.close()


def _assert_switches_seamless(db: Path) -> None:
    """A switch ends one entry and starts the next in one transaction: killed or not, the
    switched entries (this test's 2026 ones) follow each other with no gap."""
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        rows = conn.execute(
            "SELECT start_utc, end_utc FROM entries WHERE start_utc >= 1767225600 ORDER BY start_utc"
        ).fetchall()
    finally:
        conn.close()
    assert rows
    gaps = [(a, b) for a, b in zip(rows, rows[1:]) if a[1] != b[0]]
    assert not gaps, f"a switch was cut in half: {gaps[:3]}"


def test_restore_killed_at_random_points_leaves_the_old_or_the_restored_log(tmp_path: Path) -> None:
    """`offload restore` cut short: the database is whole, and holds either what it held or the backup."""
    import sqlite3

    rng = random.Random(scaled(8, time.time_ns()))
    db = tmp_path / "offload.db"

    def entries() -> list[tuple]:
        conn = sqlite3.connect(db)
        try:
            return conn.execute("SELECT task_id, start_utc, end_utc FROM entries ORDER BY start_utc").fetchall()
        finally:
            conn.close()

    env = child_env({"TZ": "UTC"})
    for minute in range(3):
        done = subprocess.run(offload_argv(db, "add", "Old", f"--from=2019-01-01 08:0{minute}",
                                           f"--to=2019-01-01 08:0{minute + 1}"), capture_output=True, env=env)
        assert done.returncode == 0
    made = subprocess.run(offload_argv(db, "backup"), capture_output=True, text=True, env=env)
    backup = made.stdout.strip().removeprefix("Backed up to ")
    in_backup = entries()
    done = subprocess.run(offload_argv(db, "add", "New", "--from=2019-01-02 08:00", "--to=2019-01-02 09:00"),
                          capture_output=True, env=env)
    assert done.returncode == 0
    current = entries()
    typical = _timed(db)
    for _ in range(scaled(10, 100)):
        code, _out = _run_and_maybe_kill(offload_argv(db, "restore", backup), typical * rng.uniform(0.5, 1.5))
        assert soundness(db)["integrity"] == "ok"
        now_there = entries()
        assert now_there in (current, in_backup)
        if code == 0:
            assert now_there == in_backup
        if now_there == in_backup:  # put the newer log back for the next round
            assert subprocess.run(offload_argv(db, "add", "New", "--from=2019-01-02 08:00",
                                               "--to=2019-01-02 09:00"), capture_output=True, env=env).returncode == 0
            current = entries()

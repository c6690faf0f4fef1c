"""Hand-made weeks of work, logged through the service (Mon 16 – Fri 20 Nov 2026, London)."""

from __future__ import annotations

BOOKS = "Bookkeeping and accounts"


def log_week(service) -> None:
    """A week of support work, four of its tasks highlighted, none grouped."""
    add = service.log.add
    add("Invoices", "2026-11-16 09:00", "2026-11-16 10:30")
    add("Invoices", "2026-11-18 09:00", "2026-11-18 10:00")
    add("Payroll", "2026-11-17 14:00", "2026-11-17 15:00")
    add("Update WordPress", "2026-11-17 16:00", "2026-11-17 16:45")
    add("Gardening", "2026-11-19 08:00", "2026-11-19 08:30")
    add("Client work", "2026-11-19 09:00", "2026-11-19 17:00")
    for name in ("Invoices", "Payroll", "Update WordPress", "Gardening"):
        service.review.set_highlight(name, True)


def grouped(service) -> None:
    """`log_week`, three of its tasks in two skill sets, and an hourly value set."""
    log_week(service)
    service.grouping.assign("Invoices", BOOKS)
    service.grouping.assign("Payroll", BOOKS)
    service.grouping.assign("Update WordPress", "Website maintenance")
    service.settings.set("hourly_value", "80")


def log_review_week(service) -> None:
    """The Review's week: 10 hours of three tasks, nothing highlighted; one note has markup in it."""
    log = service.log
    log.add("Design", "2026-11-16 09:00", "2026-11-16 15:00")
    log.add("Invoices", "2026-11-16 15:00", "2026-11-16 17:00")
    log.add("Email", "2026-11-17 08:30", "2026-11-17 09:00")
    log.add("Invoices", "2026-11-19 09:00", "2026-11-19 10:00", note="[b]late[/b] payers")
    log.add("Email", "2026-11-19 10:00", "2026-11-19 10:30")

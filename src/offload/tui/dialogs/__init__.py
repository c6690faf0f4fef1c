"""Modal forms and pickers, apart from the screens; the forms share one base (form.py)."""

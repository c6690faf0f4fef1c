"""SQLite storage: schema, migrations and queries. The only package that writes SQL."""

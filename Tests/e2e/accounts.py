"""The demo data's sign-ins, one per role (made by `taitotutka demo`), and how a test gives another demo
employee a sign-in of their own. Update here when they change."""
import datetime
import os
import sqlite3

import pytest

DEMO_PASSWORD = "demo-salasana-2026"

# login -> what the role is, for messages.
DEMO_SIGN_INS = {
    "admin": "administrator",
    "hr": "HR of organisation jarvela",
    "hr.koskenkyla": "HR of another organisation",
    "koordinaattori": "tutor coordinator",
    "esihenkilo": "supervisor of unit A",
    "esihenkilo2": "supervisor of unit B",
    "tyontekija": "employee",
    "digitutor": "employee who is a digitutor",
}


def demo_database():
    """A connection to the database the browser tests' server runs on (foreign keys on)."""
    path = os.environ.get("E2E_DATABASE")
    if not path:
        pytest.skip("E2E_DATABASE is not set: run the browser tests with Tests/e2e/run.py")
    connection = sqlite3.connect(path, timeout=30)
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def grant_sign_in(login, choose_employee_sql, parameters=(), missing="the demo has no such employee"):
    """Gives the employee `choose_employee_sql` picks (its first column) the sign-in `login` with the
    demo password and the employee role, once; the demo has sign-ins for a few roles only. Returns
    `login`."""
    connection = demo_database()
    try:
        with connection:
            if connection.execute("SELECT 1 FROM users WHERE login = ?", (login,)).fetchone() is None:
                row = connection.execute(choose_employee_sql, parameters).fetchone()
                assert row, missing
                password_hash = connection.execute(
                    "SELECT password_hash FROM users WHERE login = 'tyontekija'").fetchone()[0]
                now = datetime.datetime.now(datetime.timezone.utc)
                stamp = now.strftime("%Y-%m-%d %H:%M:%S.") + f"{now.microsecond // 1000:03d}"
                # A board writer of the demo already has a sign-in without a password (the identity
                # provider's): it gets the login and the demo password instead of a second sign-in.
                existing = connection.execute("SELECT id FROM users WHERE employee_id = ?", (row[0],)).fetchone()
                if existing:
                    connection.execute("UPDATE users SET login = ?, password_hash = ? WHERE id = ?",
                                       (login, password_hash, existing[0]))
                else:
                    user = connection.execute(
                        "INSERT INTO users (login, password_hash, employee_id, created_at) VALUES (?, ?, ?, ?)",
                        (login, password_hash, row[0], stamp)).lastrowid
                    connection.execute("INSERT INTO role_assignments (user_id, role) VALUES (?, 'employee')", (user,))
    finally:
        connection.close()
    return login

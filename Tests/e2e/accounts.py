"""The demo data's sign-ins, one per role (made by `taitotutka demo`). Update here when they change."""

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

"""The survey loop over a real socket, with the real binary and demo data: HR creates and opens a
round, a supervisor prints one-time codes, an employee answers by sign-in and colleagues by code,
each once; HR closes the round; dashboards and exports answer with the anonymity rule applied."""
import datetime
import os
import re
import sqlite3
import unittest

from test_web import Client, DemoServer

CODE = re.compile(r"\b([0-9A-Z]{5}-[0-9A-Z]{5})\b")


def location(response):
    return response.headers.get("Location", "")


def answer_whole_survey(client, base, value="4"):
    """Answers every area page of a survey and the open questions, then returns the review page."""
    response, text = client.request("GET", base)
    assert response.status == 200, (base, response.status)
    step = 1
    while True:
        response, text = client.request("GET", f"{base}/areas/{step}")
        if response.status != 200:
            break
        fields = {name: value for name in set(re.findall(r'name="(s\d+)"', text))}
        fields.update(go="next", csrf_token=client.token)
        response, _ = client.request("POST", f"{base}/areas/{step}", fields)
        assert response.status == 303, (step, response.status)
        step += 1
    response, text = client.request("GET", f"{base}/questions")
    questions = set(re.findall(r'name="(q\d+)"', text))
    if questions:
        fields = {name: "Lisää aikaa opetella" for name in questions}
        fields.update(go="next", csrf_token=client.token)
        client.request("POST", f"{base}/questions", fields)
    response, text = client.request("GET", f"{base}/review")
    assert response.status == 200, response.status
    return step - 1


class SurveyLoopOverSocketTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = DemoServer()
        cls.database = os.path.join(cls.server.folder.name, "web.sqlite")

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def client(self):
        return Client(self.server.port)

    def create_and_open_round(self, hr):
        hr.request("GET", "/organisations/jarvela/rounds/new")
        response, text = hr.request("GET", "/organisations/jarvela/rounds/new")
        framework = re.search(r'<option value="(\d+)"', text).group(1)
        today = datetime.date.today()
        response, text = hr.request("POST", "/organisations/jarvela/rounds/new", {
            "title": "Socket-testin kysely", "framework_id": framework, "scope": "organisation",
            "opens_on": today.isoformat(), "closes_on": (today + datetime.timedelta(days=7)).isoformat(),
            "mode": "anonymous", "minimum_group_size": "5", "open_answer_threshold": "10",
            "q1_fi": "Mitä tukea toivot?", "q1_sv": "", "q1_en": "", "csrf_token": hr.token})
        self.assertEqual(response.status, 303, text[:2000])
        round_path = re.match(r"(/rounds/\d+)", location(response)).group(1)
        hr.request("GET", round_path)
        response, _ = hr.request("POST", round_path + "/open", {"csrf_token": hr.token})
        self.assertEqual(response.status, 303)
        return round_path, int(round_path.rsplit("/", 1)[1])

    def test_the_whole_loop(self):
        hr = self.client()
        hr.sign_in("hr")
        round_path, round_id = self.create_and_open_round(hr)

        # A supervisor prints three code slips for their unit.
        supervisor = self.client()
        supervisor.sign_in("esihenkilo")
        _, units_page = supervisor.request("GET", "/units")
        unit_id = re.search(r'href="/units/(\d+)"', units_page).group(1)
        supervisor.request("GET", f"/units/{unit_id}/surveys")
        response, slips = supervisor.request("POST", f"/units/{unit_id}/surveys/{round_id}/codes",
                                             {"count": "3", "csrf_token": supervisor.token})
        self.assertEqual(response.status, 200)
        codes = sorted(set(CODE.findall(slips)))
        self.assertEqual(len(codes), 3, slips[:3000])

        # The employee answers by sign-in; submitting twice stores one response.
        employee = self.client()
        employee.sign_in("tyontekija")
        base = f"/surveys/{round_id}"
        self.assertEqual(answer_whole_survey(employee, base), 9)
        token = employee.token
        first, _ = employee.request("POST", base + "/submit", {"csrf_token": token})
        second, _ = employee.request("POST", base + "/submit", {"csrf_token": token})
        self.assertEqual((first.status, location(first)), (303, base + "/thanks"))
        self.assertEqual((second.status, location(second)), (303, base + "/thanks"))
        response, thanks = employee.request("GET", base + "/thanks")
        self.assertIn("<svg", thanks)

        # Colleagues without a sign-in answer with the codes, each once.
        for code in codes:
            colleague = self.client()
            colleague.request("GET", "/k")
            response, _ = colleague.request("POST", "/k", {"code": code.lower(), "csrf_token": colleague.token})
            self.assertEqual(location(response), "/k/survey")
            answer_whole_survey(colleague, "/k/survey", value="2")
            response, _ = colleague.request("POST", "/k/survey/submit", {"csrf_token": colleague.token})
            self.assertEqual(location(response), "/k/survey/thanks")
        reused = self.client()
        reused.request("GET", "/k")
        response, text = reused.request("POST", "/k", {"code": codes[0], "csrf_token": reused.token})
        self.assertEqual(response.status, 422)

        with sqlite3.connect(self.database) as db:
            stored = db.execute("SELECT count(*) FROM survey_responses WHERE round_id = ?", (round_id,)).fetchone()[0]
            owners = db.execute("""SELECT count(*) FROM survey_response_owners o JOIN survey_responses r
                                   ON r.key = o.response_key WHERE r.round_id = ?""", (round_id,)).fetchone()[0]
            columns = [row[1] for row in db.execute("PRAGMA table_info(survey_responses)")]
            invitation_columns = [row[1] for row in db.execute("PRAGMA table_info(survey_invitations)")]
            credentials = db.execute("SELECT count(*) FROM survey_answer_credentials WHERE round_id = ?",
                                     (round_id,)).fetchone()[0]
            audit = db.execute("SELECT action, detail FROM audit_log WHERE action NOT LIKE 'demo.%' AND (action LIKE '%submit%' "
                               "OR detail LIKE '%response%')").fetchall()
        self.assertEqual(stored, 4)
        self.assertEqual(owners, 0, "an anonymous response has an owner")
        self.assertEqual(columns, ["key", "round_id", "sealed"], "a response keeps nothing in the clear")
        self.assertNotIn("answered_on", invitation_columns, "who answered is not in the invitations")
        self.assertEqual(credentials, 1, "the signed-in answer is one keyed credential")
        self.assertEqual(audit, [], "the audit log mentions a submission")

        # HR closes the round: four respondents are fewer than five, so no figure is shown anywhere.
        hr.request("GET", round_path)
        response, _ = hr.request("POST", round_path + "/close", {"csrf_token": hr.token})
        self.assertEqual(response.status, 303)
        response, dashboard = hr.request("GET", round_path + "/results")
        self.assertEqual(response.status, 200)
        self.assertIn("Alle 5 vastausta", dashboard)
        self.assertNotIn("<svg", dashboard)
        response, export = hr.request("GET", round_path + "/results/export.csv?separator=semicolon")
        self.assertTrue(export.startswith("\ufeff"))
        self.assertNotRegex(export, r";[1-5],\d;", "a figure of a suppressed group in the export")

    def test_dashboards_of_a_demo_round_show_figures_to_whom_they_belong(self):
        hr = self.client()
        hr.sign_in("hr")
        _, index = hr.request("GET", "/results")
        open_path, dashboard_path = re.findall(r'href="(/rounds/\d+/results)"', index)[:2]
        # The newest round is open: how many have answered, never what.
        response, progress = hr.request("GET", open_path)
        self.assertEqual(response.status, 200)
        self.assertIn("Vastanneet tähän mennessä", progress)
        self.assertNotIn("<svg", progress)
        self.assertNotIn("Keskiarvo", progress)
        # The one before it is closed: its figures are published.
        response, dashboard = hr.request("GET", dashboard_path)
        self.assertEqual(response.status, 200)
        self.assertIn("<svg", dashboard)
        self.assertRegex(dashboard, r"\d,\d")
        response, export = hr.request("GET", dashboard_path + "/export.csv")
        self.assertEqual(response.getheader("Content-Type"), "text/csv; charset=utf-8")
        self.assertIn("attachment", response.getheader("Content-Disposition"))
        other = self.client()
        other.sign_in("hr.koskenkyla")
        response, _ = other.request("GET", dashboard_path)
        self.assertEqual(response.status, 404)
        anonymous = self.client()
        response, _ = anonymous.request("GET", dashboard_path)
        self.assertEqual(response.status, 303)


if __name__ == "__main__":
    unittest.main()

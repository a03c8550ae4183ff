#!/usr/bin/env python3
"""Prepares survey submissions for `make bench`: one-time codes for the open round of an organisation,
each with a complete saved draft, so that every benchmark request is one real submission of a whole
questionnaire by a different respondent. Writes the codes, one per line, to OUT.

Usage: bench_survey_fixture.py DATABASE ORGANISATION_SLUG COUNT OUT"""
import hashlib
import random
import sqlite3
import sys

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def main(database, slug, count, out):
    connection = sqlite3.connect(database)
    round_id, unit_id, statements = connection.execute("""
        SELECT r.id, (SELECT unit_id FROM survey_invitations i WHERE i.round_id = r.id
                      GROUP BY unit_id ORDER BY count(*) DESC LIMIT 1),
               (SELECT count(*) FROM framework_statements s JOIN framework_areas a ON a.id = s.area_id
                WHERE a.framework_id = r.framework_id)
        FROM survey_rounds r JOIN organisations o ON o.id = r.organisation_id
        WHERE o.slug = ? AND r.status = 'open' ORDER BY r.id DESC LIMIT 1""", (slug,)).fetchone()
    generator = random.Random(2026)
    codes = ["".join(generator.choice(ALPHABET) for _ in range(10)) for _ in range(count)]
    day = connection.execute("SELECT date('now')").fetchone()[0]
    with connection:
        for code in codes:
            digest = hashlib.sha256(code.encode()).digest()
            answers = "".join(generator.choice("2345-") for _ in range(statements))
            connection.execute("INSERT INTO survey_codes (code_hash, round_id, unit_id, created_on) VALUES (?, ?, ?, ?)",
                               (digest, round_id, unit_id, day))
            connection.execute("""INSERT INTO survey_drafts (round_id, respondent, answers, open_answers, updated_on)
                                  VALUES (?, ?, ?, '{}', ?)""", (round_id, "code:" + digest.hex(), answers, day))
    with open(out, "w") as file:
        file.write("\n".join(codes) + "\n")
    print(f"round {round_id}, unit {unit_id}, {statements} statements, {count} codes with drafts")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4])

"""The Nu Html Checker (npm vnu-jar, run on Java 17) finds no errors in the main page types, as
the server sent them (not as the browser's DOM has them after scripts ran)."""

import json
import subprocess

import pytest

from .conftest import IN_CI, sign_in, vnu_jar


def check_html(documents: dict[str, str], workdir) -> list[str]:
    """Run vnu once over every document; return its errors as readable lines."""
    jar = vnu_jar()
    if jar is None:
        reason = "the Nu Html Checker is missing: run `npm ci --ignore-scripts` in tests/browser (needs java)"
        if IN_CI:
            pytest.fail(reason)
        pytest.skip(reason)
    files = []
    for name, html in documents.items():
        path = workdir / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(str(path))
    result = subprocess.run(
        ["java", "-jar", jar, "--format", "json", "--errors-only", "--exit-zero-always", *files],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    assert all(m["type"] in ("error", "info") for m in messages), messages  # non-document-error: broken run
    return [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}  «{m.get('extract', '')}»"
        for m in messages
        if m["type"] == "error"
    ]


def test_main_page_types_are_valid_html(new_context, server, tmp_path):
    page = new_context().new_page()
    documents = {}

    def grab(name, path, status=200):
        response = page.goto(path)
        assert response.status == status, f"{path}: {response.status}"
        documents[name] = response.text()

    grab("home", "/")
    grab("consultation-list", server.data["index_url"])
    grab("consultation-anonymous", server.data["consultation_url"])
    grab("proposal-anonymous", server.data["proposal_url"])
    grab("closed-with-results", server.data["closed_consultation_url"])
    grab("sign-in", "/accounts/login/")
    grab("sign-up", "/accounts/signup/")
    grab("search", "/search/?q=hospital")
    grab("not-found", "/no-such-page/", status=404)
    grab("reports-map", "/reports/")
    grab("reports-list", "/reports/list/")
    grab("proposals-map", "/maps/proposals/")
    sign_in(page, "resident15@northbrook.example")
    grab("profile", "/accounts/profile/")
    grab("report-new", "/reports/new/")
    grab("consultation-signed-in", server.data["consultation_url"])
    grab("proposal-signed-in", server.data["proposal_url"])
    page.goto(server.data["consultation_url"])
    with page.expect_response(lambda r: r.request.method == "POST") as posted:
        page.locator("#comment-form").get_by_role("button", name="Post comment").click()
    documents["comment-errors"] = posted.value.text()

    errors = check_html(documents, tmp_path)
    assert not errors, "The Nu Html Checker found errors:\n" + "\n".join(errors)

"""The API's documentation page works under the site's strict CSP, with every asset from 127.0.0.1."""


def test_api_docs_render_the_schema_without_csp_violations(new_context, server):
    context = new_context()
    page = context.new_page()
    violations, errors = [], []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    response = page.goto("/api/v1/docs/")
    assert response.status == 200
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".opblock").first.wait_for()  # Swagger UI fetched the schema and drew the operations
    assert page.locator(".opblock").count() >= 16
    assert "/api/v1/consultations/" in page.content()
    assert violations == [] and errors == [], (violations, errors)
    assert context.outside_requests == []

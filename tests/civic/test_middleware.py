"""NUL bytes are refused before any view runs: PostgreSQL can neither store nor compare them."""


def test_nul_in_the_query_string_is_a_400(client, db):
    response = client.get("/search/", {"q": "a\x00b"})
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_encoded_nul_in_a_form_post_is_a_400_and_saves_nothing(client, consultation, resident):
    from consultations.models import Comment
    from tests.support.auth import sign_in

    sign_in(client, resident)
    response = client.post(
        f"/consultations/{consultation.pk}/comment/",
        {
            "body": "Hello\x00there",
            "stance": "support",
            "client_token": "6f1c8c52-3f7e-4c41-9a5e-1c1f0e6b1a10",
        },
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_ordinary_requests_pass(client, db):
    assert client.get("/search/", {"q": "library"}).status_code == 200

"""The Welsh page scanner finds English words and ignores parts marked as English content."""

from tests.welsh import english_words


def test_finds_english_text_and_labels() -> None:
    html = '<p>Sylwadau</p><button aria-label="Send comment">Anfon</button><p>Sign in to vote</p>'
    assert english_words(html) == {"send", "comment", "sign", "vote"}


def test_ignores_content_marked_english_scripts_and_allowed_words() -> None:
    html = (
        '<html lang="cy"><body><h1>Cynigion</h1><div lang="en-GB"><p>The proposal for the library</p></div>'
        "<script>var the = 1;</script><p>Search</p></body></html>"
    )
    assert english_words(html) == {"search"}
    assert english_words(html, allow={"search"}) == set()


def test_reads_the_value_of_input_buttons_but_not_of_choices() -> None:
    html = (
        '<input type="submit" value="Send"><input type="radio" name="a" value="other">'
        '<input type="hidden" value="the">'
    )
    assert english_words(html) == {"send"}


def test_names_with_digits_are_not_words() -> None:
    assert english_words("<p>Open311 GeoReport v2</p>") == set()

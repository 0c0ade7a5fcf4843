import pytest

from civic.links import absolute


@pytest.mark.parametrize("base", ["https://civic.example", "https://civic.example/"])
def test_absolute_joins_the_site_address_and_a_path_with_one_slash(settings, base):
    settings.WAGTAILADMIN_BASE_URL = base
    assert absolute("/reports/7/") == "https://civic.example/reports/7/"
    assert absolute("") == "https://civic.example/"

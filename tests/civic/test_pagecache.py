"""Each request reads a version token once (civic.pagecache.versions), and forgets it when it bumps it."""

import pytest

from civic import pagecache
from tests.support.auth import sign_in

pytestmark = pytest.mark.usefixtures("page_cache")


def test_a_signed_in_page_reads_the_version_tokens_once(client, consultation, resident, monkeypatch):
    sign_in(client, resident)
    client.get(consultation.url)  # warm: the shared parts and the route are stored
    store = pagecache.store()
    reads = []
    original = store.get_many

    def counting(keys, *args, **kwargs):
        reads.append(list(keys))
        return original(keys, *args, **kwargs)

    monkeypatch.setattr(store, "get_many", counting)
    assert client.get(consultation.url).status_code == 200
    tokens = [key for keys in reads for key in keys if key.startswith("pc:v:")]
    assert sorted(tokens) == sorted(set(tokens)) == [f"pc:v:consultation:{consultation.pk}", "pc:v:site"]


def test_a_bump_in_the_request_is_seen_by_its_later_reads():
    reading = pagecache._read.set({})
    try:
        before = pagecache.versions([pagecache.SITE])
        assert pagecache.versions([pagecache.SITE]) == before  # read once
        pagecache.bump(pagecache.SITE)
        assert pagecache.versions([pagecache.SITE]) != before
    finally:
        pagecache._read.reset(reading)

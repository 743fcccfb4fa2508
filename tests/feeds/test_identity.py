from __future__ import annotations

import pytest

from feeds.identity import canonical_url, fallback_key, guid_key, is_site_root, link_key, stable_hash

RAW = "https://www.irna.ir/news/83714160/معاون-استاندار-تهران"
ENCODED = "https://www.irna.ir/news/83714160/%D9%85%D8%B9%D8%A7%D9%88%D9%86-%D8%A7%D8%B3%D8%AA%D8%A7%D9%86%D8%AF%D8%A7%D8%B1-%D8%AA%D9%87%D8%B1%D8%A7%D9%86"

SAME = [
    ("scheme", "http://www.isna.ir/news/1402", "https://www.isna.ir/news/1402"),
    ("host-case", "https://WWW.ISNA.IR/news/1402", "https://www.isna.ir/news/1402"),
    ("www", "https://isna.ir/news/1402", "https://www.isna.ir/news/1402"),
    ("trailing-slash", "https://www.isna.ir/news/1402/", "https://www.isna.ir/news/1402"),
    ("fragment", "https://www.isna.ir/news/1402#comments", "https://www.isna.ir/news/1402"),
    ("default-port", "https://www.isna.ir:443/news/1402", "https://www.isna.ir/news/1402"),
    ("utm", "https://www.isna.ir/news/1402?utm_source=telegram&utm_medium=rss", "https://www.isna.ir/news/1402"),
    ("fbclid-gclid", "https://www.isna.ir/news/1402?fbclid=abc&gclid=x", "https://www.isna.ir/news/1402"),
    ("param-order", "https://x.ir/news.aspx?id=5&lang=fa", "https://x.ir/news.aspx?lang=fa&id=5"),
    ("percent-vs-raw", ENCODED, RAW),
    ("percent-case", "https://x.ir/%d9%85", "https://x.ir/%D9%85"),
]


@pytest.mark.parametrize(("a", "b"), [c[1:] for c in SAME], ids=[c[0] for c in SAME])
def test_equivalent_links_have_one_canonical_form(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)
    assert link_key(a) == link_key(b)


DIFFERENT = [
    ("path", "https://www.isna.ir/news/1402", "https://www.isna.ir/news/1403"),
    ("id-param", "https://x.ir/news.aspx?id=5", "https://x.ir/news.aspx?id=6"),
    ("host", "https://www.isna.ir/news/1402", "https://www.irna.ir/news/1402"),
    ("port", "https://x.ir:8443/a", "https://x.ir/a"),
]


@pytest.mark.parametrize(("a", "b"), [c[1:] for c in DIFFERENT], ids=[c[0] for c in DIFFERENT])
def test_different_links_stay_different(a: str, b: str) -> None:
    assert canonical_url(a) != canonical_url(b)


@pytest.mark.parametrize("url", ["ftp://x.ir/a", "mojnews-481203", "", "javascript:void(0)", "http://[::1"])
def test_non_http_is_not_a_link(url: str) -> None:
    assert canonical_url(url) is None and link_key(url) is None


def test_url_guid_and_link_share_one_key() -> None:
    assert guid_key("https://www.irna.ir/news/1/") == link_key("http://irna.ir/news/1")
    assert guid_key("mojnews-481203") != link_key("https://www.mojnews.com/fa/news/481203")


def test_keys_are_pinned_so_they_survive_restarts_and_python_upgrades() -> None:
    # Changing these breaks every deployed seen-set: all items would be announced again.
    assert stable_hash("url", "irna.ir/news/1") == "a5fba7a1672e96da"
    assert guid_key("mojnews-481203") == stable_hash("guid", "mojnews-481203")
    assert fallback_key("عنوان", "2024-03-04T05:00:00+00:00", "خلاصه") == fallback_key(
        " عنوان ", "2024-03-04T05:00:00+00:00", "خلاصه "
    )


def test_site_root() -> None:
    assert is_site_root("https://www.mojnews.com/")
    assert is_site_root("https://www.mojnews.com")
    assert not is_site_root("https://www.mojnews.com/fa/news/1")

"""Places named in an article: provinces (31, any spelling), Iran's counties, towns, districts (بخش) and
rural districts (دهستان), a few regions and the foreign countries and cities news mentions most.

Lookup is by word n-grams compared in squashed form, so `سیستان و بلوچستان`, `سیستان‌وبلوچستان` and
`سيستان و بلوچستان` are one name; official names with «و» are also found without it (`بویین میاندشت`).
Names that are also everyday words (`سرباز`, `نور`, `بافت`) count only after a place cue; towns whose
name is a word count only after «شهر», districts only after «بخش», rural districts only after
«دهستان», villages only after «روستای» (and through a list that such a cue opens: «دهستان‌های الف و
ب», its plural ending written apart too: «شهرستان های …»; the list's items no list has, one or two
words between commas, count too: «۸ روستای سیلوه، زیوکه، …»; given the article's title, a village
counts only when the title names it); a town or district also counts listed after
two places with commas or «و» («مسجدسلیمان، ایذه، گلگیر»), unless it is a first name or a number
word; a district after «شهرستان» is the county made of it since the census lists (`شهرستان چوار`),
and «مرکزی» is the province after «استان» or listed among places. Not a place: a word right
after a first name (`رضا فردوس`), a newspaper, a team or a university (`روزنامه گیلان`, `ملوان بندر انزلی`,
`دانشگاه تهران`), a
religious epithet (`شهیدان کربلا`), a national desk's dateline (`تهران- ایرنا-`, `ایسنا/تهران`) when the story
names another place in Iran, a word inside a
multi-word hashtag (`#ویژه_خراسان_جنوبی`), a lone place line that the text never mentions again (page
chrome), a province/city menu (four or more names in a row with no comma, «و» or sentence around
them) unless the text names the place elsewhere, and the last word of a text cut mid-word. The
division list is package data (`places_ir.csv`, `villages_ir.txt`, sources in
`places_ir.NOTICE.txt`), read once. Imports only digest modules.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from digest.gazetteer import (
    AMBIGUOUS,
    AMBIGUOUS_SHORT_FORMS,
    CITIES,
    FOREIGN,
    PLACE_VARIANTS,
    PROVINCE_VARIANTS,
    REGIONS,
)
from digest.normalize import normalize_fa
from digest.numbers import SCALES, WORDS
from digest.roles import first_names
from digest.textmatch import KEY_WORD, key_text, longest_match, one_edit_apart, squash

_WORD_SPLIT = re.compile(f"({KEY_WORD.pattern})")

PROVINCES: tuple[str, ...] = tuple(PROVINCE_VARIANTS)
MAX_NGRAM = 4
TRUNCATED_MIN_CHARS = 200  # a text this long that ends mid-word (no punctuation) was cut
MENU_MIN_RUN = 4  # this many place names in a row with only spaces or bars between them are a menu
_MENU_GAP = re.compile(r"[\s|•·\-–—/]*")


def _keys(words: str) -> frozenset[str]:
    return frozenset(squash(w) for w in words.split())


# words that announce a place name right after them (in comparison form: no half-spaces)
_CUES = _keys(
    """
    شهرستان شهرستان‌های شهر شهرهای بخش بخش‌های فرماندار فرمانداری بخشدار بخشداری جمعه امام‌جمعه
    مردم استان منطقه مناطق حوزه روستای شهرداری دهستان دهستان‌های جزیره جزایر مرز مرزهای مرزی جاده محور
    """
)
_VILLAGE = "village"
_LOCAL = "local"  # a town or a village, after «حوالی/نزدیکی»
_SEAT = "seat"  # a district after «شهرستان»: a county made of it after the census lists («شهرستان چوار»)
_LISTED = "listed"  # a town or district in a list of places, after a comma or «و»
_NUMBER_KEYS = frozenset(key_text(w) for w in (*WORDS, *SCALES))
MAX_VILLAGE_WORDS = 3
# cue → the kind of division read after it (a town after «شهر», a district after «بخش» …)
_KIND_CUES = {
    **dict.fromkeys(_keys("شهر شهرهای شهرداری"), "town"),
    **dict.fromkeys(_keys("بخش بخش‌های بخشدار بخشداری دهستان دهستان‌های دهدار دهداری"), "division"),
    **dict.fromkeys(_keys("روستای روستاهای دهیاری دهیار"), _VILLAGE),
    **dict.fromkeys(_keys("حوالی نزدیکی"), _LOCAL),
    **dict.fromkeys(_keys("شهرستان شهرستان‌های"), _SEAT),
}
# weak cues ("در نور خورشید", "در صحنه حادثه"): only when the name ends its clause ("۱۲۲ پروژه در سرباز.")
_WEAK_CUES = _keys("در از")
_LIST_CUES = _keys("و")
_CLAUSE_END = re.compile(r"[.،,؛:!؟?/\n»)]")
# "فارس" is also the news agency and the gulf; "مرکزی" is also "central"
_FARS, _MARKAZI, _ALBORZ, _PROVINCE_WORD, _NAQL = (squash(w) for w in ("فارس", "مرکزی", "البرز", "استان", "نقل"))
_FARS_PREV = _keys("خلیج با پارس سایت زبان")
_FARS_AGENCY = _keys("خبرگزاری گزارش خبرنگار خبرنگاران")
_MARKAZI_CUES = _keys("استان استاندار استانداری استان‌های")
_SIDES = [[k] for k in _keys("شمالی جنوبی شرقی غربی")]
_COUNTRY, _AND_WORD = squash("کشور"), squash("و")
_ALBORZ_BLOCKERS = _keys("کوه کوه‌های رشته رشته‌کوه")
# a place right after these is part of another name: a newspaper, a religious epithet, a team («فولاد
# خوزستان»), the neighbour's region («اقلیم کردستان»)
_NOT_PLACE_AFTER = _keys(
    """
    روزنامه نشریه هفته‌نامه ماهنامه فصلنامه شهیدان شهدای سالار
    گزارش تابناک تیم باشگاه سپیدرود ملوان تراکتور تراکتورسازی سپاهان ذوب‌آهن پرسپولیس استقلال پیکان سایپا نساجی
    داماش خیبر گل‌گهر چادرملو آلومینیوم فولاد هوادار هواداران اقلیم
    سد خیابان بلوار میدان هتل ورزشگاه دروازه آزادراه بزرگراه اتوبان بانک بیمه سیمان دانشگاه
    """
)
_PREFIX = re.compile(r"^استان(?:[ \u200c]+|$)")
_LIST_COMMA = re.compile(r"[،,]")
_LIST_JOIN = re.compile(r"[،,\-–]")  # «روستاهای الف، ب», «حوالی فیروزکوه-ارجمند»
# a place right before these names another thing: «گرگان رود» a river, «گلستان شهدا» a martyrs' cemetery
_NOT_PLACE_BEFORE = _keys("رود شهدا شهدای عراق")  # «کردستان عراق»: the neighbour's region
_SPLIT_REGIONS = frozenset({"خراسان", "آذربایجان"})  # each now three or two provinces
_PORT = squash("بندر")  # «بندر ماهشهر» is also written «ماهشهر»
_FUNCTION_WORDS = _keys("به در از با که را و تا این آن هر")
# what follows a person's name in a lead: «احمد دشتی روز پنجشنبه در …», «رضا فردوس امروز با …»
_PERSON_NEXT = _keys("روز امروز دیروز صبح عصر شب در با ضمن طی هم نیز همچنین")
_HOLY = _keys("امام حضرت")
_REPORTING = _keys("گفت افزود اظهار تصریح بیان خاطرنشان عنوان ادامه اعلام توضیح اضافه")
_AND = " و "
_DIVISION_WORDS = _keys("شهرستان بخش دهستان")
_AZ, _TAVABE, _ONE_VILLAGE = squash("از"), squash("توابع"), squash("روستای")
_VILLAGE_SUFFIXES = _keys("محله سرا کلا")  # written apart: «کمال محله», «پیر سرا», «اسبو کلا»
_STRUCK = squash("زده")  # «سیل زده», «زلزله زده»: a village struck by something, written apart
# words that follow «روستای» or «نزدیکی» without naming a village: «روستای محل حادثه», «روستای
# مرزی شهرستان …», «در نزدیکی مرز پاکستان»
_NOT_VILLAGE_WORDS = _keys(
    """
    ما خود محل مورد نظر زادگاه زادگاهش محروم مرزی هدف دورافتاده کوهستانی سیل‌زده زلزله‌زده مذکور
    فوق همجوار مجاور اطراف دیگر ییلاقی کم‌برخوردار حادثه‌دیده آسیب‌دیده یادشده یاد شده نمونه تابع های تحت
    خوش زیبا زیبای سرسبز کوچک بزرگ قدیمی تاریخی گردشگری
    مرز مرزهای جاده محور کوه رودخانه دریا دریاچه سد پل مرکز محل حومه
    ظهر عصر غروب ساعت نیمه‌شب نیمه صبح شب بامداد سحر ظهرگاه
    """
)  # and times: «حوالی ظهر» is about noon
# districts whose names are everyday words after «شهرستان»: «رئیس … شهرستان خبر داد», «شهرستان امام …»
_NOT_SEAT_WORDS = _keys("خبر امام")
_NAME_WORD = re.compile(r"[^\W\d_]+")
# «تهران- ایرنا-» opening a paragraph is the national desk's dateline, not where the story is; a
# provincial dateline («بجنورد-ایرنا-») names the story's place and stays
_NATIONAL_DESK = squash("تهران")
_DASH = re.compile(r"^\s*[-–—_]")


@dataclass(frozen=True, slots=True)
class _Index:
    """Squashed name → canonical name, and the proper prefixes where an n-gram lookup may start."""

    names: dict[str, str]
    prefixes: frozenset[str]
    starts: frozenset[str]  # prefixes and names: the only words where a name may start
    starts_after_function_words: frozenset[str]  # the same without "به", "در" …: no name starts with one

    @classmethod
    def of(cls, names: dict[str, str]) -> _Index:
        prefixes = frozenset(key[:i] for key in names for i in range(1, len(key)))
        starts = prefixes | names.keys()
        return cls(names, prefixes, starts, starts - _FUNCTION_WORDS)


@dataclass(frozen=True, slots=True)
class _Gazetteer:
    main: _Index  # found anywhere (ambiguous ones need a cue, see `_accept`)
    by_kind: dict[str, _Index]  # read only after their cue («شهر», «بخش», «دهستان», «شهرستان»)
    provinces: dict[str, str]  # squashed province spelling → canonical province
    province_of: dict[str, str]  # squashed place → its province, when the name has only one
    counties: frozenset[str]  # squashed official county names («بندرماهشهر», «دیر»)


def _spellings(name: str) -> tuple[str, ...]:
    """A name and its official variant without «و» (`بویین و میاندشت`, `بویین میاندشت`)."""
    return (name, name.replace(_AND, " ")) if _AND in name else (name,)


def _divisions() -> list[tuple[str, str, str, bool]]:
    """(kind, name, province, needs_cue) rows of `places_ir.csv`."""
    text = resources.files("digest").joinpath("places_ir.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines())
    return [(r["kind"], _with_madda(r["name"]), r["province"], r["needs_cue"] == "cue") for r in rows]


def _with_madda(name: str) -> str:
    """The list's `فرون اباد`, `خیراباد` as names are written and annotated: `فرون آباد`, `خیرآباد`."""
    return _ABAD.sub("آباد", name) if "اباد" in name else name


_ABAD = re.compile(r"(?<=.)اباد(?=\s|$)")  # «آباد» ending a word, not «اباده»


def _division_names() -> tuple[dict[str, str], dict[str, dict[str, str]], dict[str, set[str]], set[str]]:
    """From the division list: names found anywhere, names by cue kind, each name's provinces, counties."""
    main: dict[str, str] = {}
    by_kind: dict[str, dict[str, str]] = {"town": {}, "division": {}, _SEAT: {}}
    seats: dict[str, set[str]] = {}
    counties: set[str] = set()
    for kind, name, province, needs_cue in _divisions():
        for spelling in _spellings(name):
            key = squash(spelling)
            if kind == "county":
                counties.add(key)
            seats.setdefault(key, set()).add(province)
            if kind != "county":
                by_kind["town" if kind == "town" else "division"].setdefault(key, name)
            if kind == "district" and key not in _NOT_SEAT_WORDS:
                by_kind[_SEAT].setdefault(key, name)
            if kind == "county" or kind == "town" and not needs_cue:
                main.setdefault(key, name)
    return main, by_kind, seats, counties


@lru_cache(maxsize=1)
def _gazetteer() -> _Gazetteer:
    provinces: dict[str, str] = {}
    for canonical, variants in PROVINCE_VARIANTS.items():
        for spelling in (canonical, *variants):
            provinces[squash(spelling)] = canonical
    main, by_kind, seats, counties = _division_names()
    # khabar's hand-made lists win: their canonical spelling and their province
    listed = {squash(city): province for province, cities in CITIES.items() for city in cities}
    for name in (*FOREIGN, *REGIONS, *(c for cities in CITIES.values() for c in cities)):
        for spelling in _spellings(name):
            main[squash(spelling)] = name
    main.update(provinces)
    main.update({squash(v): name for name, variants in PLACE_VARIANTS.items() for v in variants})
    for names in by_kind.values():  # a division that khabar's lists name is output under their spelling
        for key in names.keys() & main.keys():
            names[key] = main[key]
    province_of = {key: next(iter(p)) for key, p in seats.items() if len(p) == 1}
    province_of.update(listed)
    province_of.update({squash(region): "سیستان و بلوچستان" for region in ("سیستان", "بلوچستان")})
    return _Gazetteer(
        _Index.of(main),
        {kind: _Index.of(names) for kind, names in by_kind.items()},
        provinces,
        province_of,
        frozenset(counties),
    )


def canonical_province(name: str) -> str | None:
    """The canonical province for a spelling (`استان سیستان‌وبلوچستان` → `سیستان و بلوچستان`)."""
    text = _PREFIX.sub("", normalize_fa(name).strip())
    return _gazetteer().provinces.get(squash(text)) if text else None


@lru_cache(maxsize=4096)  # place names recur from article to article
def province_of(place: str) -> str | None:
    """The province a place belongs to: itself for a province, else the province of a listed place
    whose name is not shared by places of several provinces."""
    return canonical_province(place) or _gazetteer().province_of.get(squash(normalize_fa(place)))


def provinces_of(places: tuple[str, ...]) -> tuple[str, ...]:
    """The provinces an item concerns, from its places, in order, without repeats."""
    return tuple(dict.fromkeys(p for p in (province_of(x) for x in places) if p))


def is_place(word: str) -> bool:
    """True when a single word is a known place name (ambiguous everyday words excluded)."""
    key = squash(word)
    name = _gazetteer().main.names.get(key)
    return name is not None and name not in AMBIGUOUS and key not in _SHORT_FORM_KEYS  # «گنبد» is a dome too


def is_place_name(words: str) -> bool:
    """True when `words` are a known place's name, everyday words among them (`تفت`, `میانه`): for a
    slot only a place fills («فرماندار تفت»)."""
    return squash(words) in _gazetteer().main.names


def is_village(name: str) -> bool:
    """True when `name` is a village the national list holds (`ده علی`, `شصت پیچ`)."""
    return squash(name) in _villages()


@dataclass(slots=True)
class _Scan:
    """Where `find_places` is in the text: the words, their separators and the open list."""

    parts: list[str]  # separator, word, separator, word, …, separator
    keys: list[str]  # the words (comparison form)
    last_place: int = -10  # index after the last place found
    list_kind: str | None = None  # the kind a cue opened ("دهستان‌های الف و ب")
    run: int = 0  # places found in a row, joined by commas or «و»
    surnames: set[str] = field(default_factory=set)  # place words already read as a person's surname
    village_at: int = -1  # the word where `_lookup` last read a village (after «روستای», in its list)
    villages: set[str] = field(default_factory=set)  # names read only as villages
    elsewhere: set[str] = field(default_factory=set)  # names read otherwise


def _accept(name: str, scan: _Scan, i: int, end: int, ends_clause: bool) -> bool:
    keys = scan.keys
    prev = _cue_before(keys, i)
    key = keys[i]
    if _after_first_name(scan, i, end):
        return False
    if key == _FARS:  # the news agency: "خبرگزاری فارس", "به گزارش خبرنگار اجتماعی فارس"
        before = keys[max(0, i - 5) : i]
        blocked = prev in _FARS_PREV or bool(_FARS_AGENCY.intersection(before)) or _NAQL in before
        return prev == _PROVINCE_WORD or not blocked
    if key == _MARKAZI:  # after a province's cue, or listed among places («… لرستان، مرکزی و همدان»)
        listed = scan.list_kind is None and _continues_list(scan, i)  # «بخش‌های مارگون و مرکزی»: a district
        return (prev in _MARKAZI_CUES or listed) and not _central_parts(keys, i)
    if key == _ALBORZ:
        return prev not in _ALBORZ_BLOCKERS
    if name in AMBIGUOUS or (end - i == 1 and key in _SHORT_FORM_KEYS):
        before = keys[max(0, i - 3) : i]
        if _NAQL in before or _FARS_AGENCY.intersection(before):
            return False  # «به نقل از مهر»: an agency, not the town
        sep = scan.parts[2 * i]
        listed = "\n" not in sep and (prev in _LIST_CUES or i == 0 or _LIST_COMMA.search(sep) is not None)
        in_list = listed and scan.last_place >= max(0, i - 2)
        if prev == _PROVINCE_WORD and name not in PROVINCES:
            return False  # «استان درمیان بگذارند»: after «استان» only a province is a place
        return prev in _CUES or in_list or (prev in _WEAK_CUES and ends_clause)
    return True


_SHORT_FORM_KEYS = frozenset(squash(w) for w in AMBIGUOUS_SHORT_FORMS)
_ROAD_DASH = re.compile(r"[ ]*[-–_][ ]*")


def _road_end(scan: _Scan, i: int) -> bool:
    """Word i is joined to the place before it by a dash, and no dash follows it (`تبریز- پیام-` is a
    dateline: a city, then an outlet)."""
    after = scan.parts[2 * i + 2] if 2 * i + 2 < len(scan.parts) else ""
    return _ROAD_DASH.fullmatch(scan.parts[2 * i]) is not None and not _ROAD_DASH.match(after)


_PLURAL_WORDS = _keys("ها های")
_CUE_OR_PLURAL = frozenset(_KIND_CUES) | _PLURAL_WORDS  # the fast path's test: no cue before word i


def _cue_before(keys: list[str], i: int) -> str:
    """The word before word i, joined to the word before it when it is a plural ending written apart
    («شهرستان های خلخال، …» reads as «شهرستان‌های»)."""
    if not i:
        return ""
    if keys[i - 1] in _PLURAL_WORDS and i > 1:
        return keys[i - 2] + keys[i - 1]
    return keys[i - 1]


def _central_parts(keys: list[str], i: int) -> bool:
    """«استان‌های مرکزی و شمالی کشور»: the central provinces, not the province Markazi."""
    after = keys[i + 1 : i + 3]
    sides = after[:1] == [_AND_WORD] and after[1:] in _SIDES
    return keys[i - 1] != _PROVINCE_WORD and (after[:1] == [_COUNTRY] or sides)


def _after_first_name(scan: _Scan, i: int, end: int) -> bool:
    """`رضا فردوس گفت`, `رضا فردوس، مدیرکل …`: a place word between a first name and a reporting verb
    or a comma is a surname (`بیمارستان سینا تهران` stays a place)."""
    if scan.keys[i] in scan.surnames and end == i + 1:
        return True  # «دشتی، تامین مسکن …» after «احمد دشتی» was read as a surname
    sep = scan.parts[2 * i]
    if not i or "\n" in sep or "#" in sep or scan.keys[i - 1] not in _first_name_keys() or scan.last_place == i:
        return False  # after a place that ends in a name word («رباط کریم، اسلام شهر») a list goes on
    if i > 1 and scan.keys[i - 2] in _HOLY:
        return False  # «امام رضا مشهد»
    after = scan.keys[end] if end < len(scan.keys) else ""
    surname = (
        not after or after in _REPORTING or after in _PERSON_NEXT or _LIST_COMMA.search(scan.parts[2 * end]) is not None
    )
    if surname and end == i + 1:
        scan.surnames.add(scan.keys[i])
    return surname


@lru_cache(maxsize=1)
def _first_name_keys() -> frozenset[str]:
    return frozenset(key_text(name) for name in first_names()) - _CUES


def _lookup(scan: _Scan, i: int, gaz: _Gazetteer) -> tuple[str, int] | None:
    """The longest place name starting at word i: a division of the kind its cue (or open list)
    announces, or any name of the main index; the longer wins (`روستای خراسان جنوبی`)."""
    kind = _KIND_CUES.get(_cue_before(scan.keys, i)) if i else None
    if kind is None and scan.list_kind and _continues_list(scan, i):
        kind = scan.list_kind
    if kind is None and scan.last_place == i and _road_end(scan, i):
        kind = "town"  # «ایرانشهر - خیرآباد», «دلگان_بزمان»: a road's other end is a town
    elif (
        kind is None
        and scan.run >= MIN_LISTED_RUN
        and _continues_list(scan, i, _LIST_COMMA)
        and _may_list(scan.keys[i])
    ):
        kind = _LISTED  # «مسجدسلیمان، ایذه، گلگیر و …»: a town or district listed after places
    main = gaz.main
    hit = longest_match(scan.keys, i, main.names, main.prefixes, MAX_NGRAM) if scan.keys[i] in main.starts else None
    if kind is None:
        return hit
    if kind in (_LOCAL, _VILLAGE) and (scan.keys[i] in _NOT_VILLAGE_WORDS or _downstream(scan.keys, i)):
        return None  # «در نزدیکی مرز پاکستان», «روستاهای مجاور», «روستای خوش آب و هوا»: no place named here
    cued = _cued(scan.keys, i, kind, gaz)
    if cued is None and kind == _VILLAGE and scan.list_kind == _VILLAGE:
        cued = _listed_village(scan, i)  # «۸ روستای سیلوه، زیوکه، ماشکان، …»: a list item no list has
    if cued is None:
        if hit is not None and kind == _SEAT:
            scan.list_kind = kind  # «شهرستان‌های خلخال، نمین، انگوت»: the list goes on past a county
        return hit
    if kind != _LISTED:
        scan.list_kind = kind
    if kind == _VILLAGE and (hit is None or cued[1] >= hit[1]):
        scan.village_at = i  # «روستاهای افشار، الوان»: a town's name after the cue names a village
    return cued if hit is None or cued[1] > hit[1] else hit


MIN_LISTED_RUN = 2  # places listed before a name the list alone makes a place


def _may_list(key: str) -> bool:
    """A word that may name a listed town: no first name («حمزه», «زهرا») and no number word."""
    return key not in _first_name_keys() and key not in _NUMBER_KEYS


def _cued(keys: list[str], i: int, kind: str, gaz: _Gazetteer) -> tuple[str, int] | None:
    """The longest division of `kind` at word i; "local" (after «حوالی», «نزدیکی») is a town or a village."""
    hits = []
    if kind in (_LOCAL, _VILLAGE) and keys[i + 1 : i + 2] == [_STRUCK]:
        return None  # «روستای سیل زده»: a village struck by a flood, no village's name (_lookup reads the rest)
    if kind in (_VILLAGE, _LOCAL):
        hits.append(_village(keys, i))
    if kind == _VILLAGE and hits[-1] is None and i and keys[i - 1] == _ONE_VILLAGE:
        hits.append(_unlisted_village(keys, i, gaz))
    for index in _indexes(kind, gaz):
        hits.append(longest_match(keys, i, index.names, index.prefixes, MAX_NGRAM))
    found = [hit for hit in hits if hit is not None]
    return max(found, key=lambda hit: hit[1]) if found else None


def _indexes(kind: str, gaz: _Gazetteer) -> list[_Index]:
    """The division lists a cue of `kind` reads from."""
    if kind in gaz.by_kind:
        return [gaz.by_kind[kind]]
    if kind == _LISTED:
        return [gaz.by_kind["town"], gaz.by_kind["division"]]
    return [gaz.by_kind["town"]] if kind == _LOCAL else []


def _continues_list(scan: _Scan, i: int, joins: re.Pattern[str] = _LIST_JOIN) -> bool:
    """Word i follows the last place after a comma, a dash or «و» («روستاهای الف، ب و ج»); with `joins`
    _LIST_COMMA, after a comma or «و» only (a dash joins a road's towns or a menu's)."""
    after_comma = scan.last_place == i and joins.search(scan.parts[2 * i]) is not None
    return after_comma or (scan.last_place == i - 1 and scan.keys[i - 1] in _LIST_CUES)


@lru_cache(maxsize=1)
def _villages() -> dict[str, str]:
    """Squashed village name → name (package data `villages_ir.txt`), loaded on the first «روستای»; of
    two spellings the one with «آ» wins (`حسین آباد`, not `حسین اباد`)."""
    text = resources.files("digest").joinpath("villages_ir.txt").read_text(encoding="utf-8")
    names: dict[str, str] = {}
    for name in map(_with_madda, text.split("\n")):
        key = squash(name)
        if name and (key not in names or "آ" in name and "آ" not in names[key]):
            names[key] = name
    return names


def _misspelled(scan: _Scan, i: int, found: dict[str, None], hits: list[tuple[str, int, int]]) -> None:
    """Record word i when it is a long province or county name missing one letter («مازندان»)."""
    name = _typos().get(scan.keys[i])
    if name is not None and not _after_first_name(scan, i, i + 1):
        found.setdefault(name, None)
        hits.append((name, i, i + 1))


@lru_cache(maxsize=1)
def _typos() -> dict[str, str]:
    """A long province or county name missing one inner letter → the name (`places_typos.txt`)."""
    text = resources.files("digest").joinpath("places_typos.txt").read_text(encoding="utf-8")
    return dict(line.split("\t") for line in text.splitlines() if line)


def _village(keys: list[str], i: int) -> tuple[str, int] | None:
    """The longest village name (up to MAX_VILLAGE_WORDS words) at word i, after a «روستای» cue; a
    name never starts or ends with a function word (`خون و` is not the village `خونو`)."""
    villages = _villages()
    if keys[i] in _FUNCTION_WORDS:
        return None
    for end in range(min(len(keys), i + MAX_VILLAGE_WORDS), i, -1):
        if keys[end - 1] in _FUNCTION_WORDS:
            continue
        name = villages.get("".join(keys[i:end]))
        if name is not None:
            if end < len(keys) and keys[end] in _VILLAGE_SUFFIXES:  # «کمال محله»: the name goes on
                return f"{name} {keys[end]}", end + 1
            return _gazetteer().main.names.get(squash(name), name), end
    return None


def _unlisted(name: str, gaz: _Gazetteer) -> bool:
    key = squash(name)
    return (
        key not in gaz.main.names and key not in _villages() and all(key not in i.names for i in gaz.by_kind.values())
    )


def _as_written(name: str, text: str) -> str:
    """A name read in comparison form (`عبدل اباد`) as the text writes it (`عبدل آباد`)."""
    m = re.search(_as_written_pattern(name), text)
    return m.group() if m else name


def _unlisted_village(keys: list[str], i: int, gaz: _Gazetteer) -> tuple[str, int] | None:
    """A village missing from the list, read from its structure: «روستای NAME شهرستان …», «روستای NAME
    از توابع …», «روستای NAME بخش …» or else «روستای NAME COUNTY» (`روستای منصوره شادگان`): up to
    MAX_VILLAGE_WORDS name words (no function word, place cue or common noun) before a division word,
    or failing that before a county."""
    ends = []
    for end in range(i + 1, min(len(keys), i + MAX_VILLAGE_WORDS + 1)):
        word = keys[end - 1]
        if word in _FUNCTION_WORDS or word in _KIND_CUES or word in _CUES or word in _NOT_VILLAGE_WORDS:
            break
        if not _NAME_WORD.fullmatch(word):
            break
        ends.append(end)
    for end in ends:  # a division word ends the name: «روستای گلاب دره علیا شهرستان …»
        nxt = keys[end]
        if nxt in _DIVISION_WORDS or (nxt == _AZ and end + 1 < len(keys) and keys[end + 1] == _TAVABE):
            return " ".join(keys[i:end]), end
    for end in ends:  # else a county that is not an everyday word: «روستای منصوره شادگان»
        county = longest_match(keys, end, gaz.main.names, gaz.main.prefixes, MAX_NGRAM)
        if county is not None and county[0] not in AMBIGUOUS:
            return " ".join(keys[i:end]), end
    return None


def _listed_village(scan: _Scan, i: int) -> tuple[str, int] | None:
    """A one- or two-word item of a village list the cue opened, between commas or before «و»."""
    keys = scan.keys
    if not _continues_list(scan, i, _LIST_COMMA):
        return None
    after_and = scan.last_place == i - 1 and keys[i - 1] in _LIST_CUES  # the list's last item
    for end in (i + 1, i + 2):
        words = keys[i:end]
        if end > len(keys) or not all(_NAME_WORD.fullmatch(w) and _may_be_village(w) for w in words):
            return None
        if end == len(keys):
            return " ".join(words), end  # the text ends with the list
        closes = _LIST_COMMA.search(scan.parts[2 * end]) or keys[end] in _LIST_CUES
        last = after_and and (_CLAUSE_END.search(scan.parts[2 * end]) or keys[end] in _FUNCTION_WORDS)
        if closes or last:
            return " ".join(words), end
    return None


def _may_be_village(key: str) -> bool:
    return (
        len(key) >= MIN_VILLAGE_LETTERS
        and key not in _FUNCTION_WORDS
        and key not in _KIND_CUES
        and key not in _CUES
        and key not in _NOT_VILLAGE_WORDS
        and _may_list(key)
        and key not in _TITLE_KEYS
        and key not in _QUALIFIER_KEYS
    )


MIN_VILLAGE_LETTERS = 3
_TITLE_KEYS = _keys("خانم آقای آقا حاج حاجی دکتر مهندس سید سیده")  # «… و خانم مظفری»: a person
_QUALIFIER_KEYS = _keys("بالا پایین علیا سفلی سفلا وسطی")  # «قزل حصار بالا و پایین»: the other half of a name


def _as_written_pattern(name: str) -> str:
    """Regex for a comparison-form name as written: any alef form, optional half-spaces, any gap."""
    out = []
    for ch in name:
        if ch == " ":
            out.append(r"[ \u200c]*")
        else:
            out.append(("[اآأإ]" if ch == "ا" else re.escape(ch)) + "\u200c?")
    return "".join(out)


def _is_chrome(scan: _Scan, i: int, end: int, text: str) -> bool:
    """A one-word line that is a place the text never names again (a section label), or the last
    word of a long text cut mid-word (`شیراز` of a truncated `شیرازی`)."""
    if end == len(scan.keys) and not scan.parts[-1] and len(text) >= TRUNCATED_MIN_CHARS:
        return True
    alone = (i == 0 or "\n" in scan.parts[2 * i]) and (end == len(scan.keys) or "\n" in scan.parts[2 * end])
    return alone and end - i == 1 and text.count(scan.keys[i]) == 1


def find_places(text: str, title: str | None = None) -> tuple[str, ...]:
    """Canonical names of the places in `text` (normalized), in order of first mention; with a `title`,
    a village counts only when the title names it (see `_about_village`)."""
    key = key_text(text)
    parts = _WORD_SPLIT.split(key)
    scan = _Scan(parts, parts[1::2])
    keys = scan.keys
    found: dict[str, None] = {}
    hits: list[tuple[str, int, int]] = []
    desk: str | None = None
    gaz = _gazetteer()
    starts, typos = gaz.main.starts_after_function_words, _typos()
    i = 0
    while i < len(keys):
        if (
            keys[i] not in starts
            and not scan.list_kind
            and scan.last_place != i
            and not (scan.run >= MIN_LISTED_RUN and scan.last_place == i - 1 and keys[i - 1] in _LIST_CUES)
            and (not i or keys[i - 1] not in _CUE_OR_PLURAL or _cue_before(keys, i) not in _KIND_CUES)
        ):
            if keys[i] in typos:
                _misspelled(scan, i, found, hits)
            i += 1  # fast path: most words start no place name and are no misspelt one
            continue
        hit = _lookup(scan, i, gaz)
        if hit is None and keys[i] in typos:
            _misspelled(scan, i, found, hits)  # «… و مازندارن»: a list's misspelt last name
        if hit is not None:
            name, end = _whole_pair(scan.keys, i, *hit)
            after = parts[2 * end]  # the separator after the name's last word
            ends_clause = end == len(scan.keys) or _CLAUSE_END.search(after) is not None
            other = end < len(scan.keys) and scan.keys[end] in _NOT_PLACE_BEFORE
            if other or (i and scan.keys[i - 1] in _NOT_PLACE_AFTER) or "_" in parts[2 * i]:
                i = end  # the whole name belongs to a river, a cemetery, a team, a newspaper or a hashtag's later words
                continue
            if _national_desk(scan, i, end):
                desk = name
                i = end
                continue
            glued = end - i > 1 and scan.keys[i] in _FUNCTION_WORDS  # "به شهر" is not بهشهر
            if not glued and _accept(name, scan, i, end, ends_clause) and not _is_chrome(scan, i, end, key):
                if _unlisted(name, gaz):  # read in comparison form: give it as the text writes it
                    name = _as_written(name, text)
                found.setdefault(name, None)
                hits.append((name, i, end))
                (scan.villages if scan.village_at == i else scan.elsewhere).add(name)
                scan.run = scan.run + 1 if _continues_list(scan, i) else 1
                scan.last_place = end
                i = end
                continue
        if scan.list_kind and scan.keys[i] not in _LIST_CUES:
            scan.list_kind = None
        i += 1
    menu = _menu_only(hits, parts)
    places = _home_first(_one_port_name(_regions_in_provinces(tuple(p for p in found if p not in menu))))
    places = _about_title(places, title, scan)
    if desk is not None and not any(province_of(p) for p in places):
        places = (desk, *places)  # a national story: the desk's city is all the text says
    return places


_SIDE_OF_STREAM = _keys("پایین پائین بالا")
_STREAM_SIDE = _keys("دست")


def _downstream(keys: list[str], i: int) -> bool:
    """«روستاهای پایین دست», «بالا دست»: where the villages lie on a river, not their name."""
    return keys[i] in _SIDE_OF_STREAM and keys[i + 1 : i + 2] != [] and keys[i + 1] in _STREAM_SIDE


def _about_title(places: tuple[str, ...], title: str | None, scan: _Scan) -> tuple[str, ...]:
    if title is None:
        return places
    villages = scan.villages - scan.elsewhere  # a name also read as a town or district is no village
    return tuple(p for p in places if _about_village(p, title, villages))


def _about_village(place: str, title: str, villages: set[str]) -> bool:
    """False for a village (a name read only after «روستای» or in the list it opens) the title does not
    name: the villages a story lists («روستاهای مرازاد، گلفرج، افشار … از توابع شهرستان جلفا») are
    detail, and the shared dev set's gold, annotated as the private set is, names none of them; «سیل
    در روستای X» is about X."""
    return place not in villages or squash(place) in squash(title)


# «سیستان و بلوچستان»: the province's first part → its second part and the whole name (comparison form)
_PAIRED = {
    key_text(first): (key_text(second), name)
    for name in PROVINCE_VARIANTS
    if " و " in name
    for first, _, second in [name.partition(" و ")]
}
_DEMONYM_ENDS = ("ی", "یها", "یهای", "یان", "ها", "های")  # «سیستان و بلوچستانی‌ها»


def _whole_pair(keys: list[str], i: int, name: str, end: int) -> tuple[str, int]:
    """The first part of a province named «A و B» followed by «و» and B with a people's suffix or one
    letter off («سیستان و بلوچستانیها», «سیستان و بلوجستان», «کهگیلویه و بوراحمد») is the province."""
    pair = _PAIRED.get(keys[i]) if end == i + 1 else None
    if pair is None or keys[end : end + 1] != [_AND_KEY] or end + 1 >= len(keys):
        return name, end
    second, whole = pair
    word = keys[end + 1]
    same = word.startswith(second) and word[len(second) :] in _DEMONYM_ENDS or _one_edit(word, second)
    return (whole, end + 2) if same else (name, end)


_AND_KEY = key_text("و")
MIN_EDITED_LETTERS = 6  # a word this long one letter off a province's part is that part mistyped


def _one_edit(word: str, target: str) -> bool:
    """One letter substituted, missing or added (`بلوجستان`, `بوراحمد` for `بلوچستان`, `بویراحمد`)."""
    return len(target) >= MIN_EDITED_LETTERS and one_edit_apart(word, target)


def _regions_in_provinces(places: tuple[str, ...]) -> tuple[str, ...]:
    """«خراسان» beside «خراسان رضوی», «آذربایجان» beside «آذربایجان غربی»: an old region split into
    provinces, named beside one of them, is that province said again. So is «بلوچستان» or «سیستان»
    beside «سیستان و بلوچستان», unless the story names the Sistan region's counties (`SISTAN_COUNTIES`):
    then «سیستان» is that region («زابل، زهک و هامون … سیستان»)."""
    regions = [p for p in places if p in _SPLIT_REGIONS or p in _HALVES]
    if not regions:
        return places
    covered = {r for r in regions if r in _SPLIT_REGIONS for p in places if p != r and p.startswith(r + " ")}
    if _SISTAN_AND_BALUCHESTAN in places:
        covered |= {"بلوچستان"} | ({"سیستان"} if SISTAN_COUNTIES.isdisjoint(places) else set())
    return tuple(p for p in places if p not in covered)


_SISTAN_AND_BALUCHESTAN = "سیستان و بلوچستان"
_HALVES = frozenset({"سیستان", "بلوچستان"})
# the northern region of Sistan and Baluchestan (source: the province's county list, places_ir.csv)
SISTAN_COUNTIES = frozenset({"زابل", "زهک", "هیرمند", "نیمروز", "هامون"})


def _one_port_name(places: tuple[str, ...]) -> tuple[str, ...]:
    """«ماهشهر» beside «بندر ماهشهر» is one place, named as its county officially is («بندرماهشهر»,
    but «دیر» for «بندر دیر»), else in the full form; kept where the first of the two was named."""
    ports = {squash(p).removeprefix(_PORT): p for p in places if squash(p).startswith(_PORT)}
    pairs = {short: full for short, full in ports.items() if any(squash(p) == short for p in places)}
    if not pairs:
        return places
    counties = _gazetteer().counties
    keep = {}
    for short, full in pairs.items():
        short_name = next(p for p in places if squash(p) == short)
        official_short = short in counties and squash(full) not in counties
        keep[short] = keep[squash(full)] = short_name if official_short else full
    return tuple(dict.fromkeys(keep.get(squash(p), p) for p in places))


def _national_desk(scan: _Scan, i: int, end: int) -> bool:
    """`تهران- ایرنا-` or `ایسنا/تهران` at the start of a paragraph: the dateline of a national desk."""
    if end != i + 1 or scan.keys[i] != _NATIONAL_DESK:
        return False
    if i == 0 or "\n" in scan.parts[2 * i]:
        return _DASH.match(scan.parts[2 * end]) is not None
    agency_first = i == 1 or "\n" in scan.parts[2 * i - 2]
    return agency_first and scan.parts[2 * i].strip() == "/"  # «ایسنا/تهران»


def _menu_only(hits: list[tuple[str, int, int]], parts: list[str]) -> set[str]:
    """Names found only inside a navigation menu: MENU_MIN_RUN or more places in a row with nothing
    but spaces, line breaks or bars between them («تهران اصفهان فارس خوزستان …»). A list in a
    sentence has commas or «و» («تهران، اصفهان و فارس»), so it is not a menu."""
    in_menu: set[int] = set()
    run_start = 0
    for k in range(1, len(hits) + 1):
        joined = k < len(hits) and hits[k][1] == hits[k - 1][2] and _MENU_GAP.fullmatch(parts[2 * hits[k][1]])
        if not joined:
            if k - run_start >= MENU_MIN_RUN:
                in_menu.update(range(run_start, k))
            run_start = k
    if not in_menu:
        return set()
    elsewhere = {name for k, (name, _, _) in enumerate(hits) if k not in in_menu}
    return {hits[k][0] for k in in_menu} - elsewhere


def _home_first(found: tuple[str, ...]) -> tuple[str, ...]:
    """A story that names a place in Iran keeps no foreign place: «سرخک در پاکستان و افغانستان» in a
    Sistan story is background, and «کمک مردم استان به یمن» is about the province's people."""
    foreign = _foreign_keys()
    if all(squash(p) in foreign for p in found):
        return found
    return tuple(p for p in found if squash(p) not in foreign)


@lru_cache(maxsize=1)
def _foreign_keys() -> frozenset[str]:
    return frozenset(squash(name) for name in FOREIGN)

"""The Northbrook demo in Welsh: the home page, the information pages and one consultation with all
its proposals, translated as an officer would translate them (Wagtail translations of the English pages).
The other consultations stay English only, so the demo shows the untranslated-page note too."""

from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.models import Locale
from wagtail.rich_text import RichText

from civic.models import HomePage, InformationPage
from consultations.models import ConsultationIndexPage, ConsultationPage, ProposalPage
from project.demo import information_cy

CONSULTATION = "leaving-hospital"

HOME = {"title": "Dweud eich dweud"}
INDEX = {
    "title": "Ymgynghoriadau",
    "intro": "<p>Pob ymgynghoriad a gynhelir gan y cyngor a’i bartneriaid.</p>",
}
WELSH_CONSULTATION = {
    "title": "Gadael yr ysbyty: rhyddhau cydgysylltiedig gyda gofal cymdeithasol",
    "summary": (
        "Mae’r ymddiriedolaeth GIG a’r cyngor am ailgynllunio sut mae pobl yn gadael yr ysbyty, fel "
        "bod gofal yn y cartref yn barod ar y diwrnod ac nad oes neb yn aros mewn gwely ar ward am "
        "becyn gofal."
    ),
    "body": [
        "Y llynedd, bu 1 o bob 5 o bobl a oedd yn barod i adael Ysbyty Cyffredinol Northbrook yn aros "
        "mwy na thri diwrnod i ofal cartref, offer neu le mewn cartref gofal gael ei drefnu.",
        "Rydym wedi gweithio gyda chleifion, gofalwyr, staff y wardiau a darparwyr gofal cartref i "
        "gynllunio gwasanaeth rhyddhau newydd. Rydym am wybod beth yw eich barn cyn i ni benderfynu.",
    ],
    "how_to_take_part": (
        "<p>Llenwch ffurflen bapur yn unrhyw un o lyfrgelloedd Northbrook, ffoniwch 01632 960 000 "
        "(dydd Llun i ddydd Gwener, 9am tan 5pm), neu dewch i ddigwyddiad galw heibio yn neuadd y dref.</p>"
    ),
}
WHO_IT_AFFECTS = "<p>Preswylwyr Northbrook a’r bobl sy’n gofalu amdanynt.</p>"
# English title -> (Welsh title, the problem, the proposed change a paragraph at a time)
PROPOSALS = {
    "A single discharge team for hospital and council": (
        "Un tîm rhyddhau ar gyfer yr ysbyty a’r cyngor",
        (
            "Mae staff yr ysbyty a’r cyngor yn cynllunio rhyddhau ar wahân ac yn gofyn yr un cwestiynau "
            "dro ar ôl tro."
        ),
        (
            "Mae un tîm o nyrsys, gweithwyr cymdeithasol a therapyddion yn cynllunio pob achos o ryddhau "
            "o’r diwrnod cyntaf.",
            "Mae’r tîm yn gweithio o’r ysbyty saith diwrnod yr wythnos, felly gall rhyddhau a gynlluniwyd "
            "ddydd Gwener ddigwydd dros y penwythnos.",
            "Gofynnir i deuluoedd a gofalwyr unwaith pa gymorth sydd ei angen gartref, ac mae’r tîm yn "
            "rhannu’r atebion gyda phawb sy’n rhan o’r gofal.",
        ),
    ),
    "Home first: care assessed at home, not on the ward": (
        "Gartref yn gyntaf: asesu gofal gartref, nid ar y ward",
        "Caiff pobl eu hasesu ar y ward, lle na allant ddangos sut maen nhw’n ymdopi gartref.",
        (
            "Mae’r rhan fwyaf o bobl yn mynd adref gyda chymorth tymor byr ac yn cael eu hasesu yn eu "
            "cartref eu hunain.",
            "Mae gofalwyr neu weithwyr ailalluogi yn ymweld am hyd at chwe wythnos tra bo therapydd "
            "galwedigaethol yn gweld sut mae’r person yn ymdopi.",
            "Penderfynir ar ofal tymor hir ar ôl yr asesiad hwnnw gartref, nid ar y ward.",
        ),
    ),
    "A named contact for every family": (
        "Cyswllt penodol i bob teulu",
        "Mae teuluoedd yn dweud wrthym nad ydynt yn gwybod pwy i’w ffonio am ryddhau o’r ysbyty.",
        (
            "Mae pob claf a gofalwr yn cael un cyswllt penodol a rhif ffôn sy’n cael ei ateb.",
            "Mae’r cyswllt penodol yn aros yr un fath o’r diwrnod derbyn hyd at bythefnos ar ôl i’r "
            "person gyrraedd adref.",
            "Caiff y llinell ffôn ei hateb rhwng 8am ac 8pm bob dydd, a byddwn yn eich ffonio’n ôl o fewn "
            "un diwrnod gwaith am negeseuon a adewir dros nos.",
        ),
    ),
    "Transport home arranged before the day": (
        "Trefnu cludiant adref cyn y diwrnod",
        "Mae pobl yn aros oriau mewn lolfeydd rhyddhau am gludiant.",
        (
            "Caiff cludiant cymunedol ei archebu pan bennir y dyddiad rhyddhau, gyda thaith yn ôl i ofalwyr.",
            "Caiff gyrwyr eu hyfforddi i helpu pobl i mewn i’w cartref a gwirio bod y gwres ymlaen.",
            "Os bydd y dyddiad rhyddhau’n newid, bydd yr archeb yn newid gydag ef heb i’r teulu orfod "
            "ffonio.",
        ),
    ),
    "Equipment delivered within 24 hours": (
        "Offer wedi’i ddosbarthu o fewn 24 awr",
        "Gall gymryd wythnos i welyau, canllawiau a chomodau gyrraedd.",
        (
            "Mae storfa offer ar y cyd yn dosbarthu o fewn 24 awr, saith diwrnod yr wythnos.",
            "Mae’r ysbyty a’r cyngor yn rhannu un storfa, felly nid yw offer yn cael ei archebu ddwywaith.",
            "Caiff offer nad oes ei angen mwyach ei gasglu o fewn wythnos a’i lanhau ar gyfer y person "
            "nesaf.",
        ),
    ),
}


def _paragraphs(english_stream, texts) -> StreamValue:
    """Welsh paragraphs under the English blocks' ids: comments on a paragraph belong to both."""
    ids = [block.id for block in english_stream if block.block_type == "paragraph"]
    children = [
        ("paragraph", RichText(f"<p>{text}</p>"), block_id)
        for text, block_id in zip(texts, ids, strict=False)
    ]
    return StreamValue(english_stream.stream_block, children, is_lazy=False)


def _translate(page, locale, **fields):
    """The page's Welsh translation with these fields, published once; an existing one is kept."""
    if page.get_translation_or_none(locale) is not None:
        return None
    welsh = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(welsh, name, value)
    welsh.save_revision().publish()
    return welsh


def load_information(progress, home, cy) -> None:
    """The information pages (privacy, accessibility, cookies, house rules, contact) in Welsh."""
    words = information_cy.pages()
    made = 0
    for page in InformationPage.objects.child_of(home).filter(kind__in=list(words)):
        made += bool(_translate(page, cy, **words[page.kind]))
    if made:
        progress.write(f"Welsh: {made} information pages")


@transaction.atomic
def load(progress) -> None:
    """Translate the home page, the information pages, the consultation list and the bilingual
    consultation (idempotent: a page already translated is kept)."""
    cy = Locale.objects.filter(language_code="cy").first()
    if cy is None:
        return
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is not None:
        _translate(home, cy, **HOME)
        load_information(progress, home, cy)
    english = ConsultationPage.objects.filter(slug=CONSULTATION, locale=Locale.get_default()).first()
    if english is None or english.get_translation_or_none(cy) is not None:
        return
    index = english.get_parent().specific
    if isinstance(index, ConsultationIndexPage):
        _translate(index, cy, **INDEX)
    words = WELSH_CONSULTATION
    _translate(
        english,
        cy,
        title=words["title"],
        summary=words["summary"],
        body=_paragraphs(english.body, words["body"]),
        how_to_take_part=words["how_to_take_part"],
    )
    made = 0
    for proposal in ProposalPage.objects.child_of(english).live():
        if proposal.title not in PROPOSALS:
            continue
        title, problem, change = PROPOSALS[proposal.title]
        made += bool(
            _translate(
                proposal,
                cy,
                title=title,
                problem=f"<p>{problem}</p>",
                proposed_change=_paragraphs(proposal.proposed_change, change),
                who_it_affects=WHO_IT_AFFECTS,
            )
        )
    progress.write(f"Welsh: the home page and '{english.title}' with {made} proposals")

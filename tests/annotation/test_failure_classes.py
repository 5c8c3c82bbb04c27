"""One test per failure class of issue 13, with sentences written for these tests (made-up
towns, people and outlets in the shapes real news copy takes)."""

from __future__ import annotations

import pytest

from reader.annotation.attribution import annotate
from reader.model import Block, Quote, Source


def run(*paragraphs: str) -> tuple[list[Quote], list[Source]]:
    quotes, sources = annotate([Block("paragraph", p) for p in paragraphs], [], None)
    return quotes, [s for s in sources if s.kind == "attribution"]


def names(sources: list[Source]) -> list[str]:
    return [s.name for s in sources]


# Speech verbs with their inflections, in every language.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("– Most otworzymy w maju – mówił burmistrz Jan Kowal.", "Jan Kowal"),
        ("Rzeczniczka Anna Lis zaznacza, że prace trwają.", "Anna Lis"),
        ("Le maire Paul Vidal révèle que le pont est fissuré.", "Paul Vidal"),
        ("La alcaldesa Rosa Gil destacó que el puente reabrirá.", "Rosa Gil"),
        ("Мэр Игорь Панов сказал, что мост откроют в мае.", "Игорь Панов"),
        ("Мэр Ольга Панова написала, что мост откроют в мае.", "Ольга Панова"),
        ("Il sindaco Carlo Neri ha sottolineato che il ponte riapre.", "Carlo Neri"),
        ("O prefeito Rui Costa garantiu que a ponte reabre.", "Rui Costa"),
        ("Bürgermeisterin Eva Roth betonte, die Brücke sei sicher.", "Eva Roth"),
        ("The Harbour Front claimed responsibility for the fire.", "Harbour Front"),
        ("Cases doubled in a month, according to WHO.", "WHO"),
        ("A ponte reabre em maio, assim como a estrada, informou Rui Lopes.", "Rui Lopes"),
        (
            "\u201cN\u00e3o sei\u201d, diz em \u00e1udio divulgado pelo secret\u00e1rio de "
            "Obras de Lagoa, Jos\u00e9 Prado.",
            "Jos\u00e9 Prado",
        ),
    ],
)
def test_speech_verbs(text: str, expected: str) -> None:
    assert expected in names(run(text)[1])


# Short quoted fragments are quotes when their sentence attributes them; scare quotes are not.
def test_short_attributed_fragment_is_a_quote() -> None:
    quotes, _ = run("Mayor Ida Lund said the plan \u201cmakes no sense\u201d at all.")
    assert [q.text for q in quotes] == ["makes no sense"]


def test_fragment_without_attribution_and_single_words_stay_plain() -> None:
    quotes, _ = run(
        "The \u201cnew normal\u201d arrived in spring.",
        "Officials called the closure \u201ctemporary\u201d on Monday.",
    )
    assert quotes == []


def test_titles_in_quote_marks_are_not_quotes() -> None:
    quotes, _ = run(
        "She starred in the film \u201cA Winter by the Sea\u201d, the critic Tom Hale said.",
        "Il romanzo \u00abla casa sul lago\u00bb ha vinto, ha detto Marta Bini.",
    )
    assert quotes == []


# Wrong name boundaries: titles and roles before the name, a long apposition.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cWe will appeal the ruling,\u201d said U.S. Attorney Mara Quill.", "Mara Quill"),
        ("\u201eWir bleiben hier\u201c, sagte Bischof Jonas Wendt.", "Jonas Wendt"),
        (
            "Lena Ortiz, who ran the port authority for ten years before joining the council, "
            "said the dock was safe.",
            "Lena Ortiz",
        ),
        (
            "But \u201cHarbour Nights\u201d actress Mia Holt said the prize was deserved.",
            "Mia Holt",
        ),
        ("Preguntado por la prensa, Jorge Sanz sonri\u00f3 y dijo que no.", "Jorge Sanz"),
        (
            "The Valmere Police Department statement said two men were held.",
            "Valmere Police Department",
        ),
    ],
)
def test_name_boundaries(text: str, expected: str) -> None:
    assert names(run(text)[1]) == [expected]


# Institutions in lower case.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Valmere's transport ministry said the line would reopen.",
            "Valmere's transport ministry",
        ),
        ("The county sheriff's office said no one was hurt.", "county sheriff's office"),
        ("Police said two men were arrested.", "Police"),
        (
            "Selon la pr\u00e9fecture de police, 300 agents seront mobilis\u00e9s.",
            "pr\u00e9fecture de police",
        ),
    ],
)
def test_lower_case_institutions(text: str, expected: str) -> None:
    assert expected in names(run(text)[1])


def test_role_words_then_no_name() -> None:
    text = "\u201cIt will hold,\u201d said the engineer, pointing at the Valmere Bridge."
    assert names(run(text)[1]) == []


def test_a_lone_institution_word_is_not_a_source() -> None:
    assert names(run("The ministry said it would reply later.")[1]) == []


# The speaker is a pronoun or a description.
def test_pronoun_and_description_resolve_to_the_last_named_person() -> None:
    quotes, sources = run(
        "The harbour master of Valmere, Ruth Okafor, retired on Friday. \u201cI loved every "
        "storm of the last thirty years,\u201d the 61-year-old said.",
        "\u201cNow I will watch them from the shore,\u201d she added.",
    )
    assert [q.speaker for q in quotes] == ["Ruth Okafor", "Ruth Okafor"]
    assert names(sources) == ["Ruth Okafor"]


def test_an_indefinite_speaker_is_someone_new() -> None:
    quotes, sources = run(
        "Mayor Ida Lund opened the bridge on Monday.",
        "\u201cIt shakes when the trams pass,\u201d said a neighbour who asked not to be named.",
    )
    assert quotes[0].speaker is None
    assert names(sources) == []


def test_a_name_inside_a_quote_is_not_the_speaker() -> None:
    quotes, _ = run(
        "\u201cTom Hale built it in a hurry,\u201d one engineer said. \u201cNobody checked the "
        "bolts after that,\u201d he said."
    )
    assert [q.speaker for q in quotes] == [None, None]


# The outlet that received the words, in several languages.
@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "\u201eDas wird teuer\u201c, sagte Eva Roth der Valmerer Allgemeinen Zeitung.",
            "Valmerer Allgemeinen",
        ),
        (
            "Rosa Gil dijo en declaraciones a Radio Costa que el puente reabrir\u00e1.",
            "Radio Costa",
        ),
        ("Il sindaco ha parlato ai microfoni di Tele Valle.", "Tele Valle"),
        (
            "Anna Lis powiedzia\u0142a w rozmowie z Radiem Port, \u017ce prace trwaj\u0105.",
            "Radiem Port",
        ),
        ("Geologist Sam Reyes told the Valmere Courier the slope was stable.", "Valmere Courier"),
    ],
)
def test_told_outlet_in_every_language(text: str, outlet: str) -> None:
    assert outlet in names(run(text)[1])


# Speech introduced by a dash.
def test_dash_speech_polish_and_russian() -> None:
    quotes, sources = run(
        "\u2013 To jest dobry dzie\u0144 dla miasta. Dzi\u0119kuj\u0119 \u2013 m\u00f3wi\u0142 "
        "burmistrz Jan Kowal.",
        "\u2014 \u041c\u044b \u0432\u0441\u0451 \u043f\u043e\u0447\u0438\u043d\u0438\u043c "
        "\u043a \u043e\u0441\u0435\u043d\u0438, \u2014 \u0441\u043a\u0430\u0437\u0430\u043b "
        "\u0418\u0433\u043e\u0440\u044c \u041f\u0430\u043d\u043e\u0432.",
    )
    assert [q.text for q in quotes] == [
        "To jest dobry dzie\u0144 dla miasta. Dzi\u0119kuj\u0119",
        "\u041c\u044b \u0432\u0441\u0451 \u043f\u043e\u0447\u0438\u043d\u0438\u043c \u043a "
        "\u043e\u0441\u0435\u043d\u0438",
    ]
    assert [q.speaker for q in quotes] == [
        "Jan Kowal",
        "\u0418\u0433\u043e\u0440\u044c \u041f\u0430\u043d\u043e\u0432",
    ]
    assert len(sources) == 2


def test_dash_speech_in_a_blockquote() -> None:
    blocks = [
        Block("blockquote", "\u2013 Nie zamkniemy mostu. Nigdy \u2013 m\u00f3wi\u0142a Ewa Lis.")
    ]
    quotes, _ = annotate(blocks, [], None)
    assert [q.text for q in quotes] == ["Nie zamkniemy mostu. Nigdy"]


def test_blockquote_quote_marks_close_before_its_credit() -> None:
    blocks = [Block("blockquote", '\u201cLet the river run free" Ps 3,4 pic.example/abc')]
    quotes, _ = annotate(blocks, [], None)
    assert [q.text for q in quotes] == ["Let the river run free"]


def test_a_dash_aside_is_not_speech() -> None:
    assert run("The bridge \u2013 built in 1910 \u2013 reopened on Monday.")[0] == []


# Agencies in datelines and credit lines.
@pytest.mark.parametrize(
    ("paragraphs", "agency"),
    [
        (("VALMERE, Oregon (AP) \u2014 The bridge reopened on Monday.",), "AP"),
        (("MADRID, 3 mar (EFE).- El puente reabri\u00f3 el lunes.",), "EFE"),
        (
            (
                "\u041c\u041e\u0421\u041a\u0412\u0410, 5 \u043c\u0430\u044f \u2014 \u0420\u0418\u0410 \u041d\u043e\u0432\u043e\u0441\u0442\u0438. \u041c\u043e\u0441\u0442 \u043e\u0442\u043a\u0440\u044b\u043b\u0438.",
            ),
            "\u0420\u0418\u0410 \u041d\u043e\u0432\u043e\u0441\u0442\u0438",
        ),
        (("Most otwarto w poniedzia\u0142ek.", "aja/PAP"), "PAP"),
        (("El puente reabri\u00f3.", "(Con informaci\u00f3n de AFP, EFE y Reuters)"), "Reuters"),
        (("Il ponte \u00e8 stato riaperto. (ANSA)",), "ANSA"),
        (("A ponte reabriu. (Com informa\u00e7\u00f5es da Ag\u00eancia Sul)",), "Ag\u00eancia Sul"),
    ],
)
def test_datelines_and_credit_lines(paragraphs: tuple[str, ...], agency: str) -> None:
    sources = run(*paragraphs)[1]
    assert agency in names(sources)
    assert next(s for s in sources if s.name == agency).entity == "outlet"


def test_staff_credits_are_not_sources() -> None:
    assert run("The bridge reopened.", "(Additional reporting by Ana Lind)")[1] == []


# Unusual quote marks.
def test_ap_style_closers_do_not_merge_two_quotes() -> None:
    quotes, sources = run(
        "\u201cThe bridge is safe,\u2019\u2019 said engineer Tom Hale. \u201cWe checked every "
        "bolt twice.\u2019\u2019"
    )
    assert [q.text for q in quotes] == ["The bridge is safe", "We checked every bolt twice."]
    assert names(sources) == ["Tom Hale"]


def test_reversed_closing_mark_used_to_open() -> None:
    quotes, _ = run(
        "Luego a\u00f1adi\u00f3: \u201dEl puente es seguro y lo vamos a demostrar\u201d."
    )
    assert [q.text for q in quotes] == ["El puente es seguro y lo vamos a demostrar"]


# A quote over several paragraphs, opened mid-paragraph.
def test_quote_opened_mid_paragraph_runs_on() -> None:
    quotes, _ = run(
        "In her letter, Mayor Ida Lund wrote: \u201cThe bridge has served us for a century.",
        "\u201cIt deserves a careful repair, not a hasty one.\u201d",
    )
    assert [q.text for q in quotes] == [
        "The bridge has served us for a century.",
        "It deserves a careful repair, not a hasty one.",
    ]
    assert [q.speaker for q in quotes] == ["Ida Lund", "Ida Lund"]


def test_stray_opener_mid_sentence_is_not_a_quote() -> None:
    assert run("The sign read \u201cclosed and nobody knew why the works stopped.")[0] == []


# Bare roles are not sources.
def test_bare_roles_are_not_sources() -> None:
    assert names(run("Prosecutors said the case was closed.")[1]) == []


# One entity, many names.
def test_variants_merge_into_one_entity() -> None:
    _, sources = run(
        "The Valmere Centre for Disease Control (Valmere CDC) said cases fell.",
        "The CDC said it would publish data weekly. Dr. Ada Brook of the centre said so too.",
        "Brook added that testing continues.",
    )
    assert len(sources) == 2
    cdc, brook = sources
    assert "CDC" in [cdc.name, *cdc.aliases] and cdc.blocks == [0, 1]
    assert brook.name.endswith("Ada Brook") and brook.aliases == ["Brook"]
    assert cdc.entity == "organisation" and brook.entity == "person"
    assert brook.blocks == [1, 2]


# Citation lines.
def test_citation_line_names_a_source() -> None:
    assert "Regional Parks Authority" in names(
        run("Visitors doubled.", "Source: Regional Parks Authority")[1]
    )

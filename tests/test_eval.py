"""Tests of bench/eval.py and its entity modules: CAT parser, gold, alignment, scores, baseline; none loads spaCy."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

EVAL_PATH = Path(__file__).resolve().parent.parent / "bench" / "eval.py"


def _load_eval():
    spec = importlib.util.spec_from_file_location("ncr_bench_eval", EVAL_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


ev = _load_eval()  # puts bench/ on sys.path
import entitygold as eg  # noqa: E402
import entityscore as es  # noqa: E402
import meantime as mt  # noqa: E402

# Textbook example: gold {a,b,c},{d,e}; system {a,b},{c,d,e}.
GOLD = ["G1", "G1", "G1", "G2", "G2"]
SYSTEM = ["S1", "S1", "S2", "S2", "S2"]


def test_b_cubed_textbook_example():
    p, r, f = es.b_cubed(GOLD, SYSTEM)
    # precision: a 2/2, b 2/2, c 1/3, d 2/3, e 2/3; recall: a 2/3, b 2/3, c 1/3, d 2/2, e 2/2
    assert p == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    assert f == pytest.approx(2 * p * r / (p + r))


def test_b_cubed_extremes():
    assert es.b_cubed(GOLD, GOLD) == pytest.approx((1.0, 1.0, 1.0))
    singletons = list(range(5))
    p, r, _ = es.b_cubed(GOLD, singletons)
    assert p == pytest.approx(1.0)
    assert r == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    p, r, _ = es.b_cubed(GOLD, ["one"] * 5)
    assert r == pytest.approx(1.0)
    assert p == pytest.approx((3 / 5 * 3 + 2 / 5 * 2) / 5)


def test_pairwise_textbook_example():
    # gold links ab ac bc de; system links ab cd ce de; both: ab de
    assert es.pairwise_counts(GOLD, SYSTEM) == (2, 4, 4)
    assert es.pairwise(GOLD, SYSTEM) == pytest.approx((0.5, 0.5, 0.5))


def test_pairwise_cross_document_only():
    docs = ["d1", "d1", "d2", "d2", "d3"]
    # cross-doc gold links: ac bc de (ab is within d1); system: ce de (ab, cd are within a doc); both: de
    assert es.pairwise_counts(GOLD, SYSTEM, docs) == (1, 2, 3)
    p, r, f = es.pairwise(GOLD, SYSTEM, docs)
    assert (p, r) == pytest.approx((1 / 2, 1 / 3))
    assert f == pytest.approx(0.4)


def test_zero_denominators_are_zero():
    assert es.pairwise(["a", "b"], ["x", "y"]) == (0.0, 0.0, 0.0)
    assert es.b_cubed([], []) == (0.0, 0.0, 0.0)


def test_unmatched_gold_mentions_are_singletons():
    assert es.system_labels(["E1", None, "E1", None]) == ["E1", ("missed", 1), "E1", ("missed", 3)]
    gold = ["G", "G", "G"]
    p, r, _ = es.b_cubed(gold, es.system_labels(["E1", "E1", None]))
    assert p == pytest.approx(1.0)
    assert r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)


def _gold(doc, start, end, head_start, chain="C"):
    return es.GoldMention(doc, start, end, head_start, end, "", chain, "PER", "NAM")


def test_align_overlap_and_head():
    system = [
        es.SystemMention("d1", 0, 10, "E1"),  # "Steve Jobs"
        es.SystemMention("d1", 20, 24, "E2"),
        es.SystemMention("d2", 0, 10, "E3"),
    ]
    gold = [
        _gold("d1", 0, 10, 6),  # exact
        _gold("d1", 0, 4, 0),  # "Steve" inside "Steve Jobs": all of the gold span overlaps
        _gold("d1", 12, 24, 20),  # long gold span, overlap 4/12 but head inside E2
        _gold("d1", 30, 34, 30),  # nothing there
        _gold("d3", 0, 10, 6),  # other document
        _gold("d1", 8, 22, 18),  # overlap 2 with E1 and 2 with E2, head outside both, < 50%
    ]
    assert es.align(gold, system) == ["E1", "E1", "E2", None, None, None]


def test_align_prefers_largest_overlap():
    system = [es.SystemMention("d", 0, 6, "A"), es.SystemMention("d", 7, 20, "B")]
    assert es.align([_gold("d", 0, 20, 15)], system) == ["B"]


CAT = """<?xml version="1.0" ?><Document doc_id="42" doc_name="42_Test" lang="en" url="http://x">
<token number="0" sentence="0" t_id="1">Acme</token>
<token number="1" sentence="0" t_id="2">hires</token>
<token number="2" sentence="0" t_id="3">Jo</token>
<token number="3" sentence="1" t_id="4">May</token>
<token number="4" sentence="1" t_id="5">1</token>
<token number="5" sentence="2" t_id="6">Jo</token>
<token number="6" sentence="2" t_id="7">Smith</token>
<token number="7" sentence="2" t_id="8">joined</token>
<token number="8" sentence="2" t_id="9">Acme</token>
<token number="9" sentence="2" t_id="10">Corp.</token>
<token number="10" sentence="2" t_id="11">today</token>
<token number="11" sentence="2" t_id="12">;</token>
<token number="12" sentence="2" t_id="13">he</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="3" syntactic_type="NAM"><token_anchor t_id="6"/><token_anchor t_id="7"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="4" syntactic_type="PRO"><token_anchor t_id="13"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="5"><token_anchor t_id="9"/><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="6" syntactic_type="NAM"><token_anchor t_id="4"/></ENTITY_MENTION>
<TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="7" type="DATE" value="2020-05-01">
<token_anchor t_id="4"/><token_anchor t_id="5"/></TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="8" type="DATE" value="2020-05-01"><token_anchor t_id="11"/></TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="2058" functionInDocument="NONE" m_id="9" type="DATE" value="2058"/>
<ENTITY TAG_DESCRIPTOR="Acme" ent_type="ORG" instance_id="ORG1" m_id="20"/>
<ENTITY TAG_DESCRIPTOR="Jo Smith" ent_type="PER" instance_id="PER1" m_id="21"/>
<ENTITY TAG_DESCRIPTOR="May" comment="" ent_class="" ent_type="PRO" external_ref="" m_id="22"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><source m_id="5"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="3"/><source m_id="4"/><target m_id="21"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="6"/><target m_id="22"/></REFERS_TO>
<REFERS_TO r_id="4"><source m_id="99"/><target m_id="98"/></REFERS_TO>
</Relations>
</Document>
"""


def test_parse_cat_text_and_offsets():
    doc = mt.parse_cat(CAT)
    assert doc.doc_id == "42" and doc.name == "42_Test" and doc.url == "http://x"
    assert doc.text == "Acme hires Jo\nMay 1\nJo Smith joined Acme Corp. today ; he"
    for token in doc.tokens:
        assert doc.text[token.start : token.end] == token.text
    smith = doc.mentions["3"]
    assert (smith.text, doc.text[smith.head_start : smith.head_end]) == ("Jo Smith", "Smith")
    assert doc.mentions["5"].syntactic_type is None


def test_parse_cat_entities_and_timexes():
    doc = mt.parse_cat(CAT)
    assert doc.entities["21"].instance_id == "PER1" and doc.entities["22"].instance_id is None
    assert doc.refers_to == {"1": "20", "5": "20", "2": "21", "3": "21", "4": "21", "6": "22"}
    assert doc.chain("3") == "PER1" and doc.chain("6") == "42#22" and doc.chain("99") is None
    assert doc.dct == "2020-05-01"
    assert [(t.text, t.type, t.value, t.function) for t in doc.timexes] == [
        ("May 1", "DATE", "2020-05-01", "CREATION_TIME"),
        ("today", "DATE", "2020-05-01", "NONE"),
    ]


def test_gold_mentions_named_per_org_only():
    doc = mt.parse_cat(CAT)
    gold = eg.meantime_gold(doc)
    # "he" is PRO, "Acme Corp." has no syntactic_type, "May" is a PRO entity
    assert [(g.text, g.chain, g.ent_type) for g in gold] == [
        ("Acme", "ORG1", "ORG"),
        ("Jo", "PER1", "PER"),
        ("Jo Smith", "PER1", "PER"),
    ]
    with_untyped = eg.meantime_gold(doc, untyped_names=True)
    assert [g.text for g in with_untyped] == ["Acme", "Jo", "Jo Smith", "Acme Corp."]


def test_looks_like_name():
    assert eg.looks_like_name("GM") and eg.looks_like_name("the Air Force")
    assert not eg.looks_like_name("He") and not eg.looks_like_name("the company")
    assert not eg.looks_like_name("a European Company")


def test_missing_meantime_folder(tmp_path, capsys):
    assert ev.main(["--meantime", str(tmp_path / "nowhere")]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1 and "MEANTIME" in captured.err


def test_import_does_not_load_spacy():
    code = (
        "import importlib.util, sys\n"
        f"spec = importlib.util.spec_from_file_location('e', {str(EVAL_PATH)!r})\n"
        "m = importlib.util.module_from_spec(spec); sys.modules['e'] = m; spec.loader.exec_module(m)\n"
        "assert 'spacy' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def _named(text, chain, doc="d"):
    return es.GoldMention(doc, 0, 0, 0, 0, text, chain, "ORG", None)


def test_surface_key_drops_case_the_and_possessive():
    assert es.surface_key("The Apple's") == es.surface_key("Apple 's") == es.surface_key("APPLE") == "apple"
    assert es.surface_key("Apple Computer") == "apple computer"


def test_name_variant_pairs_leave_out_identical_names():
    gold = [
        _named("Apple Computer", "A"),
        _named("Apple", "A"),
        _named("apple", "A"),
        _named("The Apple's", "A"),
        _named("Pear Corp", "B"),
    ]
    matched = ["E1", "E1", "E2", None, "E1"]
    # Gold links between different names: Apple Computer with each of the three "apple"s (the
    # three "apple"s among themselves are the same name). System links: E1 holds Apple Computer,
    # Apple and Pear Corp, three pairs of different names. Both: Apple Computer-Apple.
    p, r, f = es.name_variants(gold, matched)
    assert (p, r, f) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    variants = es.score(gold, matched).figures()["name_variant_pairwise"]
    assert (variants["links_both"], variants["links_system"], variants["links_gold"]) == (1, 3, 3)


def test_name_variants_reward_keeping_different_names_apart():
    gold = [_named("Northwind", "N"), _named("Northwind Traders", "N"), _named("Southwind", "S")]
    assert es.name_variants(gold, ["E1", "E1", "E2"]) == pytest.approx((1.0, 1.0, 1.0))
    p, r, _ = es.name_variants(gold, ["E1", "E1", "E1"])
    assert (p, r) == pytest.approx((1 / 3, 1.0))


def test_fuzzy_baseline_groups_by_name_and_label():
    names = [
        ("Northwind Traders", "ORG"),
        ("Northwind Traders Inc.", "ORG"),
        ("the northwind traders", "ORG"),
        ("Southwind Shipping", "ORG"),
        ("Northwind Traders", "PERSON"),
    ]
    groups = es.fuzzy_groups(names)
    assert groups[names[0]] == groups[names[1]] == groups[names[2]]
    assert groups[names[3]] != groups[names[0]]
    assert groups[names[4]] != groups[names[0]]
    assert es.fuzzy_groups(names[::-1]) == groups  # the ids do not depend on the order
    pair = es.fuzzy_groups([("Northwind", "ORG"), ("Southwind", "ORG")])
    assert len(set(pair.values())) == 2


ECB = """<?xml version="1.0" ?><Document doc_name="7_1ecb.xml" doc_id="X">
<token t_id="1" sentence="0" number="0">Police</token>
<token t_id="2" sentence="0" number="1">said</token>
<token t_id="3" sentence="0" number="2">Jo</token>
<token t_id="4" sentence="0" number="3">Quill</token>
<token t_id="5" sentence="0" number="4">left</token>
<token t_id="6" sentence="0" number="5">.</token>
<token t_id="7" sentence="1" number="6">Quill</token>
<token t_id="8" sentence="1" number="7">and</token>
<token t_id="9" sentence="1" number="8">Acme</token>
<token t_id="10" sentence="1" number="9">`</token>
<token t_id="11" sentence="1" number="10">s</token>
<token t_id="12" sentence="1" number="11">police</token>
<token t_id="13" sentence="1" number="12">agreed</token>
<token t_id="14" sentence="2" number="13">Jo</token>
<token t_id="15" sentence="2" number="14">Quill</token>
<Markables>
<HUMAN_PART_ORG m_id="1"><token_anchor t_id="1"/></HUMAN_PART_ORG>
<HUMAN_PART_PER m_id="2"><token_anchor t_id="3"/><token_anchor t_id="4"/></HUMAN_PART_PER>
<HUMAN_PART_PER m_id="3"><token_anchor t_id="7"/></HUMAN_PART_PER>
<HUMAN_PART_ORG m_id="4"><token_anchor t_id="9"/></HUMAN_PART_ORG>
<HUMAN_PART_GENERIC m_id="5"><token_anchor t_id="12"/></HUMAN_PART_GENERIC>
<HUMAN_PART_PER m_id="6"><token_anchor t_id="14"/><token_anchor t_id="15"/></HUMAN_PART_PER>
<HUMAN_PART_ORG m_id="7"><token_anchor t_id="9"/></HUMAN_PART_ORG>
<HUMAN_PART_PER m_id="20" TAG_DESCRIPTOR="jo_quill" instance_id="HUM1"/>
<HUMAN_PART_ORG m_id="21" TAG_DESCRIPTOR="acme" instance_id="HUM2"/>
<HUMAN_PART_ORG m_id="22" TAG_DESCRIPTOR="police"/>
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="HUM1"><source m_id="2"/><source m_id="3"/><source m_id="6"/><target m_id="20"/></CROSS_DOC_COREF>
<CROSS_DOC_COREF r_id="2" note="HUM2"><source m_id="4"/><source m_id="1"/><target m_id="21"/></CROSS_DOC_COREF>
<INTRA_DOC_COREF r_id="3"><source m_id="7"/><target m_id="22"/></INTRA_DOC_COREF>
</Relations>
</Document>
"""


def test_ecbplus_gold_named_participants_in_coreference_sentences(tmp_path):
    import ecbplus

    path = tmp_path / "7_1ecb.xml"
    path.write_text(ECB, encoding="utf-8")
    article = ecbplus.load_article(path)
    for t_id, (start, end) in article.token_spans.items():
        if t_id not in {"10", "11"}:  # the corpus's "` s" is written "'s"
            assert article.text[start:end] == ECB.split(f'"{t_id}"', 1)[1].split(">", 1)[1].split("<", 1)[0]
    gold = eg.ecbplus_gold(ECB, article, frozenset({0, 1}), eg.lower_case_words([article]))
    # "Police" is written in lower case elsewhere, GENERIC is not scored, sentence 2 is not a coreference
    # sentence, and the second mention of Acme is linked within its document only.
    assert [(g.text, g.chain, g.ent_type) for g in gold] == [
        ("Jo Quill", "HUM1", "PER"),
        ("Quill", "HUM1", "PER"),
        ("Acme", "HUM2", "ORG"),
    ]
    assert all(article.text[g.head_start : g.head_end] == g.text.split()[-1] for g in gold)


def test_misses_list_split_and_mixed_entities():
    import entityeval

    gold = [_named("Apple", "A"), _named("Apple Inc.", "A"), _named("Apple Corps", "C"), _named("AAPL", "A")]
    lines = entityeval.misses("apple", gold, ["E1", "E2", "E1", None], {"E1": "Apple", "E2": "Apple Inc."})
    assert lines == [
        "[apple] split ORG 'Apple Inc.': [E1 'Apple'] Apple | [E2 'Apple Inc.'] Apple Inc. | [not found] AAPL",
        "[apple] mixed E1 'Apple': [ORG 'Apple Inc.'] Apple | [ORG 'Apple Corps'] Apple Corps",
    ]


# --------------------------------------------------------------------------- quotes gold and scorer

import json  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import claimgold as cg  # noqa: E402
import quotegold as qg  # noqa: E402
import quotescore as qs  # noqa: E402


def test_quote_overlap_rule_half_of_the_shorter_span():
    assert qs.overlaps((0, 10), (5, 12))  # shares 5 of the shorter 7
    assert qs.overlaps((0, 10), (2, 4))  # all of the shorter
    assert not qs.overlaps((0, 10), (8, 30))  # shares 2 of the shorter 10
    assert not qs.overlaps((0, 10), (10, 20))  # touching is not overlapping
    assert qs.fit((0, 10), (0, 10)) == 1.0
    assert qs.fit((0, 10), (5, 15)) == pytest.approx(5 / 15)


def test_quote_gold_locate_needs_an_occurrence_when_repeated():
    assert qg.locate("a b a", "b") == (2, 3)
    assert qg.locate("a b a", "a", 2) == (4, 5)
    with pytest.raises(qg.GoldError):
        qg.locate("a b a", "a")
    with pytest.raises(qg.GoldError):
        qg.locate("a b a", "a", 3)


_TEXT_PARAGRAPHS = [["''A b c,'' Jo Roe said."], ["HOST: Hi there."], ["GUEST: Bye now."], ["Roe wants more tax."]]


def _quote_case():
    article = cg.written_article("w_t_1", _TEXT_PARAGRAPHS)

    def gold(gid, content, direct, speaker, name, kind):
        start = article.text.index(content)
        return qg.GoldAttribution(gid, article.name, start, start + len(content), content, direct, None, speaker,
                                  (name,), (), kind, "")

    golds = (
        gold("g1", "A b c,", True, "Jo Roe", "Jo Roe", "doubled-apostrophes"),
        gold("g2", "Hi there.", True, "HOST", "Oda Brekk", "transcript"),
        gold("g3", "Bye now.", True, "GUEST", "Jo Roe", "transcript"),
        gold("g4", "more tax", False, "Roe", "Jo Roe", "no-verb"),
    )

    def system(qid, piece, direct, speaker, end_piece=None):
        start = article.text.index(piece)
        end = article.text.index(end_piece) + len(end_piece) if end_piece else start + len(piece)
        who = SimpleNamespace(text=speaker, entity=None, refers_to=None)
        return SimpleNamespace(id=qid, source=article.name, start=start, end=end, text=article.text[start:end],
                               direct=direct, cue="said", speaker=who)

    quotes = [
        system("Q1", "A b c,", True, "Roe"),  # found, speaker right (same last word)
        system("Q2", "Hi there.", True, "GUEST", end_piece="Bye now."),  # runs over two turns: merged, wrong speaker
        system("Q3", "Roe wants", False, "Roe"),  # overlaps no gold: spurious
    ]
    return qg.QuoteGold("w_t", True, (article,), golds, ()), quotes


def test_quote_scorer_figures_by_hand():
    gold, quotes = _quote_case()
    tally = qs.QuoteTally()
    misses: list[str] = []
    qs.score_file(gold, quotes, [], tally, misses)
    f = tally.figures()
    # all: Q1 finds g1, Q2 finds g2 (its best fit; g3 is another source's): P 2/3, R 2/4
    assert (f["all"]["p"], f["all"]["r"]) == pytest.approx((2 / 3, 1 / 2))
    assert f["all"]["f1"] == pytest.approx(4 / 7)
    # direct: gold g1 g2 g3, system Q1 Q2: P 2/2, R 2/3
    assert (f["direct"]["p"], f["direct"]["r"], f["direct"]["f1"]) == pytest.approx((1.0, 2 / 3, 0.8))
    # named speaker: g1 right ("Roe" ~ "Jo Roe"), g2 wrong ("GUEST" for Oda Brekk)
    assert f["named_speaker"] == {"accuracy": 0.5, "named": 2}
    assert f["merged"] == 1
    kinds = sorted(m.split()[0] for m in misses)
    assert kinds == ["merged", "missed", "missed", "speaker", "spurious"]
    assert any("[transcript]" in m and "g3" in m for m in misses)


def test_quote_scorer_pools_sets():
    gold, quotes = _quote_case()
    a, b = qs.QuoteTally(), qs.QuoteTally()
    qs.score_file(gold, quotes, [], a)
    qs.score_file(gold, quotes[:1], [], b)
    a.add(b)
    f = a.figures()
    assert (f["files"], f["all"]["gold"], f["all"]["system"]) == (2, 8, 4)
    assert f["all"]["r"] == pytest.approx(3 / 8)


def test_quote_speaker_names_include_antecedent_and_entity():
    quote = SimpleNamespace(speaker=SimpleNamespace(text="she", entity="E1", refers_to="the councillor"))
    names = qs.system_names(quote, {"E1": ("Tilde Varn", "Varn")})
    assert names == ["she", "the councillor", "Tilde Varn", "Varn"]
    g = qg.GoldAttribution("a", "d", 0, 1, "x", True, "said", "she", ("Tilde Varn",), (), "", "")
    assert qs.right_speaker(g, names)
    assert not qs.right_speaker(g, ["she", "the councillor"])


def test_quote_gold_written_file_loads(tmp_path):
    data = {
        "subtopic": "w_t", "source": "written",
        "articles": {"w_t_1": {"paragraphs": _TEXT_PARAGRAPHS}},
        "attributions": [{"id": "a1", "article": "w_t_1", "content": "more tax", "direct": False, "cue": "wants",
                          "speaker": "Roe", "speaker_name": ["Jo Roe", "Al Bo"], "kind": "no-verb"}],
        "non_quotes": [{"article": "w_t_1", "text": "Hi there.", "kind": "title"}],
    }
    path = tmp_path / "w_t.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    gold = qg.load_gold(path)
    (a,) = gold.attributions
    assert gold.articles[0].text[a.start:a.end] == "more tax"
    assert a.speaker_names == ("Jo Roe", "Al Bo") and a.named
    assert gold.non_quotes[0].kind == "title"

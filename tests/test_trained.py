"""Tests for the trained Russian and Chinese scorers: shipped weights, routing, signs and the stored scores."""

from __future__ import annotations

import gzip
import json
import math
import socket
from importlib import resources

import pytest

from analysis.scoring import rescore
from analysis.sentiment import SCORERS, Score, score_text
from analysis.trained import (
    CLASSES,
    DOMAINS,
    MODEL_FORMAT,
    Features,
    TrainedScorer,
    char_ngrams,
    load_model,
    model_file,
    normalise,
    parse_model,
    polarity_of,
)
from bot.app import score_answer
from surveys import journey
from surveys.engine import AnswerValue
from surveys.reading import Feeling
from tests.helpers import BENCHMARKS, T0, refit_in_training_kernel
from tests.test_journey import linked

RUSSIAN_PRAISE = [
    "Спасибо, всё пришло быстро, очень довольна!",
    "Отличный сервис, рекомендую всем",
    "Курьер вежливый, доставили вовремя. Спасибо!",
    "Качество хорошее, цена приятная",
]
RUSSIAN_COMPLAINTS = [
    "Курьер нагрубил, больше не закажу",
    "Товар пришёл сломанный, деньги не вернули",
    "Поддержка не отвечает уже третий день",
    "Отвратительное качество, не рекомендую",
]
CHINESE_PRAISE = [
    "物流很快，质量很好，非常满意",
    "客服态度很好，下次还会再来",
    "包装精美，性价比高",
    "送货及时，服务周到",
]
CHINESE_COMPLAINTS = [
    "质量太差了，再也不买了",
    "快递太慢了，等了一个星期",
    "客服态度很差，不给退款",
    "垃圾产品，千万别买",
]


@pytest.fixture
def offline(monkeypatch):
    """Make any attempt to open a network connection fail, and forget models loaded earlier."""

    def refuse(*args, **kwargs):
        raise AssertionError("the sentiment models must load without network")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    load_model.cache_clear()
    yield
    load_model.cache_clear()


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_model_loads_from_the_installed_package_without_network(offline, language: str) -> None:
    resource = resources.files("analysis").joinpath("models", f"{language}.json.gz")
    assert resource.is_file()
    assert len(resource.read_bytes()) < 5_000_000
    model = load_model(language)
    assert (model.language, model.classes) == (language, CLASSES)
    assert 10_000 <= len(model.weights) <= 100_000
    assert model.meta["training_rows"] > model.meta["held_out_rows"] > 0
    assert "is_held_out" in model.meta["rows"]
    # The non-commercial airline tweets never train a shipped model; clothing reviews stay an unseen domain.
    assert not any("airline" in source or "clothing" in source for source in model.meta["trained_on"])


@pytest.mark.parametrize(
    ("language", "scorer", "texts"),
    [("ru", "tfidf-lr-ru", RUSSIAN_PRAISE), ("zh", "tfidf-lr-zh", CHINESE_PRAISE)],
)
def test_praise_routes_to_the_languages_model_and_is_positive(language: str, scorer: str, texts: list[str]) -> None:
    for text in texts:
        score = score_text(text)
        assert (score.language, score.scorer, score.subjectivity) == (language, scorer, None), text
        assert 0 < score.polarity <= 1, text


@pytest.mark.parametrize(
    ("language", "scorer", "texts"),
    [("ru", "tfidf-lr-ru", RUSSIAN_COMPLAINTS), ("zh", "tfidf-lr-zh", CHINESE_COMPLAINTS)],
)
def test_complaints_route_to_the_languages_model_and_are_negative(language: str, scorer: str, texts: list[str]) -> None:
    for text in texts:
        score = score_text(text)
        assert (score.language, score.scorer) == (language, scorer), text
        assert -1 <= score.polarity < 0, text


def test_each_language_has_its_own_scorer() -> None:
    assert {language: scorer.name for language, scorer in SCORERS.items()} == {
        "en": "tfidf-lr-en",
        "ru": "tfidf-lr-ru",
        "zh": "tfidf-lr-zh",
    }
    assert score_text("Terrible service, never again.").scorer == "tfidf-lr-en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("配送が遅いです", "ja"),
        ("배송이 너무 늦어요", "ko"),
        ("Дуже погане обслуговування, ніколи більше", "uk"),
        ("Das ist nicht gut, ich bin sehr enttäuscht", "de"),
    ],
)
def test_other_languages_stay_not_scored(text: str, language: str) -> None:
    assert score_text(text) == Score(language, None, None, None, None)


def tiny_model(**changes) -> dict:
    data = {
        "format": MODEL_FORMAT,
        "language": "xx",
        "classes": list(CLASSES),
        "ngram_range": [1, 2],
        "ngrams": ["a", "b", "ab"],
        "idf": [1.0, 2.0, 3.0],
        "coef": [[-1.0, 1.0, -0.5], [0.0, 0.0, 0.0], [1.0, -1.0, 0.5]],
        "intercept": [0.0, 0.25, 0.0],
        "meta": {},
    }
    data.update(changes)
    return data


def test_decision_is_sublinear_tfidf_l2_normalised_dot_product_per_class() -> None:
    model = parse_model(tiny_model())
    # "aab": a×2, b×1, aa×1 (unknown), ab×1 -> x = ((1+ln 2)·1, 1·2, 1·3)
    x = [1 + math.log(2), 2.0, 3.0]
    positive = (x[0] * 1.0 - x[1] + x[2] * 0.5) / math.sqrt(sum(v * v for v in x))
    assert model.decision("AAB") == pytest.approx([-positive, 0.25, positive])


def test_probabilities_are_a_softmax_and_polarity_their_difference() -> None:
    model = parse_model(tiny_model())
    probabilities = model.probabilities("aab")
    assert sum(probabilities.values()) == pytest.approx(1.0)
    assert model.feeling(probabilities) == "positive"
    assert polarity_of(model, probabilities) == pytest.approx(probabilities["positive"] - probabilities["negative"])


def test_a_neutral_verdict_keeps_polarity_inside_the_neutral_band() -> None:
    model = parse_model(tiny_model(intercept=[0.0, 5.0, 0.0]))
    probabilities = model.probabilities("aab")
    assert model.feeling(probabilities) == "neutral"
    assert abs(polarity_of(model, probabilities)) < 0.05
    assert model.feeling({"negative": 0.3, "neutral": 0.4, "positive": 0.3}) == "neutral"
    biased = parse_model(tiny_model(neutral_bias=-1.0))
    assert biased.feeling({"negative": 0.35, "neutral": 0.4, "positive": 0.25}) == "negative"


def test_word_ngrams_and_digits_are_normalised() -> None:
    grams = Features(5, 5, 2).grams("Order #4411 NOT arrived")
    assert "w:not arrived" in grams and "w:order" in grams and "#0000" in grams
    assert not any("4" in gram for gram in grams)


def test_text_with_no_known_ngram_is_declined_not_scored_zero() -> None:
    model = parse_model(tiny_model())
    assert model.decision("zzz") is None
    assert model.decision("a") is not None


def test_unknown_model_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        parse_model(tiny_model(format=99))


def two_domain_model() -> dict:
    """tiny_model's n-grams, its weights for general texts and the opposite ones for survey answers."""
    general = tiny_model()
    survey_coef = [[-c for c in row] for row in general["coef"]]
    return tiny_model(
        domains=list(DOMAINS), coef=general["coef"] + survey_coef, intercept=[0.0, 0.25, 0.0, 0.5, 0.0, -0.5]
    )


def test_a_feelings_probability_is_the_sum_over_both_domains() -> None:
    model = parse_model(two_domain_model())
    x = [1 + math.log(2), 2.0, 3.0]  # "aab", as in the test above
    dot = (x[0] * 1.0 - x[1] + x[2] * 0.5) / math.sqrt(sum(v * v for v in x))
    six = [-dot, 0.25, dot, dot + 0.5, 0.0, -dot - 0.5]  # general negative, neutral, positive; then survey's
    total = sum(math.exp(v) for v in six)
    expected = {name: (math.exp(six[k]) + math.exp(six[k + 3])) / total for k, name in enumerate(CLASSES)}
    assert model.probabilities("aab") == pytest.approx(expected)


def test_a_one_domain_model_reads_as_it_always_did() -> None:
    one = parse_model(tiny_model())
    named = parse_model(tiny_model(domains=["general"]))
    assert one.decision("aab") == named.decision("aab")
    x = [1 + math.log(2), 2.0, 3.0]
    positive = (x[0] * 1.0 - x[1] + x[2] * 0.5) / math.sqrt(sum(v * v for v in x))
    assert one.decision("aab") == pytest.approx([-positive, 0.25, positive])


@pytest.mark.parametrize(
    "changes",
    [{"domains": ["general", "survey answers"]}, {"domains": ["survey answers"]}, {"domains": ["a", "b"]}],
)
def test_domains_that_do_not_match_the_coefficients_are_refused(changes: dict) -> None:
    data = two_domain_model() if changes["domains"] == ["a", "b"] else tiny_model()
    with pytest.raises(ValueError, match="domains"):
        parse_model({**data, **changes})


def test_coefficients_that_do_not_match_are_refused() -> None:
    with pytest.raises(ValueError, match="coefficients"):
        parse_model(tiny_model(coef=[[1.0, 2.0, 3.0]]))


def test_ngrams_ignore_links_handles_case_and_extra_spaces() -> None:
    assert char_ngrams("@bank  ОК http://t.co/x", 2, 3) == ["ок"]
    assert char_ngrams("Ab  c", 1, 2) == ["a", "b", " ", "c", "ab", "b ", " c"]


def test_scorer_reads_text_without_known_ngrams_as_neutral() -> None:
    assert TrainedScorer("zh").score("\U0001f600") == (0.0, None)
    score = score_text("x" * 50)
    assert (score.language, score.polarity, score.feeling) == ("en", 0.0, "neutral")


async def test_answers_in_russian_and_chinese_are_scored_when_stored(store, surveys) -> None:
    for user, text in ((7, RUSSIAN_COMPLAINTS[1]), (8, CHINESE_COMPLAINTS[0])):
        _, step = await linked(store, surveys, user=user, ref=f"A-{user}")
        c, inv = step.customer, step.invitation.id
        for question, raw in (("channel", "ad"), ("checkout_ease", "2"), ("purchase_csat", "1")):
            await journey.press(store, surveys, c, inv, question, raw, T0)
        step = await journey.write(store, surveys, c, text, score_answer, T0)
        assert step.status == "recorded"
    rows = await store._all(
        "SELECT value_text, sentiment, text_language, scorer FROM answers WHERE question_type = 'text'"
    )
    assert [(text, language, scorer) for text, _, language, scorer in rows] == [
        (RUSSIAN_COMPLAINTS[1], "ru", "tfidf-lr-ru"),
        (CHINESE_COMPLAINTS[0], "zh", "tfidf-lr-zh"),
    ]
    assert all(sentiment < 0 for _, sentiment, _, _ in rows)


async def test_rescore_fills_russian_and_chinese_answers(store, surveys) -> None:
    order = await store.add_order("B-1", None, T0, T0)
    invitation = await store.ensure_invitation(order.id, "first_week", T0, T0)
    question = surveys["first_week"].question("tell_more")
    await store.record_answer(invitation.id, question, AnswerValue(text=CHINESE_PRAISE[0]), "zh", T0)
    assert await rescore(store, everything=False, progress=False) == 1
    [(sentiment, subjectivity, language, scorer)] = await store._all(
        "SELECT sentiment, subjectivity, text_language, scorer FROM answers"
    )
    assert sentiment > 0 and subjectivity is None and (language, scorer) == ("zh", "tfidf-lr-zh")


def test_shipped_file_is_gzip_json_of_the_documented_format() -> None:
    raw = resources.files("analysis").joinpath("models", "ru.json.gz").read_bytes()
    data = json.loads(gzip.decompress(raw))
    assert data["format"] == MODEL_FORMAT
    assert data["classes"] == list(CLASSES) and data["domains"] == list(DOMAINS)
    assert len(data["coef"]) == len(data["intercept"]) == len(CLASSES) * len(DOMAINS)
    assert all(len(data["ngrams"]) == len(data["idf"]) == len(row) for row in data["coef"])
    assert all(v > 0 for v in data["idf"])


@pytest.mark.parametrize("text", ["Поддержка ответила за пять минут и всё решила", "Качество супер за такие деньги"])
def test_issue_10_russian_praise_is_positive(text: str) -> None:
    assert score_text(text).feeling == "positive"


def test_a_model_that_reads_by_sentence_averages_three_sentences_or_more() -> None:
    import math

    model = parse_model(tiny_model(sentence_mean=True))
    sentences = ["aab.", "b!", "ba?"]
    each = [model.probabilities(s) for s in sentences]  # read whole: each is one sentence
    averaged = {name: sum(p[name] for p in each) / 3 for name in model.classes}  # probabilities, not log-odds
    assert model.probabilities(" ".join(sentences)) == pytest.approx(averaged)
    assert model.decision(" ".join(sentences)) == pytest.approx([math.log(averaged[name]) for name in model.classes])
    # Two sentences are read whole, as every text is by a model that does not read by sentence.
    assert model.decision("aab. b!") == model.segment_decision("aab. b!")
    assert parse_model(tiny_model()).decision(" ".join(sentences)) == model.segment_decision(" ".join(sentences))


def test_a_very_long_text_is_read_up_to_max_chars() -> None:
    from analysis.trained import MAX_CHARS

    model = parse_model(tiny_model())
    assert model.decision("ab" + " " * MAX_CHARS + "aaaa") == model.decision("ab")


def test_russian_not_bad_is_read_as_one_word():
    assert normalise("Не  плохо, вполне не плохой") == "неплохо, вполне неплохой"
    assert normalise("не пришло") == "не пришло"


def test_russian_not_bad_reads_positive():
    assert score_text("не плохо").feeling is Feeling.POSITIVE


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_each_shipped_model_learnt_from_the_rows_its_recipe_reads_now(language, monkeypatch) -> None:
    """A model retrained from the repo is the shipped one: new labelled rows mean a retrain, in the same commit."""
    from pathlib import Path

    benchmarks = Path(__file__).resolve().parent.parent / "benchmarks"
    monkeypatch.syspath_prepend(str(benchmarks))
    import train_sentiment as trainer

    data_dir = benchmarks.parent.parent / "shared" / "data"
    if not data_dir.is_dir():
        pytest.skip("the recipes read ../shared/data, which this machine lacks")
    recipe = trainer.RECIPES[language]
    frame = trainer.training_frame(recipe, data_dir)
    meta = load_model(language).meta
    assert meta["trained_on"] == [f"{s.path} (weight {s.weight:g})" for s in recipe.sources]
    assert meta["training_rows"] == int((~frame["held_out"]).sum())


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_the_shipped_models_are_what_the_trainer_writes(language, tmp_path) -> None:
    """Retraining from the repo and ../shared/data gives the shipped file byte for byte (about a minute each)."""
    pytest.importorskip("sklearn")  # the [train] extra; CI installs only [test,dev]
    if not (BENCHMARKS.parent.parent / "shared" / "data").is_dir():
        pytest.skip("the recipes read ../shared/data, which this machine lacks")
    script = (
        "import sys; from pathlib import Path; import train_sentiment as t; t.MODELS_DIR = Path(sys.argv[1]); "
        "t.train_language(t.RECIPES[sys.argv[2]], t.REPO_ROOT.parent / 'shared' / 'data')"
    )
    refit_in_training_kernel(script, str(tmp_path), language)
    shipped = resources.files("analysis").joinpath("models", model_file(language)).read_bytes()
    assert (tmp_path / model_file(language)).read_bytes() == shipped

"""Numbers in words, English and Russian, as `figures` reads them; and the word table held
to the libraries that wrote it (tools/number_words.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefgen.figures import figures
from briefgen.text import normal

from conftest import ROOT


def test_the_number_table_is_what_num2words_and_pymorphy3_give() -> None:
    run = subprocess.run([sys.executable, str(ROOT / "tools" / "number_words.py"), "--check"],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


@pytest.mark.parametrize("text, value", [
    ("five years earlier", "5"),
    ("twenty-five members", "25"),
    ("two hundred and five delegates", "205"),
    ("one thousand five hundred troops", "1500"),
    ("two thousand and twenty-two", "2022"),
    ("the twenty-first meeting", "21"),
    ("пять лет назад", "5"),
    ("более пяти лет", "5"),
    ("двадцать пять участников", "25"),
    ("сто двадцать пять", "125"),
    ("двух тысяч", "2000"),
    ("в две тысячи двадцать втором году", "2022"),
    ("на первой встрече", "1"),
    ("с тремя странами", "3"),
    ("четырёхсот километров", "400"),
    ("миллионом долларов", "1000000"),
])
def test_number_words_in_every_form(text: str, value: str) -> None:
    assert (value, None) in figures(normal(text))


@pytest.mark.parametrize("text", [
    "one of the key areas",            # an idiom, no number
    "одним из ключевых направлений",
    "в первую очередь",
    "с семью президента",              # "семью": the family, not seven
    "the talks went on",
])
def test_words_that_state_no_number(text: str) -> None:
    assert figures(normal(text)) == []


def test_two_numbers_side_by_side_stay_two() -> None:
    assert figures(normal("five six")) == [("5", None), ("6", None)]
    assert figures(normal("first and second")) == [("1", None), ("2", None)]

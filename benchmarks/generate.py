"""Generate a synthetic brief repository of a given size, as a policy unit's archive would be.

Articles of 2-8 KB of varied prose (about one in six in Russian), one paragraph per line;
meetings citing 1-4 of them with 10-40 quotes each, some with an ellipsis, some typed with
other quotation marks than the article's. Every meeting checks clean: its place and date,
its participants (with their roles), its speakers and its commitments' parties stand in
their own quotes, and an ellipsis never joins two sentences, as in real curation.

    python benchmarks/generate.py DIR --sources 2000 [--seed 1]

Meetings are half as many as sources (each has two articles of its own and may cite others).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

EN = """security cooperation region border stability council secretary ministers agreed
talks discussed information exchange terrorism extremism trafficking drugs arms transport
trade logistics energy water development investment agreement programme dialogue partners
neighbours summit delegation meeting officials represent national interests strategic joint
measures threats challenges response mechanism coordination services agencies analysis
report economic humanitarian cultural ties efforts priorities framework consultations
partnership commitment implementation roadmap initiative platform forum assessment""".split()
RU = """безопасность сотрудничество регион граница стабильность совет секретарь министры
согласовали переговоры обсудили обмен информацией терроризм экстремизм оборот наркотиков
оружия транспорт торговля логистика энергетика вода развитие инвестиции соглашение программа
диалог партнеры соседи саммит делегация встреча представители национальные интересы
стратегические совместные меры угрозы вызовы механизм координация службы ведомства""".split()
CITIES = ["Astana", "Almaty", "Tashkent", "Bishkek", "Dushanbe", "Ashgabat", "Samarkand", "Osh", "Khujand"]
CITIES_RU = {"Astana": "Астане", "Almaty": "Алматы", "Tashkent": "Ташкенте", "Bishkek": "Бишкеке",
             "Dushanbe": "Душанбе", "Ashgabat": "Ашхабаде", "Samarkand": "Самарканде", "Osh": "Оше",
             "Khujand": "Худжанде"}
MONTHS_RU = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split()
FIRST = "Marat Gizat Nasrullo Viktor Annamyrat Rustam Aziz Timur Bakyt Dilshod Kairat Erlan Sanjar".split()
LAST = "Imankulov Nurdauletov Makhmudzoda Makhmudov Yagmyrov Temirov Nazarov Karimov Abdullaev Rakhimov".split()


ROLE = "Secretary of the Security Council"
AGREED = "Kazakhstan and Uzbekistan agreed on joint measures."  # what the commitments cite
AGREED_RU = "Казахстан и Узбекистан согласовали совместные меры."


def sentence(rng: random.Random, words: list[str]) -> str:
    chosen = rng.choices(words, k=rng.randint(8, 22))
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def paragraph(rng: random.Random, words: list[str]) -> str:
    return " ".join(sentence(rng, words) for _ in range(rng.randint(2, 6)))


def article(rng: random.Random, russian: bool, lead: str, people: list[str]) -> list[str]:
    """Paragraphs of one article, 2-8 KB: a lead with place and date, people quoted after it."""
    words = RU if russian else EN
    paragraphs = [lead]
    for person in people:
        said = " заявил" if russian else f", {ROLE}, said that"
        paragraphs.append(f"{person}{said} {paragraph(rng, words)[0].lower()}{paragraph(rng, words)[1:]}")
    paragraphs.append(AGREED_RU if russian else AGREED + " " + paragraph(rng, words))
    target = rng.randint(2000, 8000)
    while sum(len(p.encode()) for p in paragraphs) < target:
        text = paragraph(rng, words)
        if not russian and rng.random() < 0.3:
            text = text.replace(" agreed ", " “agreed” ", 1)
        paragraphs.append(text)
    return paragraphs


def quote_from(rng: random.Random, text: str, ellipsis: bool) -> str:
    """Whole words of a paragraph; sometimes two fragments of one sentence joined by an ellipsis."""
    words = text.split()
    start = rng.randint(0, max(0, len(words) - 12))
    length = rng.randint(5, 12)
    piece = words[start: start + length]
    inside = [word.endswith(".") for word in piece[:-1]]
    if ellipsis and len(piece) >= 9 and not any(inside):
        return " ".join(piece[:4]) + " ... " + " ".join(piece[-4:])
    return " ".join(piece).replace("“", '"').replace("”", '"')


def yaml_text(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def translated(quote: str) -> str:
    """A translation true to its quote as far as briefgen compares one: the commitments'
    sentence in English, the people a quote names kept by name."""
    if quote == AGREED_RU.rstrip("."):
        return AGREED.rstrip(".")
    names = [word for word in quote.split() if word[:1].isupper() and word.isascii()]
    return " ".join([*names, "in the article's words, in English"]) if names else "The article's words, in English."


def cite(source: tuple[str, bool, list[str]], quote: str, indent: str) -> list[str]:
    source_id, russian, _ = source
    lines = [f"{indent}- source: {source_id}", f"{indent}  quote: {yaml_text(quote)}"]
    if russian:
        lines.append(f"{indent}  translation: {yaml_text(translated(quote))}")
    return lines


def meeting_file(rng: random.Random, number: int, day: dt.date, city: str, own: list, others: list,
                 people: list[str]) -> str:
    """One meeting summary: place and date from its English article, people and statements
    from its own articles, commitments from any article it cites."""
    lead_source = own[0]
    lines = [
        f"title: Security council secretaries meet in {city}",
        f"date: {day.isoformat()}",
        f"location: {city}",
        "cite:",
        *cite(lead_source, lead_source[2][0].rstrip("."), "  "),
        "summary: The secretaries met and agreed on joint measures.",
        "participants:",
    ]
    for index, person in enumerate(people):
        lines += [f"  - name: {person}", f"    role: {ROLE}", "    cite:",
                  *cite(lead_source, f"{person}, {ROLE}", "      ")]
    lines.append("statements:")
    total = rng.randint(10, 40) - len(people) - 1
    commitments = [] if not others else ["commitments:"]
    for _ in range(total):
        if others and rng.random() < 0.3:
            source = rng.choice(others)
            said = AGREED_RU if source[1] else AGREED
            commitments += ["  - parties: [Kazakhstan, Uzbekistan]", "    text: Agreed joint measures.",
                            "    cite:", *cite(source, said.rstrip("."), "      ")]
            continue
        source = rng.choice(own)
        index = rng.randrange(len(people))
        text = source[2][index + 1]
        lines += [f"  - speaker: {people[index]}", "    text: Spoke on regional security.", "    cite:",
                  *cite(source, quote_from(rng, text, rng.random() < 0.15), "      ")]
    return "\n".join(lines + (commitments if len(commitments) > 1 else [])) + "\n"


def generate(root: Path, sources: int, seed: int = 1) -> dict[str, int]:
    """Write the repository; return its counts (sources, meetings, quotes, bytes of text)."""
    rng = random.Random(seed)
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "briefs").mkdir(parents=True, exist_ok=True)
    catalogue, articles, total_bytes, quotes = [], [], 0, 0
    meetings = sources // 2
    start = dt.date(2015, 1, 5)
    for number in range(meetings):
        day = start + dt.timedelta(days=number * 3650 // max(meetings, 1))
        city = CITIES[number % len(CITIES)]
        people = list(dict.fromkeys(f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(rng.randint(1, 3))))
        own = []
        for k in range(2):
            russian = k == 1 and rng.random() < 1 / 3
            if russian:
                lead = f"Встреча секретарей прошла в {CITIES_RU[city]} {day.day} {MONTHS_RU[day.month - 1]} {day.year} года."
            else:
                lead = f"The meeting took place in {city} on {day.day} {day:%B} {day.year} with the secretaries."
            paragraphs = article(rng, russian, lead, people)
            source_id = f"src-{number:05d}-{k}"
            data = "\n".join(paragraphs) + "\n"
            (root / "seeds" / f"{source_id}.txt").write_text(data, "utf-8")
            total_bytes += len(data.encode())
            catalogue.append(f"- id: {source_id}\n  file: {source_id}.txt\n  outlet: Outlet {number % 37}\n"
                             f"  language: {'ru' if russian else 'en'}\n")
            own.append((source_id, russian, paragraphs))
        others = [rng.choice(articles) for _ in range(rng.randint(0, 2))] if articles else []
        articles.extend(own)
        body = meeting_file(rng, number, day, city, own, others, people)
        quotes += body.count("quote:")
        (root / "briefs" / f"{day.isoformat()}-m{number:05d}.yaml").write_text(body, "utf-8")
    (root / "seeds" / "sources.yaml").write_text("\n".join(catalogue), "utf-8")
    return {"sources": len(catalogue), "meetings": meetings, "quotes": quotes, "bytes": total_bytes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--sources", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.root, args.sources, args.seed))


if __name__ == "__main__":
    main()

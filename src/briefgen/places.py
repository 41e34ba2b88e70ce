"""Places of the region and the other names the press gives them.

A meeting's `location` is proven by a cited quote naming the city or one of these
names (or one of the meeting's own `location_aliases`).
"""

from __future__ import annotations

CITY_ALIASES: dict[str, tuple[str, ...]] = {
    "Astana": ("Астана", "Nur-Sultan", "Нур-Султан", "Akmola", "Aqmola", "Tselinograd"),
    "Almaty": ("Алматы", "Alma-Ata", "Алма-Ата", "Almaty city"),
    "Tashkent": ("Ташкент", "Toshkent"),
    "Bishkek": ("Бишкек",),
    "Dushanbe": ("Душанбе",),
    "Ashgabat": ("Ашхабад", "Ashkhabad", "Aşgabat"),
    "Samarkand": ("Самарканд", "Samarqand"),
    "Cholpon-Ata": ("Чолпон-Ата",),
    "Shymkent": ("Шымкент",),
    "Osh": ("Ош",),
    "Khujand": ("Худжанд", "Khujand"),
    "Turkmenbashi": ("Туркменбаши",),
    "Moscow": ("Москва",),
    "Minsk": ("Минск",),
    "Baku": ("Баку",),
    "Kabul": ("Кабул",),
    "Beijing": ("Пекин",),
}


def place_names(city: str, extra: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The city and every other name it goes by."""
    known = next((names for name, names in CITY_ALIASES.items() if name.casefold() == city.casefold()), ())
    return (city, *known, *extra)

"""Generate snapshots/pages/win1251.html: a Russian page stored as windows-1251 bytes.

The source lives here as a UTF-8 string because hand-editing cp1251 bytes is error-prone;
the committed .html is what the decode stage must handle (charset declared only in <meta>).
Run: python snapshots/make_cp1251.py
"""

from pathlib import Path

PAGE = """<!DOCTYPE html>
<html lang="ru">
<head>
<meta charset="windows-1251">
<title>В Казани начали строить третью линию метро | Городской вестник</title>
<meta name="description" content="Первые станции новой линии казанского метро должны открыться в 2030 году.">
<meta property="og:title" content="В Казани начали строить третью линию метро">
<meta property="og:site_name" content="Городской вестник">
<meta property="article:published_time" content="2026-05-19T09:00:00+03:00">
</head>
<body>
<div class="cookie">Сайт использует файлы cookie. <a href="/cookie">Подробнее</a> <button>Принять</button></div>
<table width="100%" border="0" cellpadding="4">
<tr><td class="top" colspan="2">
<a href="/">Городской вестник</a> |
<a href="/news">Новости</a> | <a href="/city">Город</a> | <a href="/economy">Экономика</a> |
<a href="/transport">Транспорт</a> | <a href="/society">Общество</a> | <a href="/incidents">Происшествия</a> |
<a href="/sport">Спорт</a> | <a href="/culture">Культура</a> | <a href="/realty">Недвижимость</a> |
<a href="/jobs">Работа</a> | <a href="/weather">Погода</a> | <a href="/contacts">Контакты</a>
</td></tr>
<tr><td valign="top" width="75%">
<div class="article">
<h1>В Казани начали строить третью линию метро</h1>
<div class="date">19 мая 2026 · Андрей Галиев</div>
<p>В Казани приступили к строительству третьей линии метрополитена, которая соединит южные жилые районы с центром города, сообщает «Интерфакс» со ссылкой на мэрию.</p>
<p>Первый этап протяжённостью 7,4 километра включает пять станций. Их планируется открыть в 2030 году. Стоимость работ оценивается в 96 млрд рублей, значительную часть средств выделит федеральный бюджет.</p>
<p>«Жители южных районов тратят на дорогу до работы больше часа. С метро это время сократится втрое», — заявил мэр города на церемонии закладки первого камня.</p>
<p>По данным городского управления транспорта, каждый день из южных микрорайонов в центр выезжают около 140 тысяч человек, а автобусы в часы пик работают на пределе вместимости.</p>
<div class="ad-slot">Реклама</div>
<p>Проходку тоннелей будут вести два щита, которые доставят в город летом. Строители обещают, что работы почти не затронут движение на поверхности: большая часть трассы пройдёт на глубине более двадцати метров.</p>
<p>Как отметил в разговоре с <a href="https://gorvestnik.example/transport/2026/05/metro-eksperty">нашим изданием</a> урбанист Рустем Хайруллин, новая линия может изменить облик целых районов: «Вокруг станций метро обычно быстро появляются магазины, офисы и общественные пространства. Важно, чтобы город заранее продумал, как будет выглядеть эта застройка».</p>
<p>Жители окрестных домов опасаются шума и вибрации. Инициативная группа уже направила в мэрию обращение с просьбой провести обследование старых зданий вдоль трассы до начала проходки.</p>
<p>В мэрии пообещали, что мониторинг состояния зданий будет вестись на протяжении всего строительства, а результаты станут публиковать на официальном сайте города.</p>
<p>Ранее власти республики сообщали, что рассматривают продление второй линии метро до аэропорта, однако сроки этого проекта пока не определены.</p>
<p class="source">Источник: <a href="https://interfax.example/russia/2026/05/19/kazan-metro">Интерфакс</a></p>
</div>
<div class="share">Поделиться: <a href="https://vk.com/share.php?url=x">ВКонтакте</a> <a href="https://t.me/share/url?url=x">Telegram</a></div>
<div class="related"><b>Читайте также:</b><br>
<a href="/transport/2026/04/tramvai">В Казани продлят трамвайную линию</a><br>
<a href="/city/2026/03/dorogi">Какие дороги отремонтируют этим летом</a></div>
</td>
<td valign="top" class="right"><div class="ad-slot">Реклама</div><b>Популярное</b><br><a href="/news/1">Новость дня</a></td>
</tr>
<tr><td colspan="2" class="footer">
<a href="/about">О сайте</a> | <a href="/privacy">Политика конфиденциальности</a> | <a href="/advert">Реклама</a><br>
© 2026 «Городской вестник»
</td></tr>
</table>
</body>
</html>
"""


def main() -> None:
    out = Path(__file__).resolve().parent / "pages" / "win1251.html"
    # write_bytes, not write_text: no newline translation, so the bytes are reproducible.
    out.write_bytes(PAGE.encode("cp1251"))


if __name__ == "__main__":
    main()

"""Generate snapshots/pages/hostile.html: an ordinary-looking article laced with terminal attacks.

Raw control bytes are awkward to type and easy to lose in an editor, so the page is built
here from escape constants. Every place a page can put text the reader shows (title, meta,
JSON-LD, headings, paragraphs, link text, hrefs, alt, captions) carries at least one sequence,
so a test can assert none survive into the model or the terminal.
Run: python snapshots/make_hostile.py
"""

from pathlib import Path

ESC = "\x1b"
BEL = "\x07"
CSI_C1 = "\x9b"  # single-character CSI: some terminals honour it like ESC [
RED = ESC + "[31m"
RESET = ESC + "[0m"
CLEAR = ESC + "[2J" + ESC + "[H"
OSC52 = ESC + "]52;c;ZWNobyBwd25lZCA+IH4vLmJhc2hyYw==" + BEL  # writes to the clipboard
OSC8_OPEN = ESC + "]8;;https://evil.example/phish" + ESC + "\\"
OSC8_CLOSE = ESC + "]8;;" + ESC + "\\"
TITLE_SET = ESC + "]0;owned terminal" + BEL  # would retitle the terminal window
RLO = "\u202e"  # right-to-left override: makes "txt.exe" read as "exe.txt"
PDF = "\u202c"

PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{RED}Council approves{RESET} new library opening hours{BEL} | The Valley {RLO}tsoP{PDF}</title>
<meta name="description" content="Libraries will open{OSC52} until 9 p.m. on weekdays from January.">
<meta property="og:title" content="Council approves new library opening hours{TITLE_SET}">
<meta property="og:site_name" content="The Valley Post[bold]">
<meta property="article:published_time" content="2026-11-20T08:00:00Z">
<script type="application/ld+json">
{{"@context":"https://schema.org","@type":"NewsArticle","headline":"Council approves new library opening hours\\u001b[5m","author":{{"@type":"Person","name":"Gareth Lewin\\u001b]52;c;cm0gLXJmIH4=\\u0007"}},"datePublished":"2026-11-20T08:00:00Z","publisher":{{"@type":"Organization","name":"The Valley Post"}}}}
</script>
</head>
<body>
<header>
  <nav>
    <a href="/">Home</a> <a href="/news">News</a> <a href="/council">Council</a> <a href="/schools">Schools</a>
    <a href="/health">Health</a> <a href="/business">Business</a> <a href="/sport">Sport</a> <a href="/whats-on">What's on</a>
    <a href="/weather">Weather</a> <a href="/letters">Letters</a> <a href="/contact">Contact</a>
  </nav>
</header>
<main>
<article>
  <h1>Council approves {RED}new{RESET} library opening hours [bold]not bold[/bold]</h1>
  <p class="byline">By Gareth Lewin{BEL} · 20 November 2026</p>
  <p>Public libraries across the valley will stay open until 9 p.m. on weekdays from January, after councillors voted on Wednesday to extend opening hours for the first time in more than a decade.{CLEAR}</p>
  <p>The change applies to all seven branch libraries and the central library on Market Street. It will cost about £310,000 a year, paid for by savings from the council's new energy contract, according to a report presented to the cabinet.{OSC52}</p>
  <p>Cabinet member Ruth Okonjo said the longer hours were aimed at students and people who work during the day. "Too many people told us the library was closed by the time they got home from work," she said. [red]This sentence must not turn red.[/red]</p>
  <p>Library staff will be offered extra paid hours first, and the council expects to recruit twelve part-time assistants to cover the evening shifts. Unions said they welcomed the plan but wanted guarantees on staff safety late in the evening.{CSI_C1}2J</p>
  <figure>
    <img src="/img/central-library.jpg" alt="The central library{ESC}[8m at dusk">
    <figcaption>The central library will be the first to trial the new hours.{TITLE_SET}</figcaption>
  </figure>
  <p>Readers can find the full timetable on the <a href="https://valleypost.example/council/library-hours{ESC}[31m">council's library page{RED}</a>, and the cabinet report is published in the <a href="{OSC8_OPEN}https://valleypost.example/docs/cabinet-report.pdf{OSC8_CLOSE}">{OSC8_OPEN}meeting documents{OSC8_CLOSE}</a>. Anyone who wants to comment can use [link=https://evil.example]click[/link] the consultation form or the attachment named {RLO}fdp.exe{PDF} that some residents received by email, which the council says is not genuine.</p>
  <p>Evening events are also planned, including homework clubs for secondary school pupils on Tuesdays and Thursdays, a monthly book group and free digital skills sessions for older residents. The council said it would review attendance after six months before deciding whether to make the hours permanent.</p>
  <p>Opposition councillors supported the proposal but questioned whether the energy savings would last. Councillor Dylan Price said the authority should "plan for the day the contract ends rather than hope prices stay low", and asked for a fuller costing before the next budget.{BEL}{BEL}</p>
  <p>The first branch to move to the new hours will be the central library, from 6 January, with the remaining branches following by the end of February. Library cards can be renewed online or at any branch, and membership remains free for everyone who lives, works or studies in the area.</p>
  <p><a href="javascript:alert(1)">Open the{ESC}[?1049h interactive map</a> · <a href="https://valleypost.example/news/{RLO}gpj.exe">Photo gallery</a></p>
</article>
<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u=x">Share on Facebook</a> <a href="https://twitter.com/intent/tweet?url=x">Tweet</a></div>
</main>
<footer><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a> · © 2026 The Valley Post</footer>
</body>
</html>
"""


def main() -> None:
    out = Path(__file__).resolve().parent / "pages" / "hostile.html"
    out.write_bytes(PAGE.encode("utf-8"))


if __name__ == "__main__":
    main()

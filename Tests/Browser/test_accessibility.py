"""axe-core on every page of the attendee's flow, as each role sees it, on a phone (360 px) and a
laptop (1280 px): no violation of the WCAG 2.x A and AA rules. Screenshots at 360 and 1920 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import SCREENSHOTS, screenshot, sign_in

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}}


def pages_of(site, role):
    """The pages each role opens in the attendee's flow: a name (for screenshots) and a path."""
    workshop = f"/ateliers/{site.workshop}"
    listed = [
        ("accueil", "/"),
        ("atelier", workshop),
        ("atelier-soutien", workshop + "?tri=soutien&q=donn%C3%A9es"),
        ("propositions", workshop + "/propositions"),
        ("introuvable", "/nulle-part"),
    ]
    own = site.sql(
        f"SELECT id FROM contribution WHERE author_id = '{site.people[role].id}' AND status = 'published' ORDER BY created_at LIMIT 1")
    if own:
        listed.append(("modifier", f"/contributions/{own[0][0]}/modifier"))
    return listed


def assert_no_violations(page, label):
    results = Axe().run(page, options=WCAG)
    violations = [f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in results.response["violations"]]
    assert violations == [], f"{label}: {violations}"


@pytest.mark.parametrize("width", [360, 1280])
def test_the_sign_in_page_and_its_error_have_no_violation(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site.url("/entrer"))
    assert_no_violations(page, f"entrer {width}")
    page.get_by_label("Code personnel").fill("ABCD-EFGH-JKMN")
    page.get_by_role("button", name="Entrer").click()
    assert page.get_by_label("Code personnel").get_attribute("aria-invalid") == "true"
    assert_no_violations(page, f"entrer (erreur) {width}")
    context.close()


@pytest.mark.parametrize("role", ["attendee", "lead", "admin"])
@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_in_every_role_has_no_violation(browser, site, role, width):
    page = sign_in(browser, site, role, width=width)
    for name, path in pages_of(site, role):
        page.goto(site.url(path))
        assert_no_violations(page, f"{role} {name} {width}")
        # Reflow: nothing wider than the screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{role} {name} scrolls sideways at {width}"
    page.context.close()


def test_pages_reflow_at_320_px_and_at_200_percent_zoom(browser, site):
    """RGAA 10.11: at 320 CSS pixels (a 640 px window at 200 %), nothing scrolls sideways."""
    page = sign_in(browser, site, "attendee", width=320)
    for name, path in pages_of(site, "attendee"):
        page.goto(site.url(path))
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{name} scrolls sideways at 320 px"
    page.context.close()


def test_screenshots_at_360_and_1920(browser, site):
    for width, height in [(360, 800), (1920, 1080)]:
        page = sign_in(browser, site, "attendee", width=width, height=height)
        for name, path in pages_of(site, "attendee")[:4]:
            page.goto(site.url(path))
            screenshot(page, f"{name}-{width}")
        page.context.close()
    # One contribution with its vote, as a phone shows it, for the README.
    page = sign_in(browser, site, "attendee", width=360)
    page.goto(site.url(f"/ateliers/{site.workshop}"))
    page.locator("li.contribution").nth(1).get_by_role("button", name="Passer").click()
    page.locator("li.contribution").nth(1).screenshot(path=str(SCREENSHOTS / "contribution-360.png"))
    page.context.close()
    anonymous = browser.new_context(viewport={"width": 360, "height": 800}).new_page()
    anonymous.goto(site.url("/entrer"))
    screenshot(anonymous, "entrer-360")

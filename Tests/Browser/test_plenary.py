"""The plenary screen in Chromium, opened with the display access: axe at 360, 1280 and 1920 px,
a proposal published meanwhile appears without a reload, Pause stops following and Resume catches
up, and the display access is refused everything else."""

import json
import re
import urllib.request

import pytest
from playwright.sync_api import expect

from conftest import atelier, screenshot
from test_accessibility import assert_no_violations


@pytest.fixture(scope="module")
def display_token(site):
    return atelier("participants", "add", "--congress", "agen-2026", "--name", "Écran de plénière", "--role", "display",
                   database_url=site.database_url)


def open_screen(browser, site, token, width=1920, height=1080):
    page = browser.new_context(viewport={"width": width, "height": height}, locale="fr-FR").new_page()
    page.goto(site.url(f"/entrer/{token}"))
    page.wait_for_url(site.url("/ecran"))
    return page


def api(site, method, path, body=None, version=None):
    request = urllib.request.Request(site.url(path), method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Authorization", f"Bearer {site.people['admin'].token}")
    request.add_header("Content-Type", "application/json")
    if version is not None:
        request.add_header("If-Match", f'"{version}"')
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def publish(site, title, most_voted=False):
    """A proposal of the first workshop from two of its contributions (the newest, or the most voted on, which
    every opinion group has voted on whatever the other tests posted), validated and published by the admin."""
    order = "(SELECT count(*) FROM vote WHERE vote.contribution_id = contribution.id) DESC, id" if most_voted else "created_at DESC"
    sources = [row[0] for row in site.sql(
        f"SELECT id FROM contribution WHERE workshop_id = '{site.workshop}' AND status = 'published' ORDER BY {order} LIMIT 2")]
    created = api(site, "POST", f"/api/v1/workshops/{site.workshop}/proposals", {"title": title, "synthesis": "Texte.", "sources": sources})
    validated = api(site, "PATCH", f"/api/v1/proposals/{created['id']}", {"status": "validated"}, created["version"])
    api(site, "PATCH", f"/api/v1/proposals/{created['id']}", {"status": "published"}, validated["version"])


@pytest.mark.parametrize("width,height", [(320, 640), (360, 800), (1280, 800), (1920, 1080)])
def test_the_screen_has_no_violation(browser, site, display_token, width, height):
    page = open_screen(browser, site, display_token, width, height)
    expect(page.get_by_role("button", name="Mettre en pause")).to_be_visible()
    assert_no_violations(page, f"ecran {width}")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    screenshot(page, f"ecran-{width}")
    page.context.close()


def test_a_published_proposal_appears_within_two_seconds_and_pause_holds_it(browser, site, display_token):
    page = open_screen(browser, site, display_token)
    expect(page.locator("#ecran-etat")).to_contain_text("En direct", timeout=5000)
    publish(site, "Un référent numérique dans chaque intercommunalité")
    expect(page.get_by_text("Un référent numérique dans chaque intercommunalité", exact=True)).to_be_visible(timeout=2000)
    expect(page.locator("#ecran-annonce")).to_have_text(
        "Nouvelle proposition publiée : Un référent numérique dans chaque intercommunalité")
    screenshot(page, "ecran-nouvelle-1920")

    # By keyboard: the skip link first, then Pause among the screen's controls.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller au contenu")).to_be_focused()
    page.get_by_role("button", name="Mettre en pause").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Reprendre les mises à jour")).to_be_focused()
    expect(page.locator("#ecran-etat")).to_have_text("Mises à jour en pause.")
    publish(site, "Mutualiser la cybersécurité entre communes")
    page.keyboard.press("Space")
    expect(page.get_by_text("Mutualiser la cybersécurité entre communes", exact=True)).to_be_visible(timeout=2000)
    page.context.close()


def test_the_display_access_reads_the_screen_and_nothing_else(browser, site, display_token):
    page = open_screen(browser, site, display_token, 1280, 800)
    response = page.goto(site.url(f"/ateliers/{site.workshop}"))
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Accès refusé")
    assert page.goto(site.url("/admin")).status == 403
    page.context.close()


def test_a_published_proposal_says_how_each_opinion_group_voted(browser, site, display_token):
    api(site, "POST", f"/api/v1/workshops/{site.workshop}/opinion-groups")
    page = open_screen(browser, site, display_token)
    expect(page.locator("#ecran-etat")).to_contain_text("En direct", timeout=5000)
    publish(site, "Un guichet numérique accompagné dans chaque mairie", most_voted=True)
    item = page.locator("li[data-proposition]", has=page.get_by_text("Un guichet numérique accompagné dans chaque mairie", exact=True))
    expect(item.locator(".proposal-opinion")).to_have_text(
        re.compile(r"^(Soutenue dans chacun des \d+ groupes d’opinion|Non soutenue par (le groupe|les groupes) d’opinion [\d, et]+ sur \d+)"
                   r"\u00a0: (groupe \d+ à )?\d+\u00a0%"), timeout=2000)
    assert_no_violations(page, "ecran groupes d'opinion 1920")
    screenshot(page, "ecran-groupes-opinion-1920")
    page.context.close()
